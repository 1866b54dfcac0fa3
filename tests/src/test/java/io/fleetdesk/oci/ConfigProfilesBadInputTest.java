package io.fleetdesk.oci;

import io.fleetdesk.support.En;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each way a profile can be broken gets a message that names the file, the profile and what to do. */
class ConfigProfilesBadInputTest {
    @TempDir
    Path dir;

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private Path key() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Path k = dir.resolve("oci_api_key.pem");
        Files.writeString(k, pem("PRIVATE KEY", g.generateKeyPair().getPrivate().getEncoded()));
        return k;
    }

    private Path config(String text) throws Exception {
        Path c = dir.resolve("config");
        Files.writeString(c, text);
        return c;
    }

    private static String profile(String name, String keyFile, String extra) {
        return "[" + name + "]\nuser=ocid1.user.oc1..aaaa\nfingerprint=aa:bb:cc\ntenancy=ocid1.tenancy.oc1..tttt\n"
                + "region=us-ashburn-1\nkey_file=" + keyFile + "\n" + extra;
    }

    @Test
    void aGoodProfileLoadsWithItsRegionAndTenancyAndNarrowsOnlyWhenAsked() throws Exception {
        Path c = config(profile("DEFAULT", key().toString(), "") + "\n" + profile("PROD", key().toString(),
                "fleetdesk_regions=us-ashburn-1, eu-frankfurt-1\nfleetdesk_compartments=erp=ocid1.compartment.oc1..e1\n"));
        assertEquals(List.of("DEFAULT", "PROD"), OciConfigProfiles.profileNames(c));
        OciProfile p = OciConfigProfiles.load(c, "DEFAULT");
        // The five keys 'oci setup config' writes: nothing narrowed, everything is discovered from the tenancy.
        assertEquals("us-ashburn-1", p.region());
        assertEquals("ocid1.tenancy.oc1..tttt", p.tenancyId());
        assertEquals(List.of(), p.regionFilter());
        assertEquals(List.of(), p.compartmentFilter());
        OciProfile prod = OciConfigProfiles.load(c, "PROD");
        assertEquals(List.of("us-ashburn-1", "eu-frankfurt-1"), prod.regionFilter());
        assertEquals(new OciCompartment("ocid1.compartment.oc1..e1", "erp"), prod.compartmentFilter().getFirst());
    }

    @Test
    void aSecurityTokenProfileLoadsAndAMissingTokenFileSaysHowToGetANewOne() throws Exception {
        // As 'oci session authenticate' writes it: a session key and a token file, no user or fingerprint.
        String b64 = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"ocid1.user.oc1..u\",\"exp\":" + (System.currentTimeMillis() / 1000 + 3600) + "}").getBytes());
        Path token = dir.resolve("token");
        Files.writeString(token, "eyJhbGciOiJSUzI1NiJ9." + b64 + ".c2ln");
        Path c = config("[SESSION]\nfingerprint=aa:bb\ntenancy=ocid1.tenancy.oc1..t\nregion=eu-frankfurt-1\nkey_file="
                + key() + "\nsecurity_token_file=" + token + "\n");
        OciProfile p = OciConfigProfiles.load(c, "SESSION");
        assertEquals("eu-frankfurt-1", p.region());
        Files.delete(token);
        ProfileException e = assertThrows(ProfileException.class, () -> OciConfigProfiles.load(c, "SESSION"));
        assertTrue(En.of(e.notice()).contains("oci session authenticate"), En.of(e.notice()));
    }

    @Test
    void aMissingConfigFileSaysHowToCreateOne() {
        ProfileException e = assertThrows(ProfileException.class, () -> OciConfigProfiles.load(dir.resolve("nope"), "DEFAULT"));
        assertTrue(En.of(e.notice()).contains("does not exist") && En.of(e.notice()).contains("oci setup config"), En.of(e.notice()));
        assertTrue(assertDoesNotThrowNames(dir.resolve("nope")).isEmpty());
    }

    private static List<String> assertDoesNotThrowNames(Path p) {
        try {
            return OciConfigProfiles.profileNames(p);
        } catch (ProfileException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aMalformedConfigFileIsCalledMalformed() throws Exception {
        Path c = config("this is not\nan ini file = at all\n");
        ProfileException e = assertThrows(ProfileException.class, () -> OciConfigProfiles.load(c, "DEFAULT"));
        assertTrue(En.of(e.notice()).contains("malformed"), En.of(e.notice()));
    }

    @Test
    void anUnknownProfileListsTheOnesThatExist() throws Exception {
        Path c = config(profile("DEFAULT", key().toString(), ""));
        ProfileException e = assertThrows(ProfileException.class, () -> OciConfigProfiles.load(c, "PRDO"));
        assertTrue(En.of(e.notice()).contains("[PRDO] is not in") && En.of(e.notice()).contains("DEFAULT"), En.of(e.notice()));
    }

    @Test
    void aMissingKeyFileIsNamed() throws Exception {
        Path c = config(profile("DEFAULT", dir.resolve("gone.pem").toString(), ""));
        ProfileException e = assertThrows(ProfileException.class, () -> OciConfigProfiles.load(c, "DEFAULT"));
        assertTrue(En.of(e.notice()).contains("gone.pem") && En.of(e.notice()).contains("does not exist"), En.of(e.notice()));
    }

    @Test
    void aMissingRequiredKeyIsNamed() throws Exception {
        Path c = config("[DEFAULT]\nuser=ocid1.user.oc1..a\nfingerprint=aa\nregion=us-ashburn-1\nkey_file=" + key() + "\n");
        ProfileException e = assertThrows(ProfileException.class, () -> OciConfigProfiles.load(c, "DEFAULT"));
        assertTrue(En.of(e.notice()).contains("has no 'tenancy'"), En.of(e.notice()));
    }

    @Test
    void anUnknownRegionIsNamed() throws Exception {
        Path c = config(profile("DEFAULT", key().toString(), "").replace("us-ashburn-1", "mars-olympus-1"));
        ProfileException e = assertThrows(ProfileException.class, () -> OciConfigProfiles.load(c, "DEFAULT"));
        assertTrue(En.of(e.notice()).contains("mars-olympus-1") && En.of(e.notice()).contains("not a known OCI region"), En.of(e.notice()));
    }

    @Test
    void aKeyFileThatIsNotAKeySaysSo() throws Exception {
        Path k = dir.resolve("notakey.pem");
        Files.writeString(k, "hello");
        Path c = config(profile("DEFAULT", k.toString(), ""));
        ProfileException e = assertThrows(ProfileException.class, () -> OciConfigProfiles.load(c, "DEFAULT"));
        assertTrue(En.of(e.notice()).contains("not a readable PEM private key"), En.of(e.notice()));
    }

    @Test
    void anEncryptedKeyWithTheWrongPassphraseSaysThePassphraseIsWrong() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        byte[] salt = new byte[8];
        new SecureRandom().nextBytes(salt);
        String alg = "PBEWithSHA1AndDESede";
        PBEParameterSpec spec = new PBEParameterSpec(salt, 2048);
        SecretKeyFactory f = SecretKeyFactory.getInstance(alg);
        Cipher cipher = Cipher.getInstance(alg);
        cipher.init(Cipher.ENCRYPT_MODE, f.generateSecret(new PBEKeySpec("right-one".toCharArray())), spec);
        AlgorithmParameters params = AlgorithmParameters.getInstance(alg);
        params.init(spec);
        byte[] der = new EncryptedPrivateKeyInfo(params, cipher.doFinal(kp.getPrivate().getEncoded())).getEncoded();
        Path k = dir.resolve("encrypted.pem");
        Files.writeString(k, pem("ENCRYPTED PRIVATE KEY", der));
        Path c = config(profile("DEFAULT", k.toString(), "pass_phrase=wrong-one\n"));
        ProfileException e = assertThrows(ProfileException.class, () -> OciConfigProfiles.load(c, "DEFAULT"));
        assertTrue(En.of(e.notice()).contains("encrypted") && En.of(e.notice()).contains("pass_phrase"), En.of(e.notice()));
        assertTrue(!En.of(e.notice()).contains("wrong-one"), "the passphrase itself must never be shown");
    }

    @Test
    void anEndpointThatWouldSendThePasswordInClearTextOrToAUserInfoUrlIsRefused() throws Exception {
        String k = key().toString();
        for (String bad : List.of("http://proxy.corp.example:8080", "https://dba:secret@database.{region}.oraclecloud.com",
                "not a url at all", "ftp://database.example.com", "https:///nohost")) {
            Path c = config(profile("PROD", k, "fleetdesk_endpoint=" + bad + "\n"));
            ProfileException e = assertThrows(ProfileException.class, () -> OciConfigProfiles.load(c, "PROD"), bad);
            assertTrue(En.of(e.notice()).contains("fleetdesk_endpoint") && En.of(e.notice()).contains("[PROD]"), En.of(e.notice()));
        }
        Path plain = config(profile("PROD", k, "fleetdesk_workrequests_endpoint=http://10.0.0.5\n"));
        ProfileException e = assertThrows(ProfileException.class, () -> OciConfigProfiles.load(plain, "PROD"));
        assertTrue(En.of(e.notice()).contains("https") && En.of(e.notice()).contains("fleetdesk_workrequests_endpoint"),
                En.of(e.notice()));
        // https anywhere, and plain http to this computer (a local simulator or tunnel), are fine.
        Path ok = config(profile("PROD", k, "fleetdesk_endpoint=https://database.{region}.oraclecloud.com\n"
                + "fleetdesk_identity_endpoint=http://127.0.0.1:18080\nfleetdesk_workrequests_endpoint=http://localhost:9\n"));
        OciProfile p = OciConfigProfiles.load(ok, "PROD");
        assertEquals("https://database.eu-frankfurt-1.oraclecloud.com", p.endpoint().apply("eu-frankfurt-1"));
        assertEquals("http://localhost:9", p.workRequestsEndpoint("eu-frankfurt-1"));
    }

    @Test
    void workRequestsDoNotFollowTheDatabaseEndpoint() throws Exception {
        Path c = config(profile("PROD", key().toString(), "fleetdesk_endpoint=https://db-private.example.com\n"));
        OciProfile p = OciConfigProfiles.load(c, "PROD");
        assertEquals(null, p.workRequestsEndpoint("us-ashburn-1"),
                "the real service has work requests on another host: the SDK's standard one, unless named");
    }

    @Test
    void aHostThatDoesNotResolveIsNamedWithTheKeyToFix() throws Exception {
        Path c = config(profile("PROD", key().toString(),
                "fleetdesk_endpoint=https://database.us-ashburn-1.oraclecloud.invalid\n"));
        OciProfile p = OciConfigProfiles.load(c, "PROD");
        try (SdkRegionApi api = new SdkRegionApi(p, "us-ashburn-1", SdkRegionApi.Settings.defaults(), d -> { })) {
            OciApiException e = assertThrows(OciApiException.class, () -> api.listDbSystems("ocid1.tenancy.oc1..tttt", null));
            assertEquals("database.us-ashburn-1.oraclecloud.invalid", e.unknownHost());
            assertTrue(En.of(e.notice()).contains("host name database.us-ashburn-1.oraclecloud.invalid is unknown")
                    && En.of(e.notice()).contains("fleetdesk_endpoint"), En.of(e.notice()));
            assertTrue(!e.isRetryable(), "trying again will not make the name resolve");
        }
    }
}
