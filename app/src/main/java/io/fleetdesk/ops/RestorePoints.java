package io.fleetdesk.ops;

import io.fleetdesk.model.Notice;
import io.fleetdesk.oci.BackupsApi;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * What the DBA typed as a restore point, checked before anything is sent: a time that exists (no
 * 30 February moved to the 28th), inside the recovery window, not in the future; or an SCN that Oracle
 * can have. Either a {@link Valid} point or why the input is not one, as a notice.
 */
public final class RestorePoints {
    private RestorePoints() {
    }

    /** A restore point, or why the DBA's input is not one. */
    public sealed interface RestoreInput permits Valid, Invalid {
    }

    public record Valid(BackupsApi.RestorePoint point) implements RestoreInput {
    }

    public record Invalid(Notice why) implements RestoreInput {
    }

    /**
     * {@code uuuu} and STRICT: the default (SMART) resolver would turn 2026-02-30 into 28 February and
     * 2026-04-31 into 30 April and call it valid. A restore is the last place to guess a date.
     */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    /** Oracle's SCN is an unsigned 8-byte number since 12.2 (earlier ones are 6 bytes, which fit). */
    static final BigInteger MAX_SCN = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);

    /**
     * Checks a timestamp (UTC, {@code yyyy-MM-dd HH:mm[:ss]}, a real date and time, inside the recovery
     * window and not in the future). Nothing is moved to a nearby date.
     */
    public static RestoreInput timestamp(String text, Instant now, int recoveryWindowDays) {
        if (text == null || text.isBlank()) {
            return new Invalid(Notice.of("bk.input.timeEmpty"));
        }
        String t = text.trim();
        Instant at;
        try {
            at = LocalDateTime.parse(t, STAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            String example = SHOWN.format(LocalDateTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC));
            // The shape is right but the calendar has no such day or time (30 February, 24:00).
            boolean shapeOk = t.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?");
            return new Invalid(shapeOk ? Notice.of("bk.input.noSuchTime", t) : Notice.of("bk.input.notTime", t, example));
        }
        if (at.isAfter(now)) {
            return new Invalid(Notice.of("bk.input.future"));
        }
        Instant oldest = now.minus(Duration.ofDays(recoveryWindowDays));
        if (at.isBefore(oldest)) {
            return new Invalid(Notice.of("bk.input.outsideWindow", recoveryWindowDays, oldest));
        }
        return new Valid(new BackupsApi.ToTimestamp(at));
    }

    /** Checks an SCN: a whole number from 1 to the largest SCN Oracle has (2^64 - 1). */
    public static RestoreInput scn(String text) {
        if (text == null || text.isBlank()) {
            return new Invalid(Notice.of("bk.input.scnEmpty"));
        }
        String s = text.trim().replace(",", "").replace("_", "");
        if (!s.matches("\\d{1,30}")) {
            return new Invalid(Notice.of("bk.input.notScn", text.trim()));
        }
        BigInteger n = new BigInteger(s);
        if (n.signum() == 0) {
            return new Invalid(Notice.of("bk.input.scnZero"));
        }
        if (n.compareTo(MAX_SCN) > 0) {
            return new Invalid(Notice.of("bk.input.scnTooBig", text.trim()));
        }
        return new Valid(new BackupsApi.ToScn(n.toString()));
    }
}
