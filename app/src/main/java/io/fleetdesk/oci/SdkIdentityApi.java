package io.fleetdesk.oci;

import com.oracle.bmc.identity.IdentityClient;
import com.oracle.bmc.identity.model.Compartment;
import com.oracle.bmc.identity.requests.GetCompartmentRequest;
import com.oracle.bmc.identity.requests.ListCompartmentsRequest;
import com.oracle.bmc.identity.requests.ListRegionSubscriptionsRequest;
import com.oracle.bmc.identity.responses.ListCompartmentsResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link IdentityApi} over the OCI SDK's {@link IdentityClient}, for one region (discovery reads the
 * home region). Same client settings as the Database clients: no SDK retries, no circuit breaker.
 */
public final class SdkIdentityApi implements IdentityApi {
    private final IdentityClient client;

    public SdkIdentityApi(OciProfile profile, String region, SdkRegionApi.Settings settings) {
        IdentityClient.Builder b = IdentityClient.builder().configuration(SdkRegionApi.configuration(settings));
        String endpoint = profile.identityEndpoint(region);
        if (endpoint != null) {
            b.endpoint(endpoint);
        } else {
            b.region(region);
        }
        this.client = b.build(profile.auth());
    }

    @Override
    public List<RegionSubscription> listRegionSubscriptions(String tenancyId) {
        var items = SdkRegionApi.call(() -> client.listRegionSubscriptions(ListRegionSubscriptionsRequest.builder()
                .tenancyId(tenancyId).build())).getItems();
        List<RegionSubscription> out = new ArrayList<>();
        for (var s : items == null ? List.<com.oracle.bmc.identity.model.RegionSubscription>of() : items) {
            out.add(new RegionSubscription(s.getRegionName(), s.getRegionKey(),
                    s.getStatus() == null ? null : s.getStatus().getValue(), Boolean.TRUE.equals(s.getIsHomeRegion())));
        }
        return out;
    }

    @Override
    public Page<CompartmentRow> listActiveCompartmentsInSubtree(String tenancyId, String page) {
        ListCompartmentsResponse r = SdkRegionApi.call(() -> client.listCompartments(ListCompartmentsRequest.builder()
                .compartmentId(tenancyId)
                .compartmentIdInSubtree(true)
                .accessLevel(ListCompartmentsRequest.AccessLevel.Any)
                .lifecycleState(Compartment.LifecycleState.Active)
                // No limit: the service's default page (100) and opc-next-page to the end. Discovery runs every
                // ten minutes, so five requests for 500 compartments cost nothing; an undocumented maximum could.
                .page(page)
                .build()));
        List<CompartmentRow> rows = new ArrayList<>();
        for (Compartment c : r.getItems() == null ? List.<Compartment>of() : r.getItems()) {
            rows.add(row(c));
        }
        return new Page<>(rows, r.getOpcNextPage(), r.getOpcRequestId());
    }

    @Override
    public CompartmentRow getCompartment(String compartmentId) {
        return row(SdkRegionApi.call(() -> client.getCompartment(GetCompartmentRequest.builder()
                .compartmentId(compartmentId).build())).getCompartment());
    }

    private static CompartmentRow row(Compartment c) {
        return new CompartmentRow(c.getId(), c.getCompartmentId(), c.getName(), SdkRegionApi.state(c.getLifecycleState()));
    }

    @Override
    public void close() {
        client.close();
    }
}
