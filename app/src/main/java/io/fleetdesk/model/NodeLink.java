package io.fleetdesk.model;

/**
 * A detail's value that is another row of the tree, such as a Data Guard peer in another region's
 * branch: the UI shows it as a link that selects that row (by its name when the row is in the tree,
 * by its OCID when it is not).
 *
 * @param nodeId the other row's id (an OCID)
 */
public record NodeLink(String nodeId) {
}
