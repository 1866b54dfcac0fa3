package io.fleetdesk.poll;

import io.fleetdesk.jdbc.DeepProbe;
import io.fleetdesk.jdbc.DirectHealthRules;
import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.model.Notice;

import java.time.Instant;
import java.util.List;

/**
 * What is known of one target now.
 *
 * @param reading  the last good round, or null
 * @param verdict  the health rules' verdict on that round, or null
 * @param problem  why the last round failed (the ORA- error explained), or null
 * @param lastGood when the last good round ended
 * @param lag      apply and transport lag over the last hour, oldest first
 */
public record DirectTargetState(DirectTarget target, boolean connected, DeepProbe.Reading reading,
                          DirectHealthRules.Verdict verdict, Notice problem, Instant lastGood, List<LagPoint> lag) {
}
