package io.fleetdesk.ui.fleet;

import io.fleetdesk.app.FleetSession;
import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.app.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Operations the audit log shows as sent without an outcome (the app closed or crashed while they
 * ran): when their profile opens, the banner says so, each is followed to its real end through its
 * work request ({@link io.fleetdesk.ops.CrashRecovery}), and the banner says how it ended.
 */
final class UnfinishedOperations {
    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedOperations.class);
    private final AuditLog audit;
    private final ExecutorService background;
    private final Executor ui;
    private final Consumer<String> banner;
    private final Supplier<FleetSession> session;

    /** Operations (by audit operation id) being recovered, so a profile reopened meanwhile does not do it twice. */
    private final java.util.Set<String> recovering = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Operations of this profile that the app left without an outcome last time (a crash, a kill): the
     * banner says so at once, then each work request is followed (found once the tree knows the
     * target's region) and its end recorded in the audit log and said in the banner.
     */
    UnfinishedOperations(AuditLog audit, ExecutorService background, Executor ui, Consumer<String> banner,
                         Supplier<FleetSession> session) {
        this.audit = audit;
        this.background = background;
        this.ui = ui;
        this.banner = banner;
        this.session = session;
    }

    void follow(FleetSession s) {
        background.submit(() -> {
            List<AuditLog.Unfinished> pending;
            try {
                pending = io.fleetdesk.ops.CrashRecovery.pending(audit, s.profile().name()).stream()
                        .filter(u -> recovering.add(u.intent().operationId())).toList();
            } catch (RuntimeException e) {
                LOG.warn("the audit log could not be read for unfinished operations: {}", e.toString());
                return null;
            }
            if (pending.isEmpty()) {
                return null;
            }
            String listed = String.join("\n", pending.stream().map(u -> Messages.of(
                    io.fleetdesk.ops.CrashRecovery.announce(u))).toList());
            LOG.warn("{} operation(s) of {} were left without an outcome last time; following them", pending.size(),
                    s.profile().name());
            ui.execute(() -> banner.accept(Messages.get("recovery.banner", listed)));
            List<String> settled = new ArrayList<>();
            for (AuditLog.Unfinished u : pending) {
                String target = io.fleetdesk.ops.CrashRecovery.regionTarget(u);
                String region = null;
                long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (target != null && (region = s.poller().store().current().regionOf(target)) == null
                        && System.nanoTime() < until && session.get() == s) {
                    Thread.sleep(500); // the first refresh of a large tenancy takes a while
                }
                io.fleetdesk.ops.CrashRecovery.Settled r;
                try {
                    r = region == null ? null : io.fleetdesk.ops.CrashRecovery.settle(audit, u, s.operations(region),
                            Duration.ofSeconds(2));
                } catch (RuntimeException e) {
                    LOG.warn("following the unfinished {} failed: {}", u.intent().action(), e.toString());
                    r = null;
                }
                if (r != null) {
                    settled.add(Messages.get("recovery.settled", Messages.of(io.fleetdesk.ops.CrashRecovery.announce(u)),
                            Messages.of(r.what())));
                } else {
                    recovering.remove(u.intent().operationId()); // tried again at the next start
                }
            }
            if (!settled.isEmpty()) {
                String text = String.join("\n", settled);
                ui.execute(() -> banner.accept(Messages.get("recovery.done", text)));
                ui.execute(io.fleetdesk.ui.audit.AuditWindow::reloadIfOpen);
            }
            return null;
        });
    }
}
