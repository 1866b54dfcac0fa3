package io.fleetdesk.ui.fleet;

import io.fleetdesk.app.FleetSession;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.model.TenancyInfo;
import io.fleetdesk.app.Messages;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The main window's status bar as text: databases by health, the last refresh, its problems (with
 * the regions a Retry-After holds back), the tenancy discovered, and the time to the next refresh.
 * Updated on the UI thread from each applied snapshot.
 */
public final class StatusBar {
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastRefresh = new ReadOnlyStringWrapper(Messages.get("status.waiting"));
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nextRefresh = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tenancy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tenancyDetails = new ReadOnlyStringWrapper("");

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastRefreshProperty() {
        return lastRefresh.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    /** Every problem of the last refresh, one per line: the tooltip. */
    public ReadOnlyStringProperty errorDetailsProperty() {
        return errorDetails.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextRefreshProperty() {
        return nextRefresh.getReadOnlyProperty();
    }

    /** "3 regions · 19 compartments". */
    public ReadOnlyStringProperty tenancyProperty() {
        return tenancy.getReadOnlyProperty();
    }

    /** When the tenancy was discovered, and how to discover it again: the tooltip. */
    public ReadOnlyStringProperty tenancyDetailsProperty() {
        return tenancyDetails.getReadOnlyProperty();
    }

    /** A profile is opening or opened: nothing read yet. */
    void waiting() {
        lastRefresh.set(Messages.get("status.waiting"));
        tenancy.set("");
    }

    /** Shift+F5: the tenancy is being discovered again. */
    void discovering() {
        tenancy.set(Messages.get("status.discovering"));
    }

    /** After a snapshot was applied to the tree. {@code pauses}: regions a Retry-After holds back. */
    void show(FleetSnapshot s, Map<String, Duration> pauses) {
        Map<Health, Integer> c = s.countByHealth();
        counts.set(Messages.get("status.counts", s.count(NodeKind.DATABASE) + s.count(NodeKind.DIRECT_DATABASE) + s.count(NodeKind.AUTONOMOUS_DATABASE),
                c.get(Health.OK), c.get(Health.WARNING), c.get(Health.CRITICAL), c.get(Health.UNKNOWN)));
        lastRefresh.set(Messages.get("status.refreshed", clock(s.takenAt()), s.refreshDuration().toMillis() / 1000.0,
                s.requests()));
        // Discovery's problems first (they say which policy would show more), then the refresh's.
        List<String> problemLines = new ArrayList<>();
        s.tenancy().problems().forEach(n -> problemLines.add(Messages.of(n)));
        problemLines.addAll(Messages.of(s.errors()));
        // A Retry-After holds a region back (a minute at most): say so, or the rows just look slow.
        pauses.forEach((region, left) -> problemLines.add(Messages.get("status.paused", region,
                Math.max(1, left.toSeconds()))));
        errors.set(problemLines.isEmpty() ? Messages.get("status.noErrors") : Messages.get("status.errors", problemLines.size()));
        errorDetails.set(String.join("\n", problemLines));
        TenancyInfo t = s.tenancy();
        if (t.discoveredAt() != null) {
            tenancy.set(Messages.get(t.complete() ? "status.tenancy" : "status.tenancyOld", t.regions(), t.compartments()));
            tenancyDetails.set(Messages.get(t.complete() ? "status.tenancy.tip" : "status.tenancyOld.tip",
                    clock(t.discoveredAt())));
        }
    }

    /** Once a second: when the next refresh starts. */
    void tick(FleetSession s, boolean opening) {
        if (s == null) {
            nextRefresh.set(opening ? Messages.get("status.opening") : "");
            return;
        }
        if (s.poller().isRefreshing()) {
            nextRefresh.set(Messages.get("status.refreshing"));
            return;
        }
        Instant next = s.poller().nextRefreshAt();
        nextRefresh.set(next == null ? Messages.get("status.refreshing")
                : Messages.get("status.next", Math.max(0, Duration.between(Instant.now(), next).toSeconds())));
    }

    private static LocalTime clock(Instant t) {
        return LocalTime.ofInstant(t, ZoneId.systemDefault()).withNano(0);
    }
}
