package io.fleetdesk.oci;

import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OCI side of Data Guard operations, as the switchover wizard will use it, against the simulator. */
class DataGuardOperationsApiTest {
    private DemoHarness h;
    private SdkDataGuardOperationsApi api;
    private SimFleet.Database primary;

    @BeforeEach
    void start() throws Exception {
        h = new DemoHarness(78, 120, 2, new FaultPlan());
        SimFleet f = h.demo.fleet();
        h.workRequestsEndAfterFourReads(Duration.ofMinutes(10));
        SimFleet.Pair pair = h.availablePairInOneRegion();
        primary = f.database(pair.firstDbId());
        api = new SdkDataGuardOperationsApi(h.profile, primary.region());
    }

    @AfterEach
    void stop() {
        api.close();
        h.close();
    }

    private List<DataGuardOperationsApi.WorkRequestProgress> follow(String id) {
        List<DataGuardOperationsApi.WorkRequestProgress> seen = new ArrayList<>();
        await("work request " + id + " ends").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(150))
                .until(() -> {
                    DataGuardOperationsApi.WorkRequestProgress p = api.workRequest(id);
                    seen.add(p);
                    return p;
                }, DataGuardOperationsApi.WorkRequestProgress::ended);
        return seen;
    }

    @Test
    void aSwitchoverIsFollowedToTheEndWithProgressAndTheServicesLogAndThePasswordIsCleared() throws Exception {
        char[] password = "Demo#Admin_12".toCharArray();
        var submitted = api.switchover(primary.id(), api.associationId(primary.id()), password);
        assertArrayEquals(new char[password.length], password, "the password is wiped once sent");
        assertNotNull(submitted.workRequestId());
        assertNotNull(submitted.opcRequestId());
        var seen = follow(submitted.workRequestId());
        var last = seen.getLast();
        assertEquals("SUCCEEDED", last.status());
        assertEquals(100f, last.percentComplete());
        assertNotNull(last.finished());
        assertTrue(last.log().size() >= 5, last.log().toString());
        assertTrue(seen.stream().anyMatch(p -> p.percentComplete() > 0 && p.percentComplete() < 100), "progress was seen");
    }

    @Test
    void aFailedSwitchoverCarriesTheServicesErrorMessage() throws Exception {
        h.demo.server().dataGuardOperations().failNext("ORA-16467: switchover target is not synchronized");
        var submitted = api.switchover(primary.id(), api.associationId(primary.id()), "Demo#Admin_12".toCharArray());
        var last = follow(submitted.workRequestId()).getLast();
        assertEquals("FAILED", last.status());
        assertEquals(List.of("ORA-16467: switchover target is not synchronized"), last.errors());
        assertTrue(last.log().getLast().contains("ORA-16467"), last.log().toString());
    }

    @Test
    void aRefusedOperationIsAnOciApiExceptionWithTheStatus() {
        char[] password = "Demo#Admin_12".toCharArray();
        String assoc = api.associationId(primary.id());
        api.switchover(primary.id(), assoc, password.clone());
        OciApiException e = assertThrows(OciApiException.class, () -> api.switchover(primary.id(), assoc, password));
        assertEquals(409, e.status());
        assertArrayEquals(new char[password.length], password, "wiped even when refused");
    }
}
