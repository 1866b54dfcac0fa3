package io.fleetdesk.oci;

import com.oracle.bmc.auth.BasicAuthenticationDetailsProvider;

import java.util.List;
import java.util.function.Function;

/**
 * A profile resolved and ready to use: how to sign, which regions and compartments to watch, and
 * where each region's Database service answers.
 *
 * @param name          as the DBA chose it (the section name in {@code ~/.oci/config}, or "Demo fleet")
 * @param auth          signs every request
 * @param userId        the OCI user the requests run as, for the audit log
 * @param regions       region identifiers such as {@code us-ashburn-1}
 * @param compartments  compartments to list in every region
 * @param endpoint      the service endpoint for a region; null for the SDK's standard regional endpoint
 */
public record OciProfile(String name, BasicAuthenticationDetailsProvider auth, String userId, List<String> regions,
                         List<OciCompartment> compartments, Function<String, String> endpoint) {
    public OciProfile {
        regions = List.copyOf(regions);
        compartments = List.copyOf(compartments);
    }
}
