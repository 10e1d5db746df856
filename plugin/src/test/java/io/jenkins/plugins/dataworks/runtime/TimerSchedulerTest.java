package io.jenkins.plugins.dataworks.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A poll that comes due while Jenkins shuts down finds the poll pool stopped; the timer thread must
 * not get the pool's refusal, which Jenkins' timer logs as a warning with a stack trace.
 */
class TimerSchedulerTest {

    @Test
    void aDuePollHandedToAStoppedPoolIsLeftForTheRestartQuietly() throws InterruptedException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        AtomicInteger ran = new AtomicInteger();
        TimerScheduler scheduler = new TimerScheduler(pool);
        scheduler.handOver(ran::incrementAndGet);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);

        assertDoesNotThrow(() -> scheduler.handOver(ran::incrementAndGet));
        assertEquals(1, ran.get(), "only the poll handed over before the stop ran");
    }
}
