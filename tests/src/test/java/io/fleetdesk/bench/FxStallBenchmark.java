package io.fleetdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.ui.FleetdeskApp;
import io.fleetdesk.ui.common.LaunchOptions;
import io.fleetdesk.ui.common.Theme;
import io.fleetdesk.ui.fleet.FleetViewModel;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * FX thread stalls during a refresh storm (design section 6): the real main window, headless
 * (Monocle), on a large demo fleet refreshed every 2 s while simulated time runs fast, so every
 * refresh brings changes. An AnimationTimer records the gap between pulses; the baseline is the
 * same measurement on an idle window in the same run. Writes {@code target/bench/fx-stalls.json}.
 */
public final class FxStallBenchmark {
    public static void main(String[] args) throws Exception {
        // As the app and the command do at start: the signing provider is part of a request's CPU.
        System.out.println("signing: " + io.fleetdesk.app.Signing.install());
        try {
            run(args);
        } catch (Exception | Error e) {
            // The JavaFX runtime is kept up between phases (implicit exit off): without this, a failure
            // here would leave the JVM, and the Maven build waiting on it, running for ever.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("headless.geometry", "1600x1000-32");
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        up.get();
        // Windows open and close between phases: keep the runtime up when none is showing.
        Platform.setImplicitExit(false);

        // Baseline: an idle window with an empty tree.
        List<Gap> idle = gaps(Duration.ofSeconds(5), () -> {
            Stage s = new Stage();
            s.setScene(new Scene(new TreeTableView<>(), 1200, 800));
            s.show();
            return s;
        }, null);

        Path scratch = java.nio.file.Files.createTempDirectory("fleetdesk-bench");
        AtomicReference<FleetViewModel> vm = new AtomicReference<>();
        List<Gap> loadGaps = new ArrayList<>();
        Map<String, Long> cpuBefore = cpuByThreadGroup();
        List<Gap> storm = gaps(Duration.ofSeconds(seconds), () -> {
            Stage s = new Stage();
            try {
                // Its own settings and audit log: a benchmark never touches the user's own.
                vm.set(FleetdeskApp.openMainWindow(s, new LaunchOptions(null, Path.of("no-such-oci-config"), Theme.LIGHT,
                        Duration.ofSeconds(2), size, 7L), new io.fleetdesk.app.SettingsStore(scratch.resolve("settings")),
                        new io.fleetdesk.ops.AuditLog(scratch.resolve("data"))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return s;
        }, loadGaps);
        Map<String, Long> cpuAfter = cpuByThreadGroup();
        Map<String, Long> cpu = new java.util.TreeMap<>();
        cpuAfter.forEach((group, ns) -> {
            long ms = (ns - cpuBefore.getOrDefault(group, 0L)) / 1_000_000;
            if (ms >= 100) {
                cpu.put(group, ms);
            }
        });
        long databases = call(() -> vm.get().tree().snapshot().count(NodeKind.DATABASE));
        int rows = call(() -> vm.get().tree().size());
        if (databases < size) {
            throw new IllegalStateException("the fleet was not loaded within " + seconds + " s (" + databases + " of " + size
                    + " databases): give it more seconds");
        }

        // Heap after a full GC with the fleet in the window (design goal: under 300 MB at 10,000). An upper
        // bound: the demo's simulator and its fleet live in this JVM too, as they do in the demo.
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
        }
        long heapMb = memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("databases", databases);
        out.put("tree_items", rows);
        out.put("heap_after_gc_mb_with_the_demo_simulator", heapMb);
        out.put("seconds", seconds);
        out.put("idle", stats(idle));
        out.put("first_load", stats(loadGaps));
        out.put("refresh_storm", stats(storm));
        // Who used the two cores through the load and the storm (ms of CPU, threads grouped by name,
        // numbers left out; virtual threads count in their carriers, "ForkJoinPool-N-worker").
        out.put("cpu_ms_by_thread_group", cpu);
        Path file = Path.of("target/bench/fx-stalls.json");
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), out);
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            vm.get().close();
            closed.countDown();
        });
        closed.await(10, java.util.concurrent.TimeUnit.SECONDS);
        System.exit(0);
    }

    private static <T> T call(java.util.concurrent.Callable<T> c) {
        return io.fleetdesk.support.Fx.call(c);
    }

    /**
     * One gap between pulses: its wall time, the CPU time the FX thread itself used in it, and the
     * time the JVM spent in GC pauses in it (all in ms). A long gap with little FX CPU and no pause
     * is the FX thread waiting for a core; one with FX CPU close to its length is work on the FX thread.
     * fxWaitMs: the FX thread blocked on a monitor or parked (a lock held by another thread, or waiting
     * for the render thread), from the JVM's thread contention monitoring.
     */
    record Gap(long wallMs, long fxCpuMs, long gcPauseMs, long fxWaitMs) {
    }

    private static Map<String, Long> cpuByThreadGroup() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> m = new java.util.HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long ns = threads.getThreadCpuTime(t.threadId());
            if (ns > 0) {
                m.merge(t.getName().replaceAll("\\d+", "N"), ns, Long::sum);
            }
        }
        return m;
    }

    private static long gcPauseMs() {
        long ms = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            // G1's and ZGC's concurrent cycles run beside the application: only the pauses stop the FX thread.
            if (!gc.getName().contains("Concurrent") && gc.getCollectionTime() > 0) {
                ms += gc.getCollectionTime();
            }
        }
        return ms;
    }

    /**
     * Pulse gaps while {@code open}'s window is up; gaps until the first fleet data arrives
     * (when {@code loadGaps} is given and a FleetViewModel reports data) go to loadGaps instead.
     */
    private static List<Gap> gaps(Duration d, java.util.function.Supplier<Stage> open, List<Gap> loadGaps) throws Exception {
        List<Gap> gaps = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage;
            try {
                stage = open.get();
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            long[] last = {0, 0, 0, 0};
            boolean[] loaded = {loadGaps == null};
            long end = System.nanoTime() + d.toNanos();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long cpu = threads.getCurrentThreadCpuTime();
                    long gc = gcPauseMs();
                    java.lang.management.ThreadInfo info = threads.getThreadInfo(Thread.currentThread().threadId());
                    long waited = info.getBlockedTime() + info.getWaitedTime();
                    if (last[0] != 0) {
                        Gap gap = new Gap((now - last[0]) / 1_000_000, (cpu - last[1]) / 1_000_000, gc - last[2],
                                waited - last[3]);
                        if (loaded[0]) {
                            gaps.add(gap);
                        } else {
                            // Until the tree has rows, and the pulse that built them, it is the first load.
                            loadGaps.add(gap);
                            TreeTableView<?> tree = (TreeTableView<?>) stage.getScene().lookup("#fleetTree");
                            loaded[0] = tree != null && !tree.getRoot().getChildren().isEmpty();
                        }
                    }
                    last[0] = now;
                    last[1] = cpu;
                    last[2] = gc;
                    last[3] = waited;
                    if (now > end) {
                        stop();
                        stage.close();
                        done.complete(null);
                    }
                }
            }.start();
        });
        done.get();
        return gaps;
    }

    private static Map<String, Object> stats(List<Gap> all) {
        List<Long> s = new ArrayList<>(all.stream().map(Gap::wallMs).toList());
        s.sort(Long::compare);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pulses", s.size());
        if (s.isEmpty()) {
            return m;
        }
        m.put("median_gap_ms", s.get(s.size() / 2));
        m.put("p99_gap_ms", s.get(Math.min(s.size() - 1, (int) (s.size() * 0.99))));
        m.put("max_gap_ms", s.getLast());
        m.put("gaps_over_50ms", s.stream().filter(g -> g > 50).count());
        // What the long gaps were: the FX thread's own CPU, GC pauses, and the rest (waiting for a core).
        List<Gap> longGaps = all.stream().filter(g -> g.wallMs() > 50).toList();
        long wall = longGaps.stream().mapToLong(Gap::wallMs).sum();
        long fx = longGaps.stream().mapToLong(g -> Math.min(g.fxCpuMs(), g.wallMs())).sum();
        long gc = longGaps.stream().mapToLong(g -> Math.min(g.gcPauseMs(), g.wallMs())).sum();
        m.put("long_gaps_ms_total", wall);
        m.put("long_gaps_fx_thread_cpu_ms", fx);
        m.put("long_gaps_gc_pause_ms", gc);
        long waited = longGaps.stream().mapToLong(g -> Math.min(g.fxWaitMs(), g.wallMs())).sum();
        m.put("long_gaps_fx_thread_blocked_or_parked_ms", waited);
        m.put("long_gaps_other_ms", Math.max(0, wall - fx - gc - waited));
        m.put("long_gaps", longGaps.stream().map(g -> g.wallMs() + " ms: FX CPU " + g.fxCpuMs() + ", GC " + g.gcPauseMs()
                + ", FX blocked or parked " + g.fxWaitMs()).toList());
        return m;
    }
}
