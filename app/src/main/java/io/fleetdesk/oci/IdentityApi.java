package io.fleetdesk.oci;

import java.util.List;

/**
 * The Identity service, for tenancy discovery: which regions the tenancy is subscribed to and its
 * compartment tree. One page per call, so the caller pages, retries and decides what a refusal
 * means. Every method throws {@link OciApiException} when the call fails.
 */
public interface IdentityApi extends AutoCloseable {
    /** A region subscription: READY ones are watched; {@code status} is null when the SDK did not know it. */
    record RegionSubscription(String regionName, String regionKey, String status, boolean home) {
    }

    /** A compartment as Identity lists it; {@code parentId} is its {@code compartmentId}. */
    record CompartmentRow(String id, String parentId, String name, String lifecycleState) {
    }

    /** ListRegionSubscriptions: every region the tenancy is subscribed to (not paged by the service). */
    List<RegionSubscription> listRegionSubscriptions(String tenancyId);

    /**
     * ListCompartments of the whole tree below the root: {@code compartmentIdInSubtree=true},
     * {@code accessLevel=ANY}, {@code lifecycleState=ACTIVE}, one page.
     */
    Page<CompartmentRow> listActiveCompartmentsInSubtree(String tenancyId, String page);

    /** GetCompartment; for the tenancy's OCID it returns the root, named as the tenancy. */
    CompartmentRow getCompartment(String compartmentId);

    @Override
    void close();
}
