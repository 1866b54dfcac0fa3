package io.fleetdesk.oci;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What discovery found: the regions to watch (the home region first) and the compartments to show,
 * parents before children, siblings by name. The refresh cycle lists the {@code listed} ones in
 * every region; it never runs discovery itself.
 *
 * @param regions       READY subscribed regions, narrowed by the profile
 * @param compartments  the root, every ACTIVE compartment below it (narrowed by the profile), and the
 *                      ancestors a narrowed compartment needs for its path
 * @param problems      what discovery could not do, as notices the UI words (with what to do about it); empty
 *                      when all went well
 * @param complete      false when a call failed for a passing reason (network, 5xx): the layout is a
 *                      fallback and discovery should run again soon
 * @param requests      Identity requests this discovery sent
 */
public record TenancyLayout(List<String> regions, List<OciCompartment> compartments,
                            List<io.fleetdesk.model.Notice> problems,
                            boolean complete, Instant discoveredAt, Duration took, long requests) {
    public TenancyLayout {
        regions = List.copyOf(regions);
        compartments = List.copyOf(compartments);
        problems = List.copyOf(problems);
    }

    /** A fixed layout (tests, benchmarks): these regions and compartments, all listed, under a root of their own. */
    public static TenancyLayout fixed(List<String> regions, List<OciCompartment> compartments) {
        return new TenancyLayout(regions, compartments, List.of(), true, Instant.now(), Duration.ZERO, 0);
    }

    public List<OciCompartment> listed() {
        return compartments.stream().filter(OciCompartment::listed).toList();
    }

    /** Same regions and compartments (names, places and whether listed) as another layout. */
    public boolean sameTreeAs(TenancyLayout o) {
        return o != null && regions.equals(o.regions) && compartments.equals(o.compartments);
    }
}
