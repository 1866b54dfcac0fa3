package io.fleetdesk.oci;

import com.oracle.bmc.database.model.AutonomousVmClusterSummary;
import com.oracle.bmc.database.model.CloudAutonomousVmClusterSummary;
import com.oracle.bmc.database.model.CloudExadataInfrastructureSummary;
import com.oracle.bmc.database.model.CloudVmClusterSummary;
import com.oracle.bmc.database.model.ExadataInfrastructureSummary;
import com.oracle.bmc.database.model.MaintenanceRunSummary;
import com.oracle.bmc.database.model.VmClusterSummary;

import static io.fleetdesk.oci.SdkRegionApi.instant;
import static io.fleetdesk.oci.SdkRegionApi.state;

/**
 * Exadata infrastructures, VM clusters, autonomous VM clusters and maintenance runs, cloud and
 * Cloud@Customer, from the SDK's models into {@link Rows}. Every field may be absent.
 */
final class ExadataRows {
    private ExadataRows() {
    }

    static Rows.ExadataInfrastructureRow row(CloudExadataInfrastructureSummary e) {
        return new Rows.ExadataInfrastructureRow(e.getId(), e.getCompartmentId(), e.getDisplayName(),
                state(e.getLifecycleState()), e.getLifecycleDetails(), e.getShape(), e.getComputeCount(),
                e.getStorageCount(), e.getDbServerVersion(), e.getStorageServerVersion(), e.getNextMaintenanceRunId(), false);
    }

    static Rows.ExadataInfrastructureRow row(ExadataInfrastructureSummary e) {
        return new Rows.ExadataInfrastructureRow(e.getId(), e.getCompartmentId(), e.getDisplayName(),
                state(e.getLifecycleState()), e.getLifecycleDetails(), e.getShape(), e.getComputeCount(),
                e.getStorageCount(), e.getDbServerVersion(), e.getStorageServerVersion(), e.getNextMaintenanceRunId(), true);
    }

    static Rows.VmClusterRow row(CloudVmClusterSummary v) {
        return new Rows.VmClusterRow(v.getId(), v.getCompartmentId(), v.getDisplayName(), state(v.getLifecycleState()),
                v.getLifecycleDetails(), v.getCloudExadataInfrastructureId(), v.getNodeCount(),
                v.getOcpuCount() != null ? v.getOcpuCount() : v.getCpuCoreCount() == null ? null : v.getCpuCoreCount().floatValue(),
                v.getGiVersion(), v.getSystemVersion(), false);
    }

    static Rows.VmClusterRow row(VmClusterSummary v) {
        Integer nodes = v.getDbServers() == null ? null : v.getDbServers().size();
        return new Rows.VmClusterRow(v.getId(), v.getCompartmentId(), v.getDisplayName(), state(v.getLifecycleState()),
                v.getLifecycleDetails(), v.getExadataInfrastructureId(), nodes,
                v.getOcpusEnabled() != null ? v.getOcpusEnabled() : v.getCpusEnabled() == null ? null : v.getCpusEnabled().floatValue(),
                v.getGiVersion(), v.getSystemVersion(), true);
    }

    static Rows.AutonomousVmClusterRow row(CloudAutonomousVmClusterSummary v) {
        return new Rows.AutonomousVmClusterRow(v.getId(), v.getCompartmentId(), v.getDisplayName(),
                state(v.getLifecycleState()), v.getLifecycleDetails(), v.getCloudExadataInfrastructureId(), v.getNodeCount(),
                v.getOcpuCount() != null ? v.getOcpuCount() : v.getCpuCoreCount() == null ? null : v.getCpuCoreCount().floatValue(),
                v.getNextMaintenanceRunId(), false);
    }

    static Rows.AutonomousVmClusterRow row(AutonomousVmClusterSummary v) {
        return new Rows.AutonomousVmClusterRow(v.getId(), v.getCompartmentId(), v.getDisplayName(),
                state(v.getLifecycleState()), v.getLifecycleDetails(), v.getExadataInfrastructureId(), v.getNodeCount(),
                v.getOcpusEnabled() != null ? v.getOcpusEnabled() : v.getCpusEnabled() == null ? null : v.getCpusEnabled().floatValue(),
                v.getNextMaintenanceRunId(), true);
    }

    static Rows.MaintenanceRunRow row(MaintenanceRunSummary m) {
        return new Rows.MaintenanceRunRow(m.getId(), m.getDisplayName(), m.getTargetResourceId(),
                state(m.getTargetResourceType()), state(m.getLifecycleState()), instant(m.getTimeScheduled()),
                state(m.getMaintenanceType()));
    }
}
