package io.fleetdesk.jdbc;

import io.fleetdesk.model.Health;
import io.fleetdesk.model.Notice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a directly probed database's answers mean, as notices the UI words, with thresholds from the
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

    /** A verdict and its reasons, as notices ({@code direct.health.*} keys) the UI words. */
    public record Verdict(Health health, List<Notice> reasons) {
    }

    public Verdict evaluate(Answers a) {
        List<Notice> reasons = new ArrayList<>();
        Health[] h = {Health.OK};
        java.util.function.BiConsumer<Health, Notice> add = (level, why) -> {
            h[0] = h[0].worst(level);
            reasons.add(why);
        };
        if (a.instance() != null && "FAILED".equals(a.instance().archiver())) {
            add.accept(Health.CRITICAL, Notice.of("direct.health.archiverFailed"));
        }
        if (a.dataGuard() != null) {
            a.dataGuard().applyLag().ifPresent(lag -> {
                if (lag.compareTo(applyLagCritical) > 0) {
                    add.accept(Health.CRITICAL, Notice.of("direct.health.lag.critical", lag, applyLagCritical));
                } else if (lag.compareTo(applyLagWarning) > 0) {
                    add.accept(Health.WARNING, Notice.of("direct.health.lag.warning", lag, applyLagWarning));
                }
            });
        }
        for (Probes.ArchiveGap g : a.gaps()) {
            add.accept(Health.CRITICAL, Notice.of("direct.health.archiveGap", g.thread(), g.lowSequence(), g.highSequence()));
        }
        for (Probes.ArchiveDestError e : a.destErrors()) {
            add.accept(Health.WARNING, e.error() == null ? Notice.of("direct.health.destination", e.destName(), e.status())
                    : Notice.of("direct.health.destination.because", e.destName(), e.status(), e.error()));
        }
        a.recoveryArea().ifPresent(fra -> {
            double p = fra.usedPercent();
            if (p > recoveryAreaCritical) {
                add.accept(Health.CRITICAL, Notice.of("direct.health.recoveryArea.critical", fra.name(), p));
            } else if (p > recoveryAreaWarning) {
                add.accept(Health.WARNING, Notice.of("direct.health.recoveryArea.warning", fra.name(), p));
            }
        });
        for (Probes.Tablespace t : a.tablespaces()) {
            if (t.usedPercent() > tablespaceCritical) {
                add.accept(Health.CRITICAL, Notice.of("direct.health.tablespace.critical", t.name(), t.usedPercent()));
            } else if (t.usedPercent() > tablespaceWarning) {
                add.accept(Health.WARNING, Notice.of("direct.health.tablespace.warning", t.name(), t.usedPercent()));
            }
        }
        long blocked = a.sessions().stream().mapToLong(Probes.SessionCount::blocked).sum();
        if (blocked > 0) {
            add.accept(Health.WARNING, Notice.of("direct.health.blockedSessions", blocked));
        }
        return new Verdict(h[0], reasons);
    }
}
