package io.fleetdesk.jdbc;

import io.fleetdesk.model.Health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a directly probed database's answers mean, in a DBA's words, with thresholds from the
 * settings: apply lag over 30 s WARNING, over 5 min CRITICAL; recovery area over 80 % WARNING, 95 %
 * CRITICAL; a tablespace over 85 / 95 %; the archiver FAILED CRITICAL; an archive gap CRITICAL; a
 * destination in error WARNING; blocked sessions WARNING.
 */
public record DirectHealthRules(Duration applyLagWarning, Duration applyLagCritical, double recoveryAreaWarning,
                                double recoveryAreaCritical, double tablespaceWarning, double tablespaceCritical) {

    public static DirectHealthRules defaults() {
        return new DirectHealthRules(Duration.ofSeconds(30), Duration.ofMinutes(5), 80, 95, 85, 95);
    }

    /** What the probes read from one database; a part that was not read is null or empty. */
    public record Answers(Probes.Instance instance, Probes.Database database, Probes.DataGuardStats dataGuard,
                          List<Probes.ArchiveGap> gaps, List<Probes.ArchiveDestError> destErrors,
                          Optional<Probes.RecoveryArea> recoveryArea, List<Probes.Tablespace> tablespaces,
                          List<Probes.SessionCount> sessions) {
    }

    /** A verdict and its reasons. */
    public record Verdict(Health health, List<String> reasons) {
    }

    public Verdict evaluate(Answers a) {
        List<String> reasons = new ArrayList<>();
        Health[] h = {Health.OK};
        java.util.function.BiConsumer<Health, String> add = (level, why) -> {
            h[0] = h[0].worst(level);
            reasons.add(why);
        };
        if (a.instance() != null && "FAILED".equals(a.instance().archiver())) {
            add.accept(Health.CRITICAL, "The archiver has FAILED: redo cannot be archived, and the database will hang"
                    + " when the online logs fill. Check the archive destinations and the recovery area.");
        }
        if (a.dataGuard() != null) {
            a.dataGuard().applyLag().ifPresent(lag -> {
                if (lag.compareTo(applyLagCritical) > 0) {
                    add.accept(Health.CRITICAL, "Apply lag " + human(lag) + " (V$DATAGUARD_STATS) is over "
                            + human(applyLagCritical) + ": check redo transport and apply on the standby.");
                } else if (lag.compareTo(applyLagWarning) > 0) {
                    add.accept(Health.WARNING, "Apply lag " + human(lag) + " is over " + human(applyLagWarning) + ".");
                }
            });
        }
        for (Probes.ArchiveGap g : a.gaps()) {
            add.accept(Health.CRITICAL, "Archive gap on thread " + g.thread() + ": sequences " + g.lowSequence() + " to "
                    + g.highSequence() + " are missing on the standby (V$ARCHIVE_GAP).");
        }
        for (Probes.ArchiveDestError e : a.destErrors()) {
            add.accept(Health.WARNING, e.destName() + " is " + e.status() + (e.error() == null ? "" : ": " + e.error()));
        }
        a.recoveryArea().ifPresent(fra -> {
            double p = fra.usedPercent();
            String text = String.format(Locale.ROOT, "Recovery area %s is %.0f %% full (after reclaimable files)", fra.name(), p);
            if (p > recoveryAreaCritical) {
                add.accept(Health.CRITICAL, text + ": the database stops when it fills. Back up and delete archived"
                        + " logs, or grow DB_RECOVERY_FILE_DEST_SIZE.");
            } else if (p > recoveryAreaWarning) {
                add.accept(Health.WARNING, text + ".");
            }
        });
        for (Probes.Tablespace t : a.tablespaces()) {
            String text = String.format(Locale.ROOT, "Tablespace %s is %.1f %% full", t.name(), t.usedPercent());
            if (t.usedPercent() > tablespaceCritical) {
                add.accept(Health.CRITICAL, text + ": add a datafile or let one autoextend.");
            } else if (t.usedPercent() > tablespaceWarning) {
                add.accept(Health.WARNING, text + ".");
            }
        }
        long blocked = a.sessions().stream().mapToLong(Probes.SessionCount::blocked).sum();
        if (blocked > 0) {
            add.accept(Health.WARNING, blocked + " session(s) are blocked by another session: see V$SESSION.BLOCKING_SESSION.");
        }
        return new Verdict(h[0], reasons);
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 120 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
