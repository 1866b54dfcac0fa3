package io.fleetdesk.oci;

import com.oracle.bmc.auth.BasicAuthenticationDetailsProvider;

import java.util.List;
import java.util.function.Function;

/**
 * A profile resolved and ready to use: how to sign, which tenancy, and where each region's services
 * answer. Which regions and compartments are watched is discovered from Identity
 * ({@link TenancyDiscovery}); the profile can only narrow it.
 *
 * @param name              as the DBA chose it (the section name in {@code ~/.oci/config}, or "Demo fleet")
 * @param auth              signs every request
 * @param userId            the OCI user the requests run as, for the audit log
 * @param tenancyId         the tenancy's OCID, which is also its root compartment's
 * @param region            the profile's own region: Identity is first asked there
 * @param regionFilter      {@code fleetdesk_regions}: only these subscribed regions; empty means every READY one
 * @param compartmentFilter {@code fleetdesk_compartments}: only these compartments and everything below
 *                          them; empty means the whole tenancy
 * @param endpoint          the Database service endpoint for a region; null for the SDK's standard regional endpoint
 * @param identityEndpoint  the Identity endpoint for a region; null to use {@code endpoint} when that is set
 *                          (the simulator and a proxy serve both on one host), else the SDK's standard one
 * @param workRequestsEndpoint the Work Requests endpoint for a region; null for the SDK's standard one
 *                          (the real service has it on another host than Database, so {@code endpoint} is not used)
 */
public record OciProfile(String name, BasicAuthenticationDetailsProvider auth, String userId, String tenancyId,
                         String region, List<String> regionFilter, List<OciCompartment> compartmentFilter,
                         Function<String, String> endpoint, Function<String, String> identityEndpoint,
                         Function<String, String> workRequestsEndpoint) {
    public OciProfile {
        regionFilter = List.copyOf(regionFilter);
        compartmentFilter = List.copyOf(compartmentFilter);
    }

    /** The same profile watching only these regions (the CLI's {@code --region}); empty: as it was. */
    public OciProfile withRegions(List<String> regions) {
        return regions.isEmpty() ? this : new OciProfile(name, auth, userId, tenancyId, region, regions,
                compartmentFilter, endpoint, identityEndpoint, workRequestsEndpoint);
    }

    /**
     * The same profile with the Database service at {@code template} (the CLI's {@code --endpoint};
     * {@code {region}} in it is replaced per region). Identity follows it unless the profile names its
     * own, as with {@code fleetdesk_endpoint} in the config file; Work Requests stay where they were.
     */
    public OciProfile withEndpoint(String template) {
        if (template == null || template.isBlank()) {
            return this;
        }
        return new OciProfile(name, auth, userId, tenancyId, region, regionFilter, compartmentFilter,
                r -> template.replace("{region}", r), identityEndpoint, workRequestsEndpoint);
    }

    /** The Work Requests endpoint for a region, or null for the SDK's standard one. */
    public String workRequestsEndpoint(String r) {
        return workRequestsEndpoint == null ? null : workRequestsEndpoint.apply(r);
    }

    /** The Identity endpoint for a region, or null for the SDK's standard one. */
    public String identityEndpoint(String r) {
        if (identityEndpoint != null) {
            return identityEndpoint.apply(r);
        }
        return endpoint == null ? null : endpoint.apply(r);
    }
}
