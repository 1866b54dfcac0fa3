package io.fleetdesk.oci;

import io.fleetdesk.model.DataGuardMember;

import java.time.Instant;

/** What the list calls return, reduced to the fields Fleetdesk shows; free of SDK types. */
public final class Rows {
    private Rows() {
    }

    public record DbSystemRow(String id, String compartmentId, String displayName, String availabilityDomain,
                              String shape, String hostname, Integer cpuCoreCount, String version,
                              String lifecycleState, String lifecycleDetails) {
    }

    public record DbHomeRow(String id, String dbSystemId, String displayName, String dbVersion, String lifecycleState) {
    }

    public record DatabaseRow(String id, String compartmentId, String dbSystemId, String dbHomeId, String dbName,
                              String dbUniqueName, String lifecycleState, String lifecycleDetails,
                              Instant lastBackup, Instant lastFailedBackup, DataGuardMember dataGuard) {
    }

    public record PdbRow(String id, String containerDatabaseId, String pdbName, String lifecycleState,
                         String openMode) {
    }
}
