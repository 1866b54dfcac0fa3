package io.fleetdesk.app;

import io.fleetdesk.model.NodeKind;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The native signing provider: installed where it has a build, and its signatures are RSA-SHA256 as OCI checks them. */
class SigningTest {
    private static boolean linuxX64() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    @Test
    void onLinuxX64TheNativeProviderSignsAndTheJdkVerifiesWhatItSigned() throws Exception {
        String inUse = Signing.install();
        if (linuxX64()) {
            assertTrue(inUse.startsWith("AmazonCorrettoCryptoProvider") && inUse.endsWith("(native)"), inUse);
        } else {
            assertTrue(inUse.contains("the JDK's"), "elsewhere the JDK's, and it says so: " + inUse);
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        byte[] message = "(request-target): get /20160918/databases\nhost: database.us-ashburn-1.oraclecloud.com"
                .getBytes(StandardCharsets.UTF_8);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(kp.getPrivate());
        s.update(message);
        byte[] signature = s.sign();
        Signature jdk = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        jdk.initVerify(kp.getPublic());
        jdk.update(message);
        assertTrue(jdk.verify(signature), "the JDK's own RSA verifies the signature: the same algorithm, bit for bit");
    }

    @Test
    void theSdkSignsWithItAndTheSimulatorAcceptsEveryRequest() throws Exception {
        Signing.install();
        try (DemoHarness h = new DemoHarness(11, 40, 1, new FaultPlan()); var poller = h.poller()) {
            var s = poller.refreshOnce();
            assertTrue(s.errors().stream().noneMatch(e -> String.valueOf(e).contains("401")), s.errors().toString());
            assertTrue(s.count(NodeKind.DATABASE) > 0, "signed requests were answered");
        }
    }

    @Test
    void withTheJdksProviderAsTheFallbackTheSdkStillSignsAndTheSimulatorAcceptsEveryRequest() throws Exception {
        // The provider is chosen once per process: a JVM of its own, told to keep the JDK's.
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfleetdesk.signing=jdk", "-cp", cp, SigningFallbackChild.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), "the child ended: " + out);
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.contains("SIGNING SunRsaSign") && out.contains("the JDK's"), "the JDK's provider, and it says so: " + out);
        java.util.regex.Matcher dbs = java.util.regex.Pattern.compile("DATABASES (\\d+) OF (\\d+)").matcher(out);
        assertTrue(dbs.find() && dbs.group(1).equals(dbs.group(2)) && Integer.parseInt(dbs.group(2)) >= 40,
                "every database answered: " + out);
        java.util.regex.Matcher adbs = java.util.regex.Pattern.compile("AUTONOMOUS (\\d+) OF (\\d+)").matcher(out);
        assertTrue(adbs.find() && adbs.group(1).equals(adbs.group(2)) && Integer.parseInt(adbs.group(2)) > 0,
                "every Autonomous Database answered: " + out);
        assertTrue(out.contains("UNAUTHORIZED false"), "no request refused for its signature: " + out);
    }
}
