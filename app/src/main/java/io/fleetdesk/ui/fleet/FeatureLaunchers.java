package io.fleetdesk.ui.fleet;

import io.fleetdesk.app.FleetSession;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.ops.DataGuardActions;
import io.fleetdesk.ops.DataGuardWorkflow;
import io.fleetdesk.ops.OperationLocks;
import io.fleetdesk.app.Messages;
import io.fleetdesk.ui.switchover.DataGuardWizardModel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What the main window opens from a database row: the Backups dialog's model and the Data Guard
 * wizard's, each wired to the open session's clients, the audit log and the per-database locks, and
 * holding the session open while its operation runs.
 */
public final class FeatureLaunchers {
    private final Supplier<FleetSession> session;
    private final FleetTreeModel tree;
    private final AuditLog audit;
    private final OperationLocks operationLocks;
    private final DirectTargets targets;
    private final SettingsWriter settings;
    private final Executor dialogs;
    private final Executor ui;

    FeatureLaunchers(Supplier<FleetSession> session, FleetTreeModel tree, AuditLog audit, OperationLocks operationLocks,
                     DirectTargets targets, SettingsWriter settings, java.util.concurrent.ExecutorService background,
                     Executor ui) {
        this.session = session;
        this.tree = tree;
        this.audit = audit;
        this.operationLocks = operationLocks;
        this.targets = targets;
        this.settings = settings;
        // After the main window closed, a dialog's late work (a reload after an action) is dropped, not thrown.
        this.dialogs = r -> {
            try {
                background.execute(r);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                org.slf4j.LoggerFactory.getLogger(FeatureLaunchers.class).debug("closing: background work dropped");
            }
        };
        this.ui = ui;
    }

    /** The Data Guard operations a row offers, each with why not when it is not available. */
    public List<DataGuardActions.Offer> dataGuardOffers(FleetRow row) {
        return DataGuardActions.offers(tree.snapshot(), row == null || row.node() == null ? null : row.node().id(),
                operationLocks);
    }

    /** Why a row has no Backups dialog, or null when it has one. */
    public String backupsUnavailable(FleetRow row) {
        if (row == null || row.node() == null || (row.node().kind() != io.fleetdesk.model.NodeKind.DATABASE
                && row.node().kind() != io.fleetdesk.model.NodeKind.AUTONOMOUS_DATABASE)) {
            return Messages.get("bk.why.notDatabase");
        }
        return session.get() == null ? Messages.get("status.opening") : null;
    }

    /** The Backups dialog's model for a database row. */
    public io.fleetdesk.ui.backups.BackupsViewModel openBackups(FleetRow row) {
        FleetSession s = session.get();
        String why = backupsUnavailable(row);
        if (why != null) {
            throw new IllegalStateException(why);
        }
        FleetNode n = row.node();
        String region = tree.snapshot().regionOf(n.id());
        boolean autonomous = n.kind() == io.fleetdesk.model.NodeKind.AUTONOMOUS_DATABASE;
        var model = new io.fleetdesk.ui.backups.BackupsViewModel(n, () -> autonomous ? s.autonomousBackups(region)
                : s.backups(region), audit, operationLocks,
                new io.fleetdesk.ops.BackupOperations.Actor(s.profile().name(), s.profile().userId()), dialogs, ui,
                s.poller()::refreshNow, Duration.ofSeconds(1));
        model.holdSessionWith(s::operation);
        return model;
    }

    /**
     * A wizard's model for an offered operation; the pair is locked from here until the wizard ends.
     *
     * @throws io.fleetdesk.ops.OperationInProgressException when the pair already has an operation open
     */
    public DataGuardWizardModel openDataGuard(DataGuardActions.Offer offer) {
        FleetSession s = session.get();
        if (s == null || !offer.available()) {
            throw new IllegalStateException(String.valueOf(offer.reason()));
        }
        FleetSnapshot snap = tree.snapshot();
        FleetNode acted = snap.node(offer.actedId());
        if (acted != null && (acted.kind() == io.fleetdesk.model.NodeKind.AUTONOMOUS_DATABASE
                || acted.kind() == io.fleetdesk.model.NodeKind.AUTONOMOUS_CONTAINER_DATABASE)) {
            return openAutonomous(offer, s, snap, acted);
        }
        FleetNode primary = snap.node(offer.kind() == DataGuardWorkflow.Kind.SWITCHOVER ? offer.actedId() : offer.peerId());
        String confirmName = primary.dbName();
        String region = snap.regionOf(offer.actedId());
        DataGuardWorkflow w = new DataGuardWorkflow(offer.kind(), new DataGuardWorkflow.Target(offer.actedId(), offer.peerId(), snap.node(offer.actedId()).name(), snap.node(offer.peerId()).name(),
                confirmName, s.profile().name(), s.profile().userId()),
                s.operations(region), audit, operationLocks,
                id -> {
                    var dg = s.operations(snap.regionOf(id)).database(id).dataGuard();
                    return dg == null ? null : dg.role();
                },
                new DataGuardWorkflow.Timing(Duration.ofSeconds(1), Duration.ofMinutes(10)));
        DataGuardWizardModel model = new DataGuardWizardModel(offer, w, snap, s::operations, targets.poller()::readLinked,
                settings.rules().applyLagWarning(), dialogs, ui, s.poller()::refreshNow);
        model.holdSessionWith(s::operation);
        return model;
    }

    /**
     * The wizard on an Autonomous Data Guard pair: an Autonomous Database with its local standby or a
     * cross-region peer, or a container database pair. Each database's operations go to its own region's
     * endpoint; nothing asks for a password.
     */
    private DataGuardWizardModel openAutonomous(DataGuardActions.Offer offer, FleetSession s, FleetSnapshot snap,
                                                FleetNode acted) {
        boolean container = acted.kind() == io.fleetdesk.model.NodeKind.AUTONOMOUS_CONTAINER_DATABASE;
        boolean local = io.fleetdesk.ops.AutonomousPairs.isLocalStandby(offer.peerId());
        FleetNode peer = snap.node(offer.peerId());
        FleetNode primary = offer.kind() == DataGuardWorkflow.Kind.SWITCHOVER || local ? acted : peer;
        java.util.function.Function<String, io.fleetdesk.oci.AutonomousOperationsApi> apiOf =
                id -> s.autonomousOperations(snap.regionOf(id));
        var target = new DataGuardWorkflow.Target(offer.actedId(), offer.peerId(), Messages.nodeName(acted),
                peer == null ? offer.peerId() : Messages.nodeName(peer), primary.dbName(), s.profile().name(),
                s.profile().userId());
        var timing = new DataGuardWorkflow.Timing(Duration.ofSeconds(1), Duration.ofMinutes(10));
        io.fleetdesk.ops.PairSender sender = container ? io.fleetdesk.ops.AutonomousPairs.containerDatabase(apiOf, target)
                : io.fleetdesk.ops.AutonomousPairs.autonomousDatabase(apiOf, target);
        io.fleetdesk.ops.RoleCheck roles = local ? io.fleetdesk.ops.AutonomousPairs.localStandby(offer.kind(), target, apiOf,
                timing.poll()) : io.fleetdesk.ops.AutonomousPairs.roles(offer.kind(), target, apiOf, container, timing.poll());
        DataGuardWorkflow w = new DataGuardWorkflow(offer.kind(), target, sender, audit, operationLocks, roles, timing);
        Duration lag = settings.rules().applyLagWarning();
        java.util.function.Supplier<io.fleetdesk.ops.DataGuardPrechecks.Result> checks = container
                ? () -> io.fleetdesk.ops.AutonomousPrechecks.containerDatabase(offer.kind(), offer.actedId(), offer.peerId(), apiOf, lag)
                : () -> io.fleetdesk.ops.AutonomousPrechecks.autonomousDatabase(offer.kind(), offer.actedId(), offer.peerId(), apiOf, lag);
        DataGuardWizardModel model = DataGuardWizardModel.autonomous(offer, w, snap, checks,
                container ? "" : local ? "adbLocal." : "adbRemote.", lag, dialogs, ui, s.poller()::refreshNow);
        model.holdSessionWith(s::operation);
        return model;
    }
}
