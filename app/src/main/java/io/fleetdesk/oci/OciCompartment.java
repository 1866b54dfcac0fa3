package io.fleetdesk.oci;

/** A compartment to list, by OCID, with the name the DBA knows it by. */
public record OciCompartment(String id, String name) {
}
