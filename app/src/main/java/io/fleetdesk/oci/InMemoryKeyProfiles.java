package io.fleetdesk.oci;

import com.oracle.bmc.auth.SimpleAuthenticationDetailsProvider;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Profiles whose API key is held in memory, such as the built-in demo's; the key never touches disk. */
public final class InMemoryKeyProfiles {
    public static final String DEMO_PROFILE = "Demo fleet";

    private InMemoryKeyProfiles() {
    }

    /**
     * @param endpoints    region id to service endpoint URL
     * @param compartments compartment OCID to name
     */
    public static OciProfile create(String name, String tenancyId, String userId, String fingerprint,
                                    byte[] privateKeyPem, Map<String, String> endpoints,
                                    Map<String, String> compartments) {
        byte[] pem = privateKeyPem.clone();
        SimpleAuthenticationDetailsProvider auth = SimpleAuthenticationDetailsProvider.builder()
                .tenantId(tenancyId)
                .userId(userId)
                .fingerprint(fingerprint)
                .privateKeySupplier(() -> new ByteArrayInputStream(pem))
                .build();
        List<OciCompartment> comps = new ArrayList<>();
        compartments.forEach((id, n) -> comps.add(new OciCompartment(id, n)));
        Map<String, String> eps = Map.copyOf(endpoints);
        return new OciProfile(name, auth, userId, List.copyOf(endpoints.keySet()), comps, eps::get);
    }
}
