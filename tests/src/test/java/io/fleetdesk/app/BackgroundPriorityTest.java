package io.fleetdesk.app;

import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The poller's threads give way to the window's: on Linux their nice value is raised, the UI's is not. */
class BackgroundPriorityTest {
    private static final Path TASKS = Path.of("/proc/self/task");

    @Test
    void aBackgroundThreadIsLoweredAndAWindowThreadKeepsItsPriority() throws Throwable {
        assumeTrue(Files.isDirectory(TASKS), "Linux only: elsewhere nothing is lowered");
        CountDownLatch finish = new CountDownLatch(1);
        // Names as the JDK and JavaFX give them: a virtual thread carrier, and the UI thread.
        Thread carrier = Thread.ofPlatform().name("ForkJoinPool-9-worker-1").start(() -> await(finish));
        Thread ui = Thread.ofPlatform().name("JavaFX Application Thread").start(() -> await(finish));
        try {
            // A new thread names its OS thread itself, once running.
            org.awaitility.Awaitility.await().until(() -> named("ForkJoinPool-9-") && named("JavaFX Applicat"));
            int uiBefore = nice("JavaFX Applicat");
            MethodHandle[] libc = BackgroundPriority.link();
            java.util.Set<Integer> done = new java.util.HashSet<>();
            assertTrue(BackgroundPriority.lowerAll(TASKS, libc[0], libc[1], done) >= 1);
            assertEquals(BackgroundPriority.NICE, nice("ForkJoinPool-9-"), "the carrier runs at the lower priority");
            assertEquals(uiBefore, nice("JavaFX Applicat"), "the UI thread keeps its own");
        } finally {
            finish.countDown();
            carrier.join();
            ui.join();
        }
    }

    @Test
    void onlyTheBackgroundPoolsAreNamed() {
        assertTrue(BackgroundPriority.isBackground("ForkJoinPool-1-"));
        assertTrue(BackgroundPriority.isBackground("jersey-client-a"));
        assertTrue(BackgroundPriority.isBackground("HTTP-Dispatcher"));
        assertFalse(BackgroundPriority.isBackground("JavaFX Applicat"));
        assertFalse(BackgroundPriority.isBackground("QuantumRenderer"));
        assertFalse(BackgroundPriority.isBackground("C2 CompilerThre"));
    }

    private static boolean named(String comm) throws Exception {
        try (var dir = Files.newDirectoryStream(TASKS)) {
            for (Path t : dir) {
                try {
                    if (Files.readString(t.resolve("comm")).strip().startsWith(comm)) {
                        return true;
                    }
                } catch (java.io.IOException ended) {
                    // that thread ended while we looked
                }
            }
        }
        return false;
    }

    /** The nice value of this process's thread whose name starts so, from /proc (field 19 of stat). */
    private static int nice(String comm) throws Exception {
        try (var dir = Files.newDirectoryStream(TASKS)) {
            for (Path t : dir) {
                if (Files.readString(t.resolve("comm")).strip().startsWith(comm)) {
                    String stat = Files.readString(t.resolve("stat"));
                    // After the ")" that ends the name: state is field 3, nice is field 19.
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return Integer.parseInt(f[19 - 3]);
                }
            }
        }
        throw new AssertionError("no thread named " + comm);
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
