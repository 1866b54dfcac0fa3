package io.fleetdesk.oci;

import java.util.List;

/** One page of a list call; {@code nextPage} is the service's {@code opc-next-page}, null on the last page. */
public record Page<T>(List<T> items, String nextPage, String opcRequestId) {
    public Page {
        items = List.copyOf(items);
    }
}
