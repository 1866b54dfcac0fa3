package io.fleetdesk.ui.fleet;

import io.fleetdesk.app.FleetSession;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.FleetUpdate;
import io.fleetdesk.ui.common.FxBatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The open session's updates into the tree: each update's new rows are built on the poller's thread,
 * then the updates cross to the UI thread in batches ({@link FxBatcher}), at most ten a second. An
 * update of a session that is no longer open is dropped (its generation is old).
 */
final class TreeFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TreeFeed.class);

    /** An update for one session, with the items of the nodes it adds, built off the UI thread (null: none). */
    private record Tagged(long generation, FleetUpdate update, FleetTreeModel.Prebuilt prebuilt) {
    }

    private final FleetTreeModel tree;
    private final FxBatcher<Tagged> batcher;
    private final Consumer<FleetSnapshot> applied;
    private final List<Runnable> afterApply = new ArrayList<>();
    private final List<Runnable> beforeApply = new ArrayList<>();
    private volatile long generation;
    private Consumer<FleetUpdate> subscription;
    private FleetSession followed;

    /** @param applied told of the tree's snapshot after each batch (the status bar, the banner) */
    TreeFeed(FleetTreeModel tree, Executor ui, Consumer<FleetSnapshot> applied) {
        this.tree = tree;
        this.applied = applied;
        this.batcher = FxBatcher.on(ui, Duration.ofMillis(100), this::apply);
    }

    /** Runs after each applied batch, on the UI thread (the controller refreshes the details pane). */
    void onApplied(Runnable r) {
        afterApply.add(r);
    }

    /** Runs before each batch is applied, on the UI thread (the controller notes the selected row). */
    void onBeforeApply(Runnable r) {
        beforeApply.add(r);
    }

    /** The tree now shows this session: the last one's updates stop, and the tree starts empty. */
    void follow(FleetSession s) {
        unfollow();
        long gen = ++generation;
        tree.clear();
        subscription = u -> {
            // Runs on the poller's thread: added rows (the first load's ~40,000 items at 10,000 databases) are built here.
            batcher.offer(new Tagged(gen, u, tree.prebuild(u)));
        };
        followed = s;
        s.poller().store().subscribe(subscription);
    }

    void unfollow() {
        if (followed != null) {
            followed.poller().store().unsubscribe(subscription);
            followed = null;
        }
    }

    private void apply(List<Tagged> batch) {
        List<FleetUpdate> mine = new ArrayList<>();
        List<FleetTreeModel.Prebuilt> prebuilt = new ArrayList<>();
        for (Tagged t : batch) {
            if (t.generation() == generation) {
                mine.add(t.update());
                if (t.prebuilt() != null) {
                    prebuilt.add(t.prebuilt());
                }
            }
        }
        if (mine.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        beforeApply.forEach(Runnable::run);
        tree.apply(mine, prebuilt);
        long t1 = System.nanoTime();
        applied.accept(tree.snapshot());
        long t2 = System.nanoTime();
        afterApply.forEach(Runnable::run);
        long t3 = System.nanoTime();
        if (t3 - t0 > 50_000_000L) {
            // Over the 50 ms budget of design section 6: say where it went (the first load of a large fleet does).
            LOG.info("applying {} update(s) took {} ms on the FX thread (tree {} ms, status {} ms, view {} ms)",
                    mine.size(), (t3 - t0) / 1_000_000, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        }
    }

    @Override
    public void close() {
        unfollow();
        batcher.close();
    }
}
