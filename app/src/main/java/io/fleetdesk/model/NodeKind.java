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
    NOT_LISTED,
    /** An Autonomous Database: serverless under its compartment, dedicated under its container database. */
    AUTONOMOUS_DATABASE,
    /** The local (same-region) Autonomous Data Guard standby of an Autonomous Database: it has no OCID of its own. */
    AUTONOMOUS_STANDBY,
    /** An autonomous container database (dedicated Autonomous), under its autonomous VM cluster. */
    AUTONOMOUS_CONTAINER_DATABASE,
    /** An autonomous VM cluster (Exadata Database Service or Cloud@Customer), under its infrastructure. */
    AUTONOMOUS_VM_CLUSTER,
    /** An Exadata infrastructure: Exadata Database Service or Exadata Cloud@Customer. */
    EXADATA_INFRASTRUCTURE,
    /** A VM cluster on Exadata, holding DB homes and their databases. */
    VM_CLUSTER;

    /** The kinds the fleet counts as databases (health counts, status bar, metrics). */
    public boolean isDatabase() {
        return this == DATABASE || this == DIRECT_DATABASE || this == AUTONOMOUS_DATABASE;
    }
}
