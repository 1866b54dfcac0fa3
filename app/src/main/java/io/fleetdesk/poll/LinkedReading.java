package io.fleetdesk.poll;

import io.fleetdesk.jdbc.DeepProbe;
import io.fleetdesk.model.Notice;

/** A round read on request: the reading, or why there is none (null why: no target is linked). */
public record LinkedReading(DeepProbe.Reading reading, Notice why) {
}
