package io.fleetdesk.sim;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks the service makes on a signature, one by one. */
class RequestSignatureVerifierTest {
    private static final KeyPair KEYS = keys();
    private static final String KEY_ID = "ocid1.tenancy.oc1..t/ocid1.user.oc1..u/aa:bb";
    private final RequestSignatureVerifier v = new RequestSignatureVerifier(id -> id.equals(KEY_ID) ? KEYS.getPublic() : null);

    private static KeyPair keys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> signed(String method, String target, ZonedDateTime date, byte[] body,
                                              List<String> headers) throws Exception {
        Map<String, String> h = new HashMap<>();
        h.put("date", DateTimeFormatter.RFC_1123_DATE_TIME.format(date));
        h.put("host", "127.0.0.1:1234");
        if (body != null) {
            h.put("x-content-sha256", Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body)));
            h.put("content-length", Integer.toString(body.length));
            h.put("content-type", "application/json");
        }
        StringBuilder s = new StringBuilder();
        for (String name : headers) {
            if (!s.isEmpty()) {
                s.append('\n');
            }
            s.append(name.equals("(request-target)") ? "(request-target): " + method.toLowerCase() + " " + target
                    : name + ": " + h.get(name));
        }
        Signature sig = Signature.getInstance("SHA256withRSA");
        sig.initSign(KEYS.getPrivate());
        sig.update(s.toString().getBytes(StandardCharsets.UTF_8));
        h.put("authorization", "Signature version=\"1\",headers=\"" + String.join(" ", headers) + "\",keyId=\""
                + KEY_ID + "\",algorithm=\"rsa-sha256\",signature=\"" + Base64.getEncoder().encodeToString(sig.sign()) + "\"");
        return h;
    }

    private static final List<String> GET_HEADERS = List.of("date", "(request-target)", "host");
    private static final List<String> POST_HEADERS = List.of("date", "(request-target)", "host", "content-length",
            "content-type", "x-content-sha256");

    @Test
    void aProperlySignedGetVerifies() throws Exception {
        var h = signed("GET", "/20160918/dbSystems?compartmentId=ocid1.c", ZonedDateTime.now(ZoneOffset.UTC), null, GET_HEADERS);
        assertNull(v.verify("GET", "/20160918/dbSystems?compartmentId=ocid1.c", h::get, new byte[0]));
    }

    @Test
    void aDifferentQueryThanTheOneSignedIsRefused() throws Exception {
        var h = signed("GET", "/20160918/dbSystems?compartmentId=ocid1.c", ZonedDateTime.now(ZoneOffset.UTC), null, GET_HEADERS);
        assertNotNull(v.verify("GET", "/20160918/dbSystems?compartmentId=ocid1.other", h::get, new byte[0]));
    }

    @Test
    void aDateMoreThanFiveMinutesOffIsRefused() throws Exception {
        var h = signed("GET", "/20160918/dbHomes", ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(6), null, GET_HEADERS);
        var f = v.verify("GET", "/20160918/dbHomes", h::get, new byte[0]);
        assertNotNull(f);
        assertTrue(f.message().contains("5 minutes"), f.message());
    }

    @Test
    void aPostMustSignTheBodyHashAndLengthAndTheHashMustMatch() throws Exception {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        var ok = signed("POST", "/20160918/backups", ZonedDateTime.now(ZoneOffset.UTC), body, POST_HEADERS);
        assertNull(v.verify("POST", "/20160918/backups", ok::get, body));
        assertNotNull(v.verify("POST", "/20160918/backups", ok::get, "{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        var unsignedBody = signed("POST", "/20160918/backups", ZonedDateTime.now(ZoneOffset.UTC), body, GET_HEADERS);
        var f = v.verify("POST", "/20160918/backups", unsignedBody::get, body);
        assertNotNull(f);
        assertTrue(f.message().contains("x-content-sha256"), f.message());
    }

    @Test
    void anUnknownKeyIsRefused() throws Exception {
        var h = signed("GET", "/20160918/dbHomes", ZonedDateTime.now(ZoneOffset.UTC), null, GET_HEADERS);
        h.put("authorization", h.get("authorization").replace(KEY_ID, "ocid1.tenancy.oc1..x/ocid1.user.oc1..y/cc:dd"));
        assertNotNull(v.verify("GET", "/20160918/dbHomes", h::get, new byte[0]));
        assertNotNull(v.verify("GET", "/20160918/dbHomes", k -> null, new byte[0]));
    }

    @Test
    void hostMustBeSignedAndAPostMustSignItsContentType() throws Exception {
        var noHost = signed("GET", "/20160918/dbHomes", ZonedDateTime.now(ZoneOffset.UTC), null,
                List.of("date", "(request-target)"));
        var f = v.verify("GET", "/20160918/dbHomes", noHost::get, new byte[0]);
        assertNotNull(f, "a request that does not sign host is refused, as the service does");
        assertTrue(f.message().contains("host"), f.message());

        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        var noType = signed("POST", "/20160918/backups", ZonedDateTime.now(ZoneOffset.UTC), body,
                List.of("date", "(request-target)", "host", "content-length", "x-content-sha256"));
        var g = v.verify("POST", "/20160918/backups", noType::get, body);
        assertNotNull(g);
        assertTrue(g.message().contains("content-type"), g.message());
    }

    @Test
    void theAlgorithmAndVersionMustBeStated() throws Exception {
        var h = signed("GET", "/20160918/dbHomes", ZonedDateTime.now(ZoneOffset.UTC), null, GET_HEADERS);
        var noAlgorithm = new HashMap<>(h);
        noAlgorithm.put("authorization", h.get("authorization").replace(",algorithm=\"rsa-sha256\"", ""));
        var f = v.verify("GET", "/20160918/dbHomes", noAlgorithm::get, new byte[0]);
        assertNotNull(f);
        assertTrue(f.message().contains("algorithm"), f.message());
        var noVersion = new HashMap<>(h);
        noVersion.put("authorization", h.get("authorization").replace("version=\"1\",", ""));
        assertNotNull(v.verify("GET", "/20160918/dbHomes", noVersion::get, new byte[0]));
    }
}
