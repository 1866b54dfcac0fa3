package io.fleetdesk.model;

/** The levels of the fleet tree, top to bottom. */
public enum NodeKind {
    REGION, COMPARTMENT, DB_SYSTEM, DATABASE, PLUGGABLE_DATABASE
}
