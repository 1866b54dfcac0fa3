package io.fleetdesk.model;

/** The levels of the fleet tree, top to bottom. */
public enum NodeKind {
    REGION, COMPARTMENT, DB_SYSTEM, DATABASE, PLUGGABLE_DATABASE,
    /** "Direct connections", and the DBA's groups under it. */
    DIRECT_GROUP,
    /** A database reached over JDBC (alone, or linked under its OCI database). */
    DIRECT_DATABASE,
    /**
     * A kind of resource that could not be listed in a compartment because the service refused the call
     * (a missing policy): its name is the list call; its reason says which policy statement would allow it.
     */
    NOT_LISTED
}
