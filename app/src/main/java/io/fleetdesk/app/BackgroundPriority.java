package io.fleetdesk.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Leaves a core to the window when the poller saturates every core. On Linux, the threads that do the
 * fleet's background work run at a lower scheduling priority (nice {@value #NICE}) than the JavaFX
 * threads and the JVM's own: the carriers of the virtual threads (the poller's calls, the demo's
 * simulator), the OCI SDK's HTTP threads (signing, JSON), the demo's JDBC databases and the connection
 * pools. They still have every core while the window is idle; when the UI thread wakes, the scheduler
 * runs it first instead of letting it wait its turn (docs/benchmarks.md, "FX thread"). No privilege
 * is needed: a process may always lower its own threads' priority. Elsewhere it does nothing.
 *
 * <p>The window starts it once the first tree is drawn: until then the first refresh is what the DBA
 * waits for, and it must not wait for the JIT compiler. The command line never starts it.
 *
 * <p>{@code -Dfleetdesk.sameThreadPriority=true} turns it off (to compare, or should a system mind).
 *
 * <p>Linux keeps the nice value per thread, and a new thread takes its creator's, so the threads are
 * found by name in {@code /proc/self/task} every second and lowered when they are not yet.
 */
public final class BackgroundPriority {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    /** Low enough that the UI thread wins a contended core about nine times in ten (CFS weights 1024 and 110). */
    static final int NICE = 10;
    private static final int PRIO_PROCESS = 0;
    /** Name prefixes as {@code /proc/<pid>/task/<tid>/comm} shows them (the first 15 characters). */
    static final List<String> BACKGROUND = List.of("ForkJoinPool", "jersey-client-a", "HTTP-Dispatcher",
            "demo-databases", "target-", "direct-");
    private static volatile boolean started;

    private BackgroundPriority() {
    }

    /** Starts keeping the background threads' priority low, on a thread of its own; once per process. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread t = new Thread(BackgroundPriority::run, "background-priority");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        if (Boolean.getBoolean("fleetdesk.sameThreadPriority")) {
            LOG.info("background threads keep their priority: -Dfleetdesk.sameThreadPriority=true");
            return;
        }
        Path tasks = Path.of("/proc/self/task");
        MethodHandle[] libc;
        try {
            if (!Files.isDirectory(tasks)) {
                LOG.info("background threads keep their priority: no /proc/self/task on this system");
                return;
            }
            libc = link();
        } catch (RuntimeException | LinkageError e) {
            LOG.info("background threads keep their priority: {}", e.toString());
            return;
        }
        MethodHandle setpriority = libc[0];
        MethodHandle getpriority = libc[1];
        LOG.info("background threads run at nice {} so the window keeps a core", NICE);
        keepLow(tasks, setpriority, getpriority);
    }

    /** The C library's setpriority and getpriority. */
    static MethodHandle[] link() {
        Linker linker = Linker.nativeLinker();
        var libc = linker.defaultLookup();
        return new MethodHandle[] {
            linker.downcallHandle(libc.find("setpriority").orElseThrow(), FunctionDescriptor.of(
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)),
            linker.downcallHandle(libc.find("getpriority").orElseThrow(), FunctionDescriptor.of(
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT))};
    }

    private static void keepLow(Path tasks, MethodHandle setpriority, MethodHandle getpriority) {
        java.util.Set<Integer> done = new java.util.HashSet<>();
        while (true) {
            try {
                lowerAll(tasks, setpriority, getpriority, done);
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                // Never worth stopping the app for: the window is only less responsive under load.
                LOG.warn("background threads could not be lowered; they keep their priority", e);
                return;
            }
        }
    }

    /**
     * Lowers every background thread of this process that is above {@link #NICE}; returns how many it
     * lowered. {@code done} holds the threads already at it (kept to the threads alive), so a scan reads
     * only the names of the others: a new thread names itself once running, so those are read again.
     */
    static int lowerAll(Path tasks, MethodHandle setpriority, MethodHandle getpriority, java.util.Set<Integer> done)
            throws Throwable {
        int lowered = 0;
        java.util.Set<Integer> alive = new java.util.HashSet<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
            for (Path task : dir) {
                String name;
                int tid;
                try {
                    tid = Integer.parseInt(task.getFileName().toString());
                    alive.add(tid);
                    if (done.contains(tid)) {
                        continue;
                    }
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException | NumberFormatException e) {
                    continue; // the thread ended while we looked
                }
                if (!isBackground(name)) {
                    continue;
                }
                // getpriority's -1 is also an error; then setpriority tells.
                int nice = (int) getpriority.invokeExact(PRIO_PROCESS, tid);
                if (nice >= NICE) {
                    done.add(tid);
                } else if ((int) setpriority.invokeExact(PRIO_PROCESS, tid, NICE) == 0) {
                    done.add(tid);
                    lowered++;
                }
            }
        }
        done.retainAll(alive);
        return lowered;
    }

    static boolean isBackground(String comm) {
        for (String p : BACKGROUND) {
            if (comm.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
