package io.fleetdesk.model;

/** How a fleet node is doing, ordered from best to worst so a parent can show the worst of its children. */
public enum Health {
    /** Running and nothing to look at. */
    OK,
    /** Not a problem yet, or a planned state such as a backup or maintenance. */
    WARNING,
    /** Needs a DBA now. */
    CRITICAL,
    /** We could not ask: the last probe failed or timed out. Never shown as healthy. */
    UNKNOWN;

    /** The worse of two health values; UNKNOWN counts as worse than WARNING but better than CRITICAL. */
    public Health worst(Health other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(Health h) {
        return switch (h) {
            case OK -> 0;
            case WARNING -> 1;
            case UNKNOWN -> 2;
            case CRITICAL -> 3;
        };
    }
}
