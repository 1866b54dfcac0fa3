package io.fleetdesk.ui.viewmodels;

import io.fleetdesk.model.Detail;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.model.Notice;
import io.fleetdesk.model.Staleness;
import io.fleetdesk.ops.DataGuardActions;
import io.fleetdesk.app.Messages;
import io.fleetdesk.ui.details.DetailsViewModel;
import io.fleetdesk.ui.fleet.FleetRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the details pane says for a row, without a screen, on the demo fleet ({@link HeadlessFleet}). */
class DetailsViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    @TempDir
    Path dir;
    private HeadlessFleet fleet;
    private DetailsViewModel details;

    @BeforeEach
    void open() throws Exception {
        fleet = new HeadlessFleet(dir);
        details = new DetailsViewModel(fleet.vm, () -> NOW);
    }

    @AfterEach
    void close() throws Exception {
        fleet.close();
    }

    private static FleetRow row(FleetSnapshot s, FleetNode n) {
        return FleetRow.of(n, s);
    }

    /** A worded text: no key left unresolved and no MessageFormat placeholder left over. */
    private static void worded(String text) {
        assertNotNull(text);
        assertFalse(text.startsWith("!") || text.contains("{0}") || text.isBlank(), text);
    }

    @Test
    void aContainerOverFailingRowsSaysWhatIsWrongBelowItWorstFirstAndNeverAllGood() throws Exception {
        fleet.onUi(() -> {
            FleetSnapshot s = fleet.vm.tree().snapshot();
            // The container whose rows below are worst (the demo always has rows that are not OK).
            List<Health> worstFirst = List.of(Health.CRITICAL, Health.UNKNOWN, Health.WARNING, Health.OK);
            FleetNode compartment = s.nodes().values().stream().filter(n -> FleetSnapshot.isContainer(n.kind()))
                    .filter(n -> n.reasons().isEmpty() && n.stale() == null && n.parentId() != null)
                    .min(java.util.Comparator.comparingInt(n -> worstFirst.indexOf(s.rolledUpHealth(n.id()))))
                    .orElseThrow();
            Health rolledUp = s.rolledUpHealth(compartment.id());
            assertTrue(rolledUp != Health.OK, "the demo has rows that are not OK");
            DetailsViewModel.Content c = details.of(row(s, compartment));
            DetailsViewModel.Below below = c.belowSummary();
            assertNotNull(below, "a row below that is not OK is summed up");
            assertEquals(rolledUp, below.worst().getFirst().health(), "the worst is named first");
            List<Health> order = List.of(Health.CRITICAL, Health.UNKNOWN, Health.WARNING);
            List<Integer> ranks = below.worst().stream().map(r -> order.indexOf(r.health())).toList();
            assertEquals(ranks.stream().sorted().toList(), ranks, "worst first: " + below.worst());
            assertTrue(below.worst().size() <= 5);
            assertEquals(below.critical() + below.unknown() + below.warning(), below.worst().size() + below.more(),
                    "every row that is not OK is named or counted");
            below.worst().forEach(r -> worded(r.firstReason()));
            assertNull(c.allGood(), "a compartment over a database that is not OK must not read as all good");
            assertEquals(rolledUp, c.rolledUp(), "its own health is OK; the pane says what is below");
            assertEquals(compartment, c.path().getLast(), "the breadcrumbs end at the row itself");
            return null;
        });
    }

    @Test
    void aDataGuardDatabaseOffersBackupsAndItsOperationsEachWithWhyNotInTheDbasWords() throws Exception {
        fleet.onUi(() -> {
            FleetSnapshot s = fleet.vm.tree().snapshot();
            List<FleetNode> dg = s.nodes().values().stream().filter(n -> n.kind() == NodeKind.DATABASE
                    && n.dataGuard() != null).toList();
            boolean sawWhyNot = false;
            for (FleetNode db : dg) {
                DetailsViewModel.Content c = details.of(row(s, db));
                assertTrue(c.backups(), "a database has a Backups dialog");
                List<DataGuardActions.Offer> offers = fleet.vm.features().dataGuardOffers(row(s, db));
                assertEquals(offers, c.dataGuard().stream().map(DetailsViewModel.OfferView::offer).toList());
                for (DetailsViewModel.OfferView o : c.dataGuard()) {
                    assertEquals(Messages.get("dg.menu." + o.offer().kind().name().toLowerCase(Locale.ROOT)), o.label());
                    if (o.offer().available()) {
                        assertNull(o.whyNot());
                    } else {
                        worded(o.whyNot());
                        assertEquals(Messages.of(o.offer().reason()), o.whyNot());
                        sawWhyNot = true;
                    }
                }
                assertEquals(db.dbName(), c.fields().get(Detail.DB_NAME), "the DB name is a field of its own");
            }
            assertTrue(sawWhyNot, "the demo has a pair where an operation is not offered, with why");
            return null;
        });
    }

    @Test
    void aHealthyDatabaseSaysAllGoodAndAStaleOneSaysSinceWhenAndWhy() throws Exception {
        fleet.onUi(() -> {
            FleetSnapshot s = fleet.vm.tree().snapshot();
            FleetNode ok = s.nodes().values().stream().filter(n -> n.kind() == NodeKind.DATABASE
                    && n.shownHealth() == Health.OK && n.reasons().isEmpty() && n.stale() == null).findFirst().orElseThrow();
            DetailsViewModel.Content fresh = details.of(row(s, ok));
            assertEquals(Messages.get("details.allGood"), fresh.allGood());
            assertNull(fresh.stale());
            assertNull(fresh.belowSummary(), "a database is not a container");

            Notice why = Notice.of("poll.refreshFailed", "503 Service Unavailable");
            FleetNode old = ok.markedStale(new Staleness(NOW.minus(Duration.ofSeconds(90)), why));
            DetailsViewModel.Content stale = details.of(new FleetRow(old, Health.OK, false));
            assertTrue(stale.stale().contains("90"), "how long ago it was last read: " + stale.stale());
            assertTrue(stale.stale().contains(Messages.of(why)), "and why: " + stale.stale());
            assertEquals(Messages.get("details.allGoodWhenLastRead"), stale.allGood(),
                    "all good only as of the last reading");
            return null;
        });
    }

    @Test
    void thePaneIsRebuiltOnlyWhenItsRowChanged() throws Exception {
        fleet.onUi(() -> {
            FleetSnapshot s = fleet.vm.tree().snapshot();
            List<FleetNode> dbs = s.nodes().values().stream().filter(n -> n.kind() == NodeKind.DATABASE
                    && n.stale() == null).limit(2).toList();
            assertNull(details.of(null), "nothing selected");
            details.of(row(s, dbs.get(0)));
            assertFalse(details.outdated(row(s, dbs.get(0))), "the same row, read again: no rebuild, no lost click");
            assertTrue(details.outdated(row(s, dbs.get(1))), "another row");
            assertTrue(details.outdated(null));
            return null;
        });
    }
}
