package io.fleetdesk.jdbc;

import io.fleetdesk.model.Notice;

/** A round read on request: the reading, or why there is none (null why: no target is linked). */
public record LinkedReading(DeepProbe.Reading reading, Notice why) {
}
