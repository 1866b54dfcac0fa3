package io.fleetdesk.model;

/**
 * One database's place in a Data Guard group, as the service reports it on the database.
 *
 * @param role                  PRIMARY, STANDBY, DISABLED_STANDBY or SNAPSHOT_STANDBY, as Oracle writes it
 * @param peerDatabaseIds       the other members' database OCIDs
 * @param protectionMode        e.g. MAXIMUM_PERFORMANCE
 * @param transportType         SYNC, ASYNC or FASTSYNC; null where unknown
 * @param applyLag              the service's text, e.g. "9 seconds"; null on a primary
 * @param applyLagSeconds       the same parsed, or -1 where unknown
 * @param transportLag          the service's text; null where unknown
 * @param switchoverReadiness   HEALTHY, WARNING or CRITICAL as the service judges it; null where unknown
 * @param switchoverMessage     the service's reason for that verdict; may be null
 * @param failoverReadiness     the service's verdict on a failover to this member; null where unknown
 * @param failoverMessage       the service's reason for that verdict; may be null
 * @param dataLossExposure      the redo a failover to this member would lose, as the service writes it; null where unknown
 */
public record DataGuardMember(String role, java.util.List<String> peerDatabaseIds, String protectionMode,
                              String transportType, String applyLag, long applyLagSeconds, String transportLag,
                              String switchoverReadiness, String switchoverMessage, String failoverReadiness,
                              String failoverMessage, String dataLossExposure) {
    public DataGuardMember {
        peerDatabaseIds = java.util.List.copyOf(peerDatabaseIds);
    }

    public boolean isStandby() {
        return role != null && role.endsWith("STANDBY");
    }
}
