package io.fleetdesk.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks an OCI request signature the way the service does (draft-cavage HTTP signatures, as the
 * OCI SDKs send them): rsa-sha256 over the headers named in the Authorization header, in that
 * order; {@code version="1"} and {@code algorithm="rsa-sha256"} stated; {@code date},
 * {@code (request-target)} (built from the method and the raw path and query) and {@code host}
 * signed; the date within five minutes; and on requests with a body, {@code x-content-sha256},
 * {@code content-type} and {@code content-length} signed and matching the body. As strict as the
 * service, so that a change in how requests are signed fails in tests, not in a tenancy.
 */
public final class RequestSignatureVerifier {
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Function<String, PublicKey> keys;

    /** @param keys the public key for a keyId ({@code tenancy/user/fingerprint}), or null when unknown */
    public RequestSignatureVerifier(Function<String, PublicKey> keys) {
        this.keys = keys;
    }

    /** Why a request did not verify; {@code null} from {@link #verify} means it did. */
    public record Failure(String message) {
    }

    /**
     * @param method     HTTP method
     * @param rawTarget  raw path plus {@code ?query} as received, not decoded
     * @param header     the request's header lookup (case-insensitive), null when absent
     * @param body       the request body, empty for none
     */
    public Failure verify(String method, String rawTarget, Function<String, String> header, byte[] body) {
        String auth = header.apply("authorization");
        if (auth == null || !auth.startsWith("Signature ")) {
            return new Failure("The required information to complete authentication was not provided.");
        }
        Map<String, String> params = parseParams(auth.substring("Signature ".length()));
        String keyId = params.get("keyId");
        String algorithm = params.get("algorithm");
        String signature = params.get("signature");
        String headers = params.getOrDefault("headers", "date");
        if (keyId == null || signature == null) {
            return new Failure("The Authorization header is missing keyId or signature.");
        }
        if (algorithm == null || !algorithm.equalsIgnoreCase("rsa-sha256")) {
            return new Failure(algorithm == null ? "The Authorization header must state algorithm=\"rsa-sha256\"."
                    : "Unsupported signing algorithm " + algorithm + ".");
        }
        if (!"1".equals(params.get("version"))) {
            return new Failure("The Authorization header must state version=\"1\".");
        }
        PublicKey key = keys.apply(keyId);
        if (key == null) {
            return new Failure("The key " + keyId + " is not known to this tenancy.");
        }
        List<String> signed = List.of(headers.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        if (!signed.contains("date") && !signed.contains("x-date")) {
            return new Failure("The date header must be signed.");
        }
        if (!signed.contains("(request-target)")) {
            return new Failure("The (request-target) must be signed.");
        }
        if (!signed.contains("host")) {
            return new Failure("The host header must be signed.");
        }
        boolean hasBody = method.equalsIgnoreCase("POST") || method.equalsIgnoreCase("PUT")
                || method.equalsIgnoreCase("PATCH");
        if (hasBody) {
            for (String required : List.of("x-content-sha256", "content-type", "content-length")) {
                if (!signed.contains(required)) {
                    return new Failure("The " + required + " header must be signed on a request with a body.");
                }
            }
            try {
                String expectedHash = Base64.getEncoder().encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(body));
                if (!expectedHash.equals(header.apply("x-content-sha256"))) {
                    return new Failure("x-content-sha256 does not match the body.");
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            String len = header.apply("content-length");
            if (len == null || !len.trim().equals(Integer.toString(body.length))) {
                return new Failure("content-length does not match the body.");
            }
        }
        String date = header.apply("x-date") != null ? header.apply("x-date") : header.apply("date");
        if (date == null) {
            return new Failure("The date header is missing.");
        }
        try {
            Instant sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            if (Duration.between(sent, Instant.now()).abs().compareTo(CLOCK_SKEW) > 0) {
                return new Failure("The date header " + date + " is more than 5 minutes from the server's clock.");
            }
        } catch (DateTimeParseException e) {
            return new Failure("The date header " + date + " is not an RFC 1123 date.");
        }
        StringBuilder signingString = new StringBuilder();
        for (String h : signed) {
            if (!signingString.isEmpty()) {
                signingString.append('\n');
            }
            if (h.equals("(request-target)")) {
                signingString.append("(request-target): ").append(method.toLowerCase(Locale.ROOT)).append(' ')
                        .append(rawTarget);
            } else {
                String v = header.apply(h);
                if (v == null) {
                    return new Failure("The signed header " + h + " is missing from the request.");
                }
                signingString.append(h).append(": ").append(v.trim());
            }
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signingString.toString().getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(signature))) {
                return new Failure("The request signature does not verify with the key " + keyId + ".");
            }
        } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
            return new Failure("The request signature could not be read: " + e.getMessage());
        }
        return null;
    }

    static Map<String, String> parseParams(String s) {
        Map<String, String> m = new HashMap<>();
        int i = 0;
        while (i < s.length()) {
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = s.substring(i, eq).trim().replace(",", "").trim();
            int q1 = s.indexOf('"', eq);
            int q2 = q1 < 0 ? -1 : s.indexOf('"', q1 + 1);
            if (q1 < 0 || q2 < 0) {
                break;
            }
            m.put(name, s.substring(q1 + 1, q2));
            i = q2 + 1;
        }
        return m;
    }
}
