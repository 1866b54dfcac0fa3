package io.fleetdesk.oci;

import com.oracle.bmc.database.model.AutonomousContainerDatabaseDataguard;
import com.oracle.bmc.database.model.AutonomousContainerDatabaseSummary;
import com.oracle.bmc.database.model.AutonomousDatabaseStandbySummary;
import com.oracle.bmc.database.model.AutonomousDatabaseSummary;
import com.oracle.bmc.database.model.DisasterRecoveryConfiguration;
import io.fleetdesk.model.DataGuardMember;

import java.util.ArrayList;
import java.util.List;

import static io.fleetdesk.oci.SdkRegionApi.instant;
import static io.fleetdesk.oci.SdkRegionApi.state;

/**
 * Autonomous Databases and container databases from the SDK's models into {@link Rows}. Every field
 * may be absent in a real response, and an enum value this SDK does not know reads as UNKNOWN.
 */
final class AutonomousRows {
    private AutonomousRows() {
    }

    static Rows.AutonomousDatabaseRow row(AutonomousDatabaseSummary a) {
        return new Rows.AutonomousDatabaseRow(a.getId(), a.getCompartmentId(), a.getDisplayName(), a.getDbName(),
                state(a.getLifecycleState()), a.getLifecycleDetails(), state(a.getDbWorkload()), a.getDbVersion(),
                state(a.getComputeModel()), computeCount(a), storageGb(a), usedGb(a), a.getIsDedicated(),
                a.getAutonomousContainerDatabaseId(), state(a.getInfrastructureType()), dataGuard(a),
                instant(a.getTimeMaintenanceBegin()), a.getAvailabilityDomain());
    }

    /** ECPU count, or the older OCPU / core counts when that is all the service sent. */
    private static Float computeCount(AutonomousDatabaseSummary a) {
        if (a.getComputeCount() != null) {
            return a.getComputeCount();
        }
        if (a.getOcpuCount() != null) {
            return a.getOcpuCount();
        }
        return a.getCpuCoreCount() == null ? null : a.getCpuCoreCount().floatValue();
    }

    private static Integer storageGb(AutonomousDatabaseSummary a) {
        if (a.getDataStorageSizeInGBs() != null) {
            return a.getDataStorageSizeInGBs();
        }
        return a.getDataStorageSizeInTBs() == null ? null : a.getDataStorageSizeInTBs() * 1024;
    }

    private static Integer usedGb(AutonomousDatabaseSummary a) {
        if (a.getUsedDataStorageSizeInGBs() != null) {
            return a.getUsedDataStorageSizeInGBs();
        }
        return a.getUsedDataStorageSizeInTBs() == null ? null : a.getUsedDataStorageSizeInTBs() * 1024;
    }

    private static Rows.AutonomousDataGuard dataGuard(AutonomousDatabaseSummary a) {
        AutonomousDatabaseStandbySummary local = a.getLocalStandbyDb();
        AutonomousDatabaseStandbySummary standby = a.getStandbyDb();
        boolean anything = a.getRole() != null || a.getIsDataGuardEnabled() != null || a.getIsLocalDataGuardEnabled() != null
                || a.getIsRemoteDataGuardEnabled() != null || local != null || standby != null
                || (a.getPeerDbIds() != null && !a.getPeerDbIds().isEmpty());
        if (!anything) {
            return null;
        }
        if (local == null && Boolean.TRUE.equals(a.getIsLocalDataGuardEnabled())) {
            local = standby; // older responses carry the local standby only as standbyDb
        }
        DisasterRecoveryConfiguration remote = a.getRemoteDisasterRecoveryConfiguration();
        // On a standby peer, standbyDb describes how far this database is behind its primary.
        Integer ownLag = standby == null || !isStandbyRole(state(a.getRole())) ? null : standby.getLagTimeInSeconds();
        return new Rows.AutonomousDataGuard(state(a.getRole()), a.getIsDataGuardEnabled(), a.getIsLocalDataGuardEnabled(),
                a.getIsRemoteDataGuardEnabled(), local == null ? null : local.getLagTimeInSeconds(),
                local == null ? null : state(local.getLifecycleState()), local == null ? null : local.getLifecycleDetails(),
                local == null ? null : local.getAvailabilityDomain(), a.getPeerDbIds(), state(a.getDataguardRegionType()),
                state(a.getLocalDisasterRecoveryType()),
                remote == null ? null : state(remote.getDisasterRecoveryType()),
                instant(a.getTimeOfLastSwitchover()), instant(a.getTimeOfLastFailover()), ownLag);
    }

    private static boolean isStandbyRole(String role) {
        return role != null && role.endsWith("STANDBY");
    }

    static Rows.ContainerDatabaseRow row(AutonomousContainerDatabaseSummary c) {
        String cluster = c.getCloudAutonomousVmClusterId() != null ? c.getCloudAutonomousVmClusterId() : c.getAutonomousVmClusterId();
        AutonomousContainerDatabaseDataguard self = null;
        List<String> peers = new ArrayList<>();
        if (c.getDataguardGroupMembers() != null) {
            for (AutonomousContainerDatabaseDataguard m : c.getDataguardGroupMembers()) {
                if (m == null || m.getAutonomousContainerDatabaseId() == null) {
                    continue;
                }
                if (m.getAutonomousContainerDatabaseId().equals(c.getId())) {
                    self = m;
                } else {
                    peers.add(m.getAutonomousContainerDatabaseId());
                }
            }
        }
        if (self == null) {
            self = c.getDataguard();
        }
        DataGuardMember dg = null;
        if (self != null) {
            String role = state(self.getRole());
            boolean standby = isStandbyRole(role);
            dg = new DataGuardMember(role != null ? role : state(c.getRole()), peers, state(self.getProtectionMode()),
                    self.getRedoTransportMode(), standby ? self.getApplyLag() : null,
                    standby ? LagText.seconds(self.getApplyLag()) : -1, standby ? self.getTransportLag() : null,
                    null, null, null, null, null);
        } else if (c.getRole() != null) {
            dg = new DataGuardMember(state(c.getRole()), peers, null, null, null, -1, null, null, null, null, null, null);
        }
        return new Rows.ContainerDatabaseRow(c.getId(), c.getCompartmentId(), c.getDisplayName(), c.getDbUniqueName(),
                state(c.getLifecycleState()), c.getLifecycleDetails(), c.getDbVersion(), cluster,
                state(c.getInfrastructureType()), c.getNextMaintenanceRunId(), dg,
                self == null ? null : self.getIsAutomaticFailoverEnabled(),
                self == null ? null : instant(self.getTimeLastRoleChanged()), c.getDbName());
    }
}
