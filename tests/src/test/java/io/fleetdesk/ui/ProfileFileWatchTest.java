package io.fleetdesk.ui;

import io.fleetdesk.model.NodeKind;
import io.fleetdesk.sim.DemoCredentials;
import io.fleetdesk.sim.DemoFleet;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.sim.SimTenancy;
import io.fleetdesk.support.Fx;
import io.fleetdesk.ui.common.LaunchOptions;
import io.fleetdesk.ui.common.Theme;
import io.fleetdesk.ui.fleet.FleetViewModel;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The OCI config file edited while the app runs, with a profile that reaches a simulator through the
 * real SDK as a real tenancy's would: a good edit applies without a restart, a broken one shows the
 * banner and the profile keeps working with what it had.
 */
@ExtendWith(ApplicationExtension.class)
class ProfileFileWatchTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    Path dir;
    private Stage stage;
    private DemoFleet sim;

    @AfterEach
    void close() {
        if (stage != null) {
            Fx.run(stage::close);
        }
        if (sim != null) {
            sim.close();
        }
    }

    private String profile(String name, Path key, String extra) {
        DemoCredentials c = sim.credentials();
        return "[" + name + "]\nuser=" + DemoCredentials.USER_ID + "\nfingerprint=" + c.fingerprint() + "\ntenancy="
                + DemoCredentials.TENANCY_ID + "\nregion=us-ashburn-1\n" + (key == null ? "" : "key_file=" + key + "\n")
                + "fleetdesk_endpoint=" + sim.endpoints().get("us-ashburn-1") + "\n" + extra;
    }

    private static long databasesIn(SimFleet f, String compartmentId) {
        SimTenancy t = f.tenancy();
        return f.allDatabases().stream().filter(d -> t.isInSubtree(d.compartmentId(), compartmentId)).count();
    }

    @Test
    void aGoodEditAppliesAtOnceAndABrokenOneShowsTheBannerWhileTheProfileKeepsWorking() throws Exception {
        sim = DemoFleet.start(9, 60, 1, 60.0, new FaultPlan());
        SimFleet f = sim.fleet();
        f.tenancy().allow("ListPluggableDatabases", f.tenancy().byName(SimTenancy.NO_PDB_POLICY_COMPARTMENT).id());
        Path key = dir.resolve("oci_api_key.pem");
        Files.write(key, sim.credentials().privateKeyPem());
        Path config = dir.resolve("config");
        Files.writeString(config, profile("SIM", key, ""));
        FleetViewModel vm = Fx.call(() -> {
            stage = new Stage();
            return FleetdeskApp.openMainWindow(stage, new LaunchOptions("SIM", config, Theme.LIGHT, Duration.ofMinutes(10),
                    40, 5L), new io.fleetdesk.app.SettingsStore(dir.resolve("settings")), new io.fleetdesk.ops.AuditLog(dir.resolve("data")));
        });
        Fx.waitUntil(WAIT, "the whole simulated tenancy is in the tree", () -> vm.session() != null
                && "SIM".equals(vm.session().profile().name())
                && vm.tree().snapshot().count(NodeKind.DATABASE) == f.allDatabases().size());

        // A good edit: a new profile, and SIM narrowed to the erp compartment.
        String erp = f.tenancy().byName("erp").id();
        Files.writeString(config, profile("SIM", key, "fleetdesk_compartments=" + erp + "\n") + "\n"
                + profile("OTHER", key, ""));
        Fx.waitUntil(WAIT, "the new profile is offered", () -> vm.profiles().contains("OTHER"));
        Fx.waitUntil(WAIT, "SIM shows only erp and below", () -> vm.session() != null
                && vm.tree().snapshot().count(NodeKind.DATABASE) == databasesIn(f, erp));
        Fx.waitUntil(WAIT, "the banner says it was opened again", () -> String.valueOf(vm.bannerProperty().get())
                .contains("changed on disk"));
        var session = vm.session();

        // A broken edit: key_file removed from SIM. The banner says what is wrong; SIM keeps running.
        Files.writeString(config, profile("SIM", null, "fleetdesk_compartments=" + erp + "\n"));
        Fx.waitUntil(WAIT, "the banner names the missing key", () -> String.valueOf(vm.bannerProperty().get())
                .contains("has no 'key_file'"));
        assertEquals(java.util.List.of("Demo fleet", "SIM"), Fx.call(() -> java.util.List.copyOf(vm.profiles())));
        SimFleet.Database db = f.allDatabases().stream().filter(d -> f.tenancy().isInSubtree(d.compartmentId(), erp))
                .findFirst().orElseThrow();
        f.overrideState(db.id(), "UPDATING");
        Fx.run(vm::refreshNow);
        Fx.waitUntil(WAIT, "SIM still refreshes", () -> "UPDATING".equals(vm.tree().snapshot().node(db.id()).lifecycleState()));
        assertSame(session, vm.session(), "the same session: nothing was torn down");

        // Mended: the banner goes.
        Files.writeString(config, profile("SIM", key, "fleetdesk_compartments=" + erp + "\n"));
        Fx.waitUntil(WAIT, "the banner goes once the file is mended", () -> vm.bannerProperty().get() == null);
    }
}
