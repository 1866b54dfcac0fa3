package io.fleetdesk.oci;

import com.oracle.bmc.auth.SimpleAuthenticationDetailsProvider;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

/** Profiles whose API key is held in memory, such as the built-in demo's; the key never touches disk. */
public final class InMemoryKeyProfiles {
    public static final String DEMO_PROFILE = "Demo fleet";

    private InMemoryKeyProfiles() {
    }

    /**
     * A profile whose every region is served at its own endpoint (the simulator's ports), Identity
     * included; the first region is the profile's own. Nothing is narrowed: discovery finds the rest.
     *
     * @param endpoints region id to service endpoint URL
     */
    public static OciProfile create(String name, String tenancyId, String userId, String fingerprint,
                                    byte[] privateKeyPem, Map<String, String> endpoints) {
        return create(name, tenancyId, userId, fingerprint, privateKeyPem, endpoints, List.of(), List.of());
    }

    /** The same, narrowed to these regions and compartments (as {@code fleetdesk_regions} and {@code fleetdesk_compartments}). */
    public static OciProfile create(String name, String tenancyId, String userId, String fingerprint,
                                    byte[] privateKeyPem, Map<String, String> endpoints, List<String> regionFilter,
                                    List<OciCompartment> compartmentFilter) {
        byte[] pem = privateKeyPem.clone();
        SimpleAuthenticationDetailsProvider auth = SimpleAuthenticationDetailsProvider.builder()
                .tenantId(tenancyId)
                .userId(userId)
                .fingerprint(fingerprint)
                .privateKeySupplier(() -> new ByteArrayInputStream(pem))
                .build();
        Map<String, String> eps = Map.copyOf(endpoints);
        // Never fall back to the real service with an in-memory (demo) key: a region it does not serve is an error.
        java.util.function.Function<String, String> endpoint = r -> {
            String e = eps.get(r);
            if (e == null) {
                throw new IllegalArgumentException("profile " + name + " has no endpoint for region " + r);
            }
            return e;
        };
        return new OciProfile(name, auth, userId, tenancyId, endpoints.keySet().iterator().next(), regionFilter,
                compartmentFilter, endpoint, null, endpoint);
    }
}
