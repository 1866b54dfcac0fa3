package io.fleetdesk.ops;

import io.fleetdesk.support.En;
import io.fleetdesk.model.DataGuardMember;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.oci.DataGuardOperationsApi;
import io.fleetdesk.oci.Rows.DatabaseRow;
import io.fleetdesk.oci.SdkDataGuardOperationsApi;
import io.fleetdesk.ops.DataGuardPrechecks.Check;
import io.fleetdesk.ops.DataGuardPrechecks.PairFacts;
import io.fleetdesk.ops.DataGuardPrechecks.Verdict;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pre-checks a DBA sees before a switchover, failover or reinstate, and where the wizard is offered. */
class DataGuardPrechecksTest {
    private static final Duration THRESHOLD = Duration.ofSeconds(30);

    private static DatabaseRow db(String id, String name, String state, String role, String applyLag, String readiness) {
        return new DatabaseRow(id, "ocid1.compartment.oc1..c", "sys-" + id, "home-" + id, "SALES", name, state, null,
                null, null, new DataGuardMember(role, List.of(id.equals("a") ? "b" : "a"), "MAXIMUM_PERFORMANCE", "ASYNC",
                applyLag, io.fleetdesk.oci.LagText.seconds(applyLag), "1 second", readiness, null, readiness, null,
                "2 seconds"));
    }

    private static DataGuardOperationsApi.Association association(String state) {
        return new DataGuardOperationsApi.Association("assoc-a", "a", "PRIMARY", "b", "STANDBY", "sys-b", state, null,
                "MAXIMUM_PERFORMANCE", "ASYNC", "5 seconds", "10 MByte/s");
    }

    private static Check check(List<Check> checks, String idPrefix) {
        return checks.stream().filter(c -> c.id().startsWith(idPrefix)).findFirst().orElseThrow(() ->
                new AssertionError("no check " + idPrefix + " in " + checks));
    }

    @Test
    void aHealthyPairPassesAndTheSqlChecksSayHowToRunThemByHand() {
        var r = DataGuardPrechecks.evaluate(new PairFacts(Kind.SWITCHOVER, db("a", "SALES_A", "AVAILABLE", "PRIMARY", null,
                null), db("b", "SALES_B", "AVAILABLE", "STANDBY", "4 seconds", "HEALTHY"), association("AVAILABLE"),
                List.of(), List.of()), THRESHOLD);
        assertFalse(r.blocked(), r.checks().toString());
        assertFalse(r.hasWarnings(), r.checks().toString());
        assertEquals(Verdict.PASS, check(r.checks(), "lag.apply").verdict());
        Check verify = check(r.checks(), "sql.verify");
        assertEquals(Verdict.NOT_CHECKED, verify.verdict());
        assertTrue(En.of(verify.title()).contains("SWITCHOVER TO SALES_B VERIFY"), En.of(verify.title()));
        assertTrue(En.of(verify.advice()).contains("ORA-16470") && En.of(verify.advice()).contains("ORA-16475"), En.of(verify.advice()));
        assertTrue(En.of(check(r.checks(), "sql.switchoverStatus").advice()).contains("TO STANDBY or SESSIONS ACTIVE"));
        Check logs = check(r.checks(), "sql.standbyLogs");
        assertEquals(Verdict.NOT_CHECKED, logs.verdict());
        assertTrue(En.of(logs.advice()).contains("FROM V$STANDBY_LOG"), En.of(logs.advice()));
    }

    @Test
    void withTheStandbyLinkedTheSqlChecksAreReadAndAnArchiveGapBlocksTheSwitchover() throws Exception {
        // The standby fixture: apply lag 67 s, a gap on thread 1, flashback on; read through its pool.
        String url = "jdbc:h2:mem:precheck-standby;MODE=Oracle;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
                + ";INIT=RUNSCRIPT FROM 'classpath:io/fleetdesk/sim/oracle-views.sql'\\;RUNSCRIPT FROM 'classpath:fixtures/oracle-views.sql'";
        try (var pool = new io.fleetdesk.jdbc.TargetPool("precheck", url, "fleetmon", "x".toCharArray(), Duration.ofSeconds(3))) {
            var standby = io.fleetdesk.jdbc.DeepProbe.read(pool, "fleetmon",
                    new io.fleetdesk.jdbc.DeepProbe.Options(Duration.ofSeconds(5), false));
            var r = DataGuardPrechecks.evaluate(new PairFacts(Kind.SWITCHOVER, db("a", "SALES_A", "AVAILABLE", "PRIMARY",
                    null, null), db("b", "SALES_fra1", "AVAILABLE", "STANDBY", "4 seconds", "HEALTHY"),
                    association("AVAILABLE"), List.of(), List.of()), THRESHOLD,
                    new DataGuardPrechecks.JdbcFacts(null, standby, null, null));
            assertEquals(Verdict.PASS, check(r.checks(), "sql.identity.standby").verdict(),
                    "the linked connection reaches the standby it is linked to");
            Check gap = check(r.checks(), "sql.archiveGap");
            assertEquals(Verdict.FAIL, gap.verdict());
            assertEquals("thread 1: 4120–4123", En.of(gap.measured()));
            assertTrue(r.blocked(), "a gap blocks Next");
            Check stats = check(r.checks(), "sql.dataguardStats");
            assertEquals(Verdict.WARN, stats.verdict());
            assertTrue(En.of(stats.measured()).startsWith("apply 67 s, transport 2 s"), En.of(stats.measured()));
            Check status = check(r.checks(), "sql.switchoverStatus");
            assertEquals(Verdict.NOT_CHECKED, status.verdict(), "the primary has no direct connection");
            assertTrue(En.of(status.advice()).contains("no direct connection is linked to SALES_A"), En.of(status.advice()));
            Check flashback = check(r.checks(), "sql.flashback");
            assertEquals(Verdict.WARN, flashback.verdict(), "only one side could be read");
            assertEquals("SALES_A: not read, SALES_fra1: YES", En.of(flashback.measured()));
            // The fixture's standby has two usable standby groups for three online, and one too small.
            Check logs = check(r.checks(), "sql.standbyLogs");
            assertEquals(Verdict.WARN, logs.verdict());
            assertEquals("SALES_A: not read, SALES_fra1: 3 standby for 3 online groups", En.of(logs.measured()));
            assertTrue(En.of(logs.advice()).contains("SALES_fra1: Thread 1 has 2 usable standby redo log groups for 3 online: 4 wanted")
                    && En.of(logs.advice()).contains("ADD STANDBY LOGFILE THREAD 1 SIZE 200M")
                    && En.of(logs.advice()).contains("group 13 is 100 MB") && En.of(logs.advice()).contains("SALES_A: link and connect it"),
                    En.of(logs.advice()));
        }
    }

    @Test
    void aLinkedConnectionThatReachesAnotherDatabaseFailsAndItsReadingsAreNotUsed() throws Exception {
        // The DBA linked the wrong connect string: the fixture is SALES_fra1, the OCI standby is SALES_B.
        String url = "jdbc:h2:mem:precheck-wrong;MODE=Oracle;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
                + ";INIT=RUNSCRIPT FROM 'classpath:io/fleetdesk/sim/oracle-views.sql'\\;RUNSCRIPT FROM 'classpath:fixtures/oracle-views.sql'";
        try (var pool = new io.fleetdesk.jdbc.TargetPool("precheck", url, "fleetmon", "x".toCharArray(), Duration.ofSeconds(3))) {
            var other = io.fleetdesk.jdbc.DeepProbe.read(pool, "fleetmon",
                    new io.fleetdesk.jdbc.DeepProbe.Options(Duration.ofSeconds(5), false));
            var r = DataGuardPrechecks.evaluate(new PairFacts(Kind.SWITCHOVER, db("a", "SALES_A", "AVAILABLE", "PRIMARY",
                    null, null), db("b", "SALES_B", "AVAILABLE", "STANDBY", "4 seconds", "HEALTHY"),
                    association("AVAILABLE"), List.of(), List.of()), THRESHOLD,
                    new DataGuardPrechecks.JdbcFacts(null, other, null, null));
            Check identity = check(r.checks(), "sql.identity.standby");
            assertEquals(Verdict.FAIL, identity.verdict());
            assertEquals("DB_UNIQUE_NAME SALES_fra1 (V$DATABASE), not SALES_B", En.of(identity.measured()));
            assertTrue(r.blocked(), "a connection to another database blocks Next");
            Check gap = check(r.checks(), "sql.archiveGap");
            assertEquals(Verdict.NOT_CHECKED, gap.verdict(), "the other database's V$ARCHIVE_GAP is not used");
            assertTrue(En.of(gap.advice()).contains("reaches SALES_fra1, not SALES_B"), En.of(gap.advice()));
        }
    }

    @Test
    void aBusyDatabaseAWorkRequestInFlightOrAWrongRoleBlock() {
        var busy = DataGuardPrechecks.evaluate(new PairFacts(Kind.SWITCHOVER, db("a", "SALES_A", "AVAILABLE", "PRIMARY",
                null, null), db("b", "SALES_B", "BACKUP_IN_PROGRESS", "STANDBY", "4 seconds", "HEALTHY"),
                association("UPDATING"), List.of(new DataGuardOperationsApi.RunningWork("wr1", "CREATE_BACKUP",
                "IN_PROGRESS", 40f)), List.of()), THRESHOLD);
        assertTrue(busy.blocked());
        assertEquals(Verdict.FAIL, check(busy.checks(), "state.b").verdict());
        assertTrue(En.of(check(busy.checks(), "state.b").advice()).contains("A backup is running"));
        assertEquals(Verdict.FAIL, check(busy.checks(), "association").verdict());
        assertTrue(En.of(check(busy.checks(), "work").measured()).contains("CREATE_BACKUP IN_PROGRESS 40 %"));

        var roles = DataGuardPrechecks.evaluate(new PairFacts(Kind.REINSTATE, db("a", "SALES_A", "AVAILABLE", "STANDBY",
                "1 second", null), db("b", "SALES_B", "AVAILABLE", "PRIMARY", null, null), association("AVAILABLE"),
                List.of(), List.of()), THRESHOLD);
        assertEquals(Verdict.FAIL, check(roles.checks(), "roles").verdict());
    }

    @Test
    void lagOverTheThresholdAndTheServicesWarningNeedAnAcknowledgementNotABlock() {
        var r = DataGuardPrechecks.evaluate(new PairFacts(Kind.SWITCHOVER, db("a", "SALES_A", "AVAILABLE", "PRIMARY",
                null, null), db("b", "SALES_B", "AVAILABLE", "STANDBY", "2 minutes", "WARNING"), association("AVAILABLE"),
                List.of(), List.of()), THRESHOLD);
        assertFalse(r.blocked());
        assertTrue(r.hasWarnings());
        assertEquals(Verdict.WARN, check(r.checks(), "lag.apply").verdict());
        assertTrue(En.of(check(r.checks(), "lag.apply").measured()).contains("2 min on SALES_B"));
        assertEquals(Verdict.WARN, check(r.checks(), "readiness").verdict());
    }

    @Test
    void aFailoverWithTheOldPrimaryStillUpWarnsAndSpellsOutTheDataLossExposure() {
        var r = DataGuardPrechecks.evaluate(new PairFacts(Kind.FAILOVER, db("b", "SALES_B", "AVAILABLE", "STANDBY",
                "4 seconds", "HEALTHY"), db("a", "SALES_A", "AVAILABLE", "PRIMARY", null, null), association("AVAILABLE"),
                List.of(), List.of()), THRESHOLD);
        assertEquals(Verdict.WARN, check(r.checks(), "state.peer").verdict());
        assertTrue(En.of(check(r.checks(), "state.peer").advice()).contains("a switchover loses no data"));
        Check exposure = check(r.checks(), "exposure");
        assertEquals(Verdict.WARN, exposure.verdict());
        assertTrue(En.of(exposure.measured()).contains("2 s in MAXIMUM_PERFORMANCE (ASYNC)"), En.of(exposure.measured()));
    }

    @Test
    void theChecksReadThePairFromTheSimulatorThroughTheSdkAndSeeARunningOperation() throws Exception {
        try (DemoHarness h = new DemoHarness(83, 120, 2, new FaultPlan())) {
            h.demo.server().dataGuardOperations().length(Duration.ofMinutes(30));
            SimFleet f = h.demo.fleet();
            SimFleet.Pair pair = h.availablePairInOneRegion();
            String primary = f.role(pair.firstDbId()).equals("PRIMARY") ? pair.firstDbId() : pair.secondDbId();
            String standby = primary.equals(pair.firstDbId()) ? pair.secondDbId() : pair.firstDbId();
            try (var api = new SdkDataGuardOperationsApi(h.profile, f.database(primary).region())) {
                var quiet = DataGuardPrechecks.read(Kind.SWITCHOVER, primary, standby, api, api);
                assertTrue(quiet.problems().isEmpty(), quiet.problems().toString());
                assertEquals("AVAILABLE", quiet.association().lifecycleState());
                assertEquals(standby, quiet.association().peerDatabaseId());
                assertTrue(quiet.running().isEmpty());

                api.switchover(primary, api.associationId(primary), "Demo#Admin_12".toCharArray());
                var busy = DataGuardPrechecks.evaluate(DataGuardPrechecks.read(Kind.SWITCHOVER, primary, standby, api,
                        api), THRESHOLD);
                assertTrue(busy.blocked());
                assertTrue(En.of(check(busy.checks(), "work").measured()).contains("SWITCHOVER_DATAGUARD"),
                        En.of(check(busy.checks(), "work").measured()));
                assertEquals("UPDATING", busy.facts().association().lifecycleState());
            }
        }
    }

    @Test
    void theTreeOffersEachOperationOnlyWhereItMakesSenseAndSaysWhyNot() {
        FleetNode p = node("a", "PRIMARY", "b");
        FleetNode s = node("b", "STANDBY", "a");
        FleetNode lone = new FleetNode("c", "sys", NodeKind.DATABASE, "LONE", "AVAILABLE", null, Health.OK, List.of(),
                Map.of(), Instant.now(), null);
        FleetSnapshot snap = new FleetSnapshot(Map.of("a", p, "b", s, "c", lone), Instant.now(), Duration.ZERO, List.of(), 0);
        OperationLocks locks = new OperationLocks();
        var fromStandby = DataGuardActions.offer(Kind.SWITCHOVER, snap, "b", locks);
        assertTrue(fromStandby.available());
        assertEquals("a", fromStandby.actedId(), "a switchover is sent on the primary's association");
        assertTrue(DataGuardActions.offer(Kind.FAILOVER, snap, "b", locks).available());
        var failoverOnPrimary = DataGuardActions.offer(Kind.FAILOVER, snap, "a", locks);
        assertFalse(failoverOnPrimary.available());
        assertTrue(En.of(failoverOnPrimary.reason()).contains("select SALES_B"), En.of(failoverOnPrimary.reason()));
        assertFalse(DataGuardActions.offer(Kind.REINSTATE, snap, "a", locks).available());
        assertTrue(En.of(DataGuardActions.offer(Kind.SWITCHOVER, snap, "c", locks).reason()).contains("no Data Guard association"));
        locks.tryLock(fromStandby.databaseIds(), "SWITCHOVER");
        var locked = DataGuardActions.offer(Kind.FAILOVER, snap, "b", locks);
        assertFalse(locked.available());
        assertTrue(En.of(locked.reason()).contains("a switchover of this pair open already"), En.of(locked.reason()));
    }

    private static FleetNode node(String id, String role, String peer) {
        return new FleetNode(id, "sys", NodeKind.DATABASE, id.equals("a") ? "SALES_A" : "SALES_B", "AVAILABLE",
                new DataGuardMember(role, List.of(peer), "MAXIMUM_PERFORMANCE", "ASYNC", "3 seconds", 3, "1 second",
                        "HEALTHY", null, "HEALTHY", null, "0 seconds"), Health.OK, List.of(), Map.of(io.fleetdesk.model.Detail.DB_NAME, "SALES"),
                Instant.now(), null);
    }
}
