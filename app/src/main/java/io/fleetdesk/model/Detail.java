package io.fleetdesk.model;

/**
 * The name of a row in the details pane, as data: the UI labels it from {@code detail.<NAME>} in the
 * bundles. A value the DBA types or copies (DB name, DB unique name, OCIDs) is read by its constant,
 * never by a label, so translating a label cannot change what has to be typed.
 */
public enum Detail {
    REGION, COMPARTMENTS, PATH, COMPARTMENT_OCID, LISTED, LIST_CALL, COMPARTMENT, POLICY_NEEDED,
    SHAPE, CPU_CORES, HOSTNAME, AVAILABILITY_DOMAIN, VERSION, LIFECYCLE_DETAILS,
    DB_NAME, DB_UNIQUE_NAME, DATA_GUARD_ROLE, PROTECTION_MODE, TRANSPORT, APPLY_LAG, TRANSPORT_LAG,
    SWITCHOVER_READINESS, LAST_BACKUP, LAST_FAILED_BACKUP, OPEN_MODE, CONNECT, INSTANCE, OCID
}
