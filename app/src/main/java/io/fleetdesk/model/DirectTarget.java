package io.fleetdesk.model;

import java.util.Locale;

/**
 * A database the DBA reaches directly over JDBC, as saved in the settings: how to reach it, as
 * whom, and where it shows in the tree. Never a password: that is asked at connect time and kept
 * in memory only.
 *
 * @param id         stable key (a UUID), also the tree node's id suffix
 * @param name       what the DBA calls it in the tree
 * @param group      the DBA's group under "Direct connections"; blank for none
 * @param kind       how {@code connect} is read
 * @param connect    a JDBC URL, {@code host:port/service} (EZConnect), or a tnsnames.ora alias
 * @param tnsAdmin   the folder holding tnsnames.ora (and sqlnet.ora); blank for {@code TNS_ADMIN}
 * @param wallet     a wallet folder for TCPS / Autonomous Database; blank for none
 * @param user       the user name
 * @param role       NORMAL, or SYSDG / SYSDBA (a mounted standby accepts nothing else)
 * @param linkedDatabaseId the OCID of the OCI database this connect string reaches, or blank
 */
public record DirectTarget(String id, String name, String group, ConnectKind kind, String connect, String tnsAdmin,
                           String wallet, String user, Role role, String linkedDatabaseId) {

    /** How the connect field is read. */
    public enum ConnectKind {
        /** A whole JDBC URL, e.g. {@code jdbc:oracle:thin:@//db1:1521/SALES}. */
        URL,
        /** {@code host[:port]/service}, optionally {@code tcps://} in front. */
        EZCONNECT,
        /** An alias in tnsnames.ora. */
        TNS_ALIAS
    }

    /** The administrative privilege to connect with. */
    public enum Role {
        NORMAL, SYSDG, SYSDBA;

        /** As Oracle writes it after AS, or empty for NORMAL. */
        public String asClause() {
            return this == NORMAL ? "" : " AS " + name();
        }

        /** ojdbc's {@code internal_logon} value, or null for NORMAL. */
        public String internalLogon() {
            return this == NORMAL ? null : name().toLowerCase(Locale.ROOT);
        }
    }

    public DirectTarget {
        group = blankToEmpty(group);
        tnsAdmin = blankToEmpty(tnsAdmin);
        wallet = blankToEmpty(wallet);
        linkedDatabaseId = blankToEmpty(linkedDatabaseId);
        role = role == null ? Role.NORMAL : role;
        kind = kind == null ? ConnectKind.URL : kind;
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    /** The tree node's id. */
    public String nodeId() {
        return "direct:" + id;
    }

    /** As the DBA would write it for SQL*Plus: {@code user@connect [AS SYSDG]}. */
    public String describe() {
        return user + "@" + connect + role.asClause();
    }

    public boolean linked() {
        return !linkedDatabaseId.isEmpty();
    }
}
