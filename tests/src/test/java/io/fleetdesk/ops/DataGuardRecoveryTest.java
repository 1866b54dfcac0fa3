package io.fleetdesk.ops;

import io.fleetdesk.oci.SdkDataGuardOperationsApi;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.support.DemoHarness;
import io.fleetdesk.support.En;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The phase after the roles swap: the pair is read until it is back in shape, through the real SDK. */
class DataGuardRecoveryTest {
    private DemoHarness h;
    private FaultPlan faults;
    private SdkDataGuardOperationsApi api;
    private SimFleet.Database primary;
    private SimFleet.Database standby;
    private DataGuardRecovery.Pair pair;

    @BeforeEach
    void start() throws Exception {
        faults = new FaultPlan();
        h = new DemoHarness(79, 120, 2, faults);
        SimFleet.Pair p = h.availablePairInOneRegion();
        SimFleet fleet = h.demo.fleet();
        primary = "PRIMARY".equals(fleet.role(p.firstDbId())) ? fleet.database(p.firstDbId()) : fleet.database(p.secondDbId());
        standby = primary.id().equals(p.firstDbId()) ? fleet.database(p.secondDbId()) : fleet.database(p.firstDbId());
        api = new SdkDataGuardOperationsApi(h.profile, primary.region());
        pair = new DataGuardRecovery.Pair(Kind.SWITCHOVER, api, primary.id(), api, standby.id());
    }

    @AfterEach
    void stop() {
        api.close();
        h.close();
    }

    @Test
    void aPairWhoseStandbyHasCaughtUpIsSettledAtTheFirstRead() {
        h.demo.fleet().overrideApplyLag(standby.id(), 2);
        List<DataGuardRecovery.Reading> seen = new ArrayList<>();
        DataGuardRecovery.follow(pair, Duration.ofSeconds(30), Duration.ofMillis(50), Duration.ofSeconds(20), seen::add);
        assertEquals(1, seen.size(), "settled: no second read");
        DataGuardRecovery.Reading r = seen.getFirst();
        assertTrue(r.settled());
        assertEquals("AVAILABLE", r.associationState());
        assertEquals(standby.dbUniqueName(), r.standby());
        assertNull(r.failed());
    }

    @Test
    void aStandbyStillBehindIsNotSettledAndSaysItsLag() {
        h.demo.fleet().overrideApplyLag(standby.id(), 600);
        DataGuardRecovery.Reading r = DataGuardRecovery.read(pair, Duration.ofSeconds(30));
        assertFalse(r.settled(), "10 minutes behind a 30 s threshold");
        assertEquals("10 minutes", r.applyLag(), "the service's own text, worded by the wizard");
    }

    @Test
    void aReadThatFailsSaysWhyAndTheNextReadTriesAgain() {
        faults.regionDown(primary.region(), true);
        DataGuardRecovery.Reading r = DataGuardRecovery.read(pair, Duration.ofSeconds(30));
        assertFalse(r.settled());
        assertNotNull(r.failed());
        assertTrue(En.of(r.failed()).contains("503"), En.of(r.failed()));
        faults.regionDown(primary.region(), false);
        h.demo.fleet().overrideApplyLag(standby.id(), 2);
        assertTrue(DataGuardRecovery.read(pair, Duration.ofSeconds(30)).settled(), "once the region answers again");
    }
}
