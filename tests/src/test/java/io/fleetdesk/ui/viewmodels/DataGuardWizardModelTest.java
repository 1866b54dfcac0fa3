package io.fleetdesk.ui.viewmodels;

import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.oci.SdkDataGuardOperationsApi;
import io.fleetdesk.oci.SdkRegionApi;
import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.ops.DataGuardActions;
import io.fleetdesk.ops.DataGuardPrechecks.Verdict;
import io.fleetdesk.ops.DataGuardWorkflow;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.ops.OperationLocks;
import io.fleetdesk.poll.FleetPoller;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.support.DemoHarness;
import io.fleetdesk.app.Messages;
import io.fleetdesk.ui.switchover.DataGuardWizardModel;
import io.fleetdesk.ui.switchover.DataGuardWizardModel.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The switchover wizard's page rules without a screen: the pre-checks read the simulator through the
 * real SDK on the test's thread (same-thread executors), and Next says why it is not allowed.
 */
class DataGuardWizardModelTest {
    @TempDir
    Path data;
    private DemoHarness h;
    private SdkDataGuardOperationsApi api;
    private SdkRegionApi region;
    private SimFleet fleet;
    private SimFleet.Database primary;
    private SimFleet.Database standby;
    private final OperationLocks locks = new OperationLocks();

    @BeforeEach
    void start() throws Exception {
        h = new DemoHarness(79, 120, 2, new FaultPlan());
        fleet = h.demo.fleet();
        SimFleet.Pair pair = h.availablePairInOneRegion();
        primary = fleet.database(pair.firstDbId());
        standby = fleet.database(pair.secondDbId());
        fleet.overrideApplyLag(standby.id(), 2);
        api = new SdkDataGuardOperationsApi(h.profile, primary.region());
        region = new SdkRegionApi(h.profile, primary.region(), SdkRegionApi.Settings.defaults(), d -> { });
    }

    @AfterEach
    void stop() {
        api.close();
        region.close();
        h.close();
    }

    private DataGuardWizardModel wizard() {
        FleetSnapshot snap;
        try (FleetPoller p = h.poller()) {
            snap = p.refreshOnce();
        }
        String primaryId = "PRIMARY".equals(snap.node(primary.id()).role()) ? primary.id() : standby.id();
        DataGuardActions.Offer offer = DataGuardActions.offer(Kind.SWITCHOVER, snap, primaryId, locks);
        assertTrue(offer.available(), String.valueOf(offer.reason()));
        DataGuardWorkflow w = new DataGuardWorkflow(Kind.SWITCHOVER, new DataGuardWorkflow.Target(offer.actedId(),
                offer.peerId(), "a", "b", snap.node(offer.actedId()).dbName(), "Demo fleet", "ocid1.user.oc1..dba"),
                api, new AuditLog(data), locks, id -> region.getDatabase(id).dataGuard().role(),
                new DataGuardWorkflow.Timing(Duration.ofMillis(150), Duration.ofSeconds(10)));
        return new DataGuardWizardModel(offer, w, snap, r -> api, id -> new io.fleetdesk.jdbc.LinkedReading(null, null),
                Duration.ofSeconds(30), Runnable::run, Runnable::run, () -> { });
    }

    @Test
    void aFailedPreCheckKeepsNextOffAndSaysWhy() {
        DataGuardWizardModel m = wizard();
        assertEquals(Page.PAIR, m.pageProperty().get());
        assertTrue(m.nextAllowed().get(), "the pair page only shows");
        fleet.overrideState(m.offer().actedId(), "BACKUP_IN_PROGRESS");
        m.next();
        assertEquals(Page.PRECHECKS, m.pageProperty().get());
        assertTrue(m.checks().stream().anyMatch(c -> c.verdict() == Verdict.FAIL), m.checks().toString());
        assertFalse(m.nextAllowed().get());
        assertEquals(Messages.get("dg.next.blocked"), m.nextBlockedReason().get());
        m.next();
        assertEquals(Page.PRECHECKS, m.pageProperty().get(), "Next does nothing while a check fails");
    }

    @Test
    void theConfirmPageWantsThePrimarysDbNameInAnyCaseThenThePassword() {
        DataGuardWizardModel m = wizard();
        m.next();
        assertFalse(m.checks().isEmpty());
        assertFalse(m.checks().stream().anyMatch(c -> c.verdict() == Verdict.FAIL), m.checks().toString());
        if (m.hasWarningsBinding().get()) {
            assertEquals(Messages.get("dg.next.acknowledge"), m.nextBlockedReason().get());
            m.acknowledgedProperty().set(true);
        }
        assertNull(m.nextBlockedReason().get());
        m.next();
        assertEquals(Page.CONFIRM, m.pageProperty().get());
        String name = m.confirmName();
        assertEquals(Messages.get("dg.next.typeName", name), m.nextBlockedReason().get());
        m.typedNameProperty().set(" " + name.toLowerCase(Locale.ROOT) + " ");
        assertEquals(Messages.get("dg.next.password"), m.nextBlockedReason().get());
        m.passwordGivenProperty().set(true);
        assertTrue(m.nextAllowed().get());
        m.back();
        assertEquals(Page.PRECHECKS, m.pageProperty().get());
    }

    @Test
    void preChecksOlderThanFiveMinutesAreReadAgainBeforeAnythingIsSent() {
        DataGuardWizardModel m = wizard();
        long[] now = {0};
        m.useNanoClock(() -> now[0]);
        m.next();
        if (m.hasWarningsBinding().get()) {
            m.acknowledgedProperty().set(true);
        }
        m.next();
        m.typedNameProperty().set(m.confirmName());
        m.passwordGivenProperty().set(true);
        now[0] += Duration.ofMinutes(5).plusSeconds(1).toNanos();
        char[] password = "Demo#Admin_12".toCharArray();
        assertFalse(m.submit(password), "nothing is sent on checks read more than five minutes ago");
        assertEquals(Page.PRECHECKS, m.pageProperty().get(), "the DBA looks at the fresh checks again");
        assertTrue(m.staleChecksProperty().get(), "and the page says why");
        assertEquals(DataGuardWorkflow.State.PRECHECK, m.stateProperty().get());
        assertTrue(new String(password).chars().allMatch(c -> c == 0), "the password is wiped all the same");
    }
}
