package io.fleetdesk.ui.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one crossing to the UI thread, without a screen: a timer run by hand, a clock moved by hand and
 * a UI "thread" that is a queue the test empties. What a DBA would notice: a burst of updates is one
 * apply, the window is never asked to apply faster than once per pulse, and nothing arrives after close.
 */
class FxBatcherTest {
    private static final Duration PULSE = Duration.ofMillis(100);

    private record Scheduled(Runnable task, long delayNanos) {
    }

    private long now = 1_000_000_000L;
    private final Deque<Scheduled> timer = new ArrayDeque<>();
    private final Deque<Runnable> uiQueue = new ArrayDeque<>();
    private final List<List<String>> applied = new ArrayList<>();
    private final FxBatcher<String> batcher = new FxBatcher<>(PULSE, uiQueue::add,
            (task, delay) -> timer.add(new Scheduled(task, delay)), () -> now, applied::add);

    /** The timer fires (the delay has passed), then the UI thread runs what was handed to it. */
    private void fireAndRunUi() {
        Scheduled s = timer.poll();
        now += s.delayNanos();
        s.task().run();
        while (!uiQueue.isEmpty()) {
            uiQueue.poll().run();
        }
    }

    @Test
    void aBurstOfUpdatesIsAppliedOnceAsOneBatchInOrder() {
        for (int i = 0; i < 1000; i++) {
            batcher.offer("u" + i);
        }
        assertEquals(1, timer.size(), "one crossing is scheduled for the whole burst");
        assertEquals(0, timer.peek().delayNanos(), "the first batch goes at once");
        fireAndRunUi();
        assertEquals(1, applied.size());
        assertEquals(1000, applied.getFirst().size());
        assertEquals("u0", applied.getFirst().getFirst());
        assertEquals("u999", applied.getFirst().getLast());
    }

    @Test
    void theNextBatchWaitsUntilAPulseHasPassedSinceTheLastApply() {
        batcher.offer("a");
        fireAndRunUi();
        now += Duration.ofMillis(30).toNanos();
        batcher.offer("b");
        assertEquals(Duration.ofMillis(70).toNanos(), timer.peek().delayNanos(), "the rest of the pulse");
        fireAndRunUi();
        now += Duration.ofMillis(500).toNanos();
        batcher.offer("c");
        assertEquals(0, timer.peek().delayNanos(), "a quiet spell: at once");
        fireAndRunUi();
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), applied);
    }

    @Test
    void itemsOfferedBeforeTheUiThreadRunsJoinTheSameBatch() {
        batcher.offer("a");
        Scheduled s = timer.poll();
        s.task().run(); // handed to the UI thread, which has not run yet
        batcher.offer("b");
        assertTrue(timer.isEmpty(), "no second crossing while one is waiting for the UI thread");
        uiQueue.poll().run();
        assertEquals(List.of(List.of("a", "b")), applied);
    }

    @Test
    void theBatchIsAppliedOnTheUiThreadNeverOnTheTimers() {
        batcher.offer("a");
        timer.poll().task().run();
        assertTrue(applied.isEmpty(), "the timer only hands over");
        uiQueue.poll().run();
        assertEquals(List.of(List.of("a")), applied);
    }

    @Test
    void afterCloseNothingIsAppliedAndNothingIsScheduled() {
        batcher.offer("a");
        batcher.close();
        fireAndRunUi();
        batcher.offer("b");
        assertTrue(applied.isEmpty(), "a closed window gets no updates");
        assertTrue(timer.isEmpty());
    }
}
