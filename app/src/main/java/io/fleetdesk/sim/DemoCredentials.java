package io.fleetdesk.sim;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The demo tenancy's user and API signing key. The key pair is made fresh for each start and
 * lives only in memory: nothing is written to disk, and a request signed with any other key is
 * refused by the simulator exactly as the service refuses it.
 */
public final class DemoCredentials {
    public static final String TENANCY_ID = "ocid1.tenancy.oc1..aaaaaaaademofleetdesktenancy0000000000000000000000000000000";
    public static final String USER_ID = "ocid1.user.oc1..aaaaaaaademofleetdeskdba00000000000000000000000000000000000";

    private final KeyPair keyPair;
    private final String fingerprint;

    public DemoCredentials() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            this.keyPair = g.generateKeyPair();
            this.fingerprint = fingerprint(keyPair.getPublic());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The OCI API key fingerprint: MD5 of the DER public key, as colon-separated hex. */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(key.getEncoded());
            StringBuilder sb = new StringBuilder();
            for (byte b : md5) {
                if (!sb.isEmpty()) {
                    sb.append(':');
                }
                sb.append(HexFormat.of().toHexDigits(b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return TENANCY_ID + "/" + USER_ID + "/" + fingerprint;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    /** The private key as unencrypted PKCS#8 PEM, for the SDK's key supplier (kept in memory only). */
    public byte[] privateKeyPem() {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keyPair.getPrivate().getEncoded());
        return ("-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
