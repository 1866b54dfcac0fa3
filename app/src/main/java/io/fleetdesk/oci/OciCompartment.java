package io.fleetdesk.oci;

/**
 * A compartment of the tenancy as the fleet tree shows it.
 *
 * @param id       its OCID (the tenancy's OCID for the root)
 * @param name     the name the DBA knows it by
 * @param parentId the parent compartment's OCID; null for the root, and for a compartment named in
 *                 {@code fleetdesk_compartments} whose place in the tree could not be read
 * @param path     names from the root down, joined with '/' (e.g. {@code acme/prod/erp})
 * @param listed   whether its resources are listed every refresh; false for an ancestor shown only
 *                 to keep the path of a narrowed profile's compartments
 */
public record OciCompartment(String id, String name, String parentId, String path, boolean listed) {
    /** A compartment named in a profile, before discovery has placed it. */
    public OciCompartment(String id, String name) {
        this(id, name, null, name, true);
    }

    /**
     * The policy location of this compartment, as a statement writes it: {@code tenancy} for the root,
     * else {@code compartment prod:erp} (the path below the root, joined with ':').
     */
    public String policyLocation() {
        if (id.startsWith("ocid1.tenancy.")) {
            return "tenancy";
        }
        int slash = path.indexOf('/');
        return "compartment " + (slash < 0 ? path : path.substring(slash + 1).replace('/', ':'));
    }
}
