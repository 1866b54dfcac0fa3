package io.fleetdesk.app;

import java.security.Provider;
import java.security.Security;
import java.security.Signature;

/**
 * Every OCI request is signed with RSA-SHA256, about 70 % of a request's client CPU with the JDK's
 * provider. Amazon Corretto Crypto Provider (ACCP) signs natively, several times faster where it has a
 * build for the OS (Linux x86-64 here). {@link #install} puts it first at start-up, checks that it is
 * healthy, and falls back to the JDK's provider anywhere else or on any failure; the SDK's signer
 * ({@code Signature.getInstance("SHA256withRSA")}) and TLS then use whichever is first.
 * {@code -Dfleetdesk.signing=jdk} keeps the JDK's (benchmarks compare the two).
 */
public final class Signing {
    private static final String ACCP = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
    private static volatile String inUse;

    private Signing() {
    }

    /**
     * Starts {@link #install} on a thread of its own and returns at once: loading the native library
     * and its self-tests take about a quarter of a second, which the window need not wait for (issue
     * 15). Whatever signs must call {@link #install} first, which waits for this one to finish; the
     * sessions do ({@link FleetSession}).
     */
    public static void installInBackground() {
        Thread.ofPlatform().daemon().name("signing-setup").start(Signing::install);
    }

    /**
     * Installs the native provider when it can, once; returns which provider signs, as a line for the
     * log and {@code --version} (e.g. "AmazonCorrettoCryptoProvider 2.5.0 (native)").
     */
    public static synchronized String install() {
        if (inUse != null) {
            return inUse;
        }
        String why = null;
        if ("jdk".equalsIgnoreCase(System.getProperty("fleetdesk.signing"))) {
            why = "-Dfleetdesk.signing=jdk";
        } else {
            try {
                Class<?> accp = Class.forName(ACCP);
                accp.getMethod("install").invoke(null);
                Object instance = accp.getField("INSTANCE").get(null);
                // Throws when the native library did not load or a self-test failed: never sign with it then.
                accp.getMethod("assertHealthy").invoke(instance);
            } catch (ClassNotFoundException e) {
                why = "no native provider in this build";
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null
                        ? ite.getCause() : e;
                why = "the native provider is not usable here: " + cause;
                Security.removeProvider("AmazonCorrettoCryptoProvider");
            }
        }
        String provider;
        try {
            Provider p = Signature.getInstance("SHA256withRSA").getProvider();
            provider = p.getName() + " " + p.getVersionStr();
        } catch (java.security.GeneralSecurityException e) {
            provider = "none (" + e.getMessage() + ")";
        }
        inUse = provider + (why == null ? " (native)" : " (the JDK's: " + why + ")");
        org.slf4j.LoggerFactory.getLogger(Signing.class).info("OCI requests are signed with {}", inUse);
        return inUse;
    }
}
