package io.fleetdesk.ui.fleet;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.app.Messages;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** A row's words, shared by the tree's cells and the details pane: its name, its reasons, its times. */
public final class RowText {
    private RowText() {
    }

    /** A time of day on this computer's clock, to the second. */
    public static String time(Instant t) {
        return LocalTime.ofInstant(t, ZoneId.systemDefault()).withNano(0).toString();
    }

    private static final java.time.format.DateTimeFormatter DATE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    /** A date and time in the DBA's time zone, to the minute (a maintenance run days ahead). */
    public static String dateTime(Instant t) {
        return DATE_TIME.format(t.atZone(ZoneId.systemDefault()));
    }

    /** A row's name as shown: a kind that could not be listed is named in the DBA's words, not by its API call. */
    public static String displayName(FleetNode n) {
        return Messages.nodeName(n);
    }

    /** Why a node's health is what it is, the stale reason first, in the DBA's words. */
    public static List<String> reasons(FleetNode n) {
        List<String> r = new java.util.ArrayList<>(Messages.of(n.reasons()));
        if (n.stale() != null) {
            r.addFirst(Messages.get("details.staleReason", Messages.of(n.stale().reason())));
        }
        return r;
    }
}
