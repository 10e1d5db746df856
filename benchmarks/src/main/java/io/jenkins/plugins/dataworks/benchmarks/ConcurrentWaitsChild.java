package io.jenkins.plugins.dataworks.benchmarks;

import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationStatus;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.wait.Acceptors;
import io.jenkins.plugins.dataworks.engine.wait.WaitEngine;
import io.jenkins.plugins.dataworks.engine.wait.WaitHandle;
import io.jenkins.plugins.dataworks.engine.wait.WaitListener;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome;
import io.jenkins.plugins.dataworks.engine.wait.WaitPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 1, one side, in its own JVM: N waits at once against the emulator process, through
 * the real SDK client. {@code engine} runs them on the engine's WaitEngine (one scheduler thread,
 * a small poll pool); {@code threads} is the baseline, a thread per wait doing poll + sleep, as a
 * step on SynchronousNonBlockingStepExecution would. Both follow the same fixed schedule.
 *
 * <p>Args: mode endpoint firstMigrationId count intervalMs pollThreads warmupFirstId
 */
public final class ConcurrentWaitsChild {

    static final long PROJECT = EmulatorHost.PROJECT_ID;
    private static final int WARMUP_WAITS = 20;

    private ConcurrentWaitsChild() {}

    interface Waits extends AutoCloseable {
        /** Starts one wait; the future completes when it saw a terminal status. */
        CompletableFuture<Void> start(MigrationRef ref, Runnable onFinished);

        /** Lets the waits started so far make their first poll, if they were held back. */
        default void go() {}

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String endpoint = args[1];
        long firstId = Long.parseLong(args[2]);
        int count = Integer.parseInt(args[3]);
        Duration interval = Duration.ofMillis(Long.parseLong(args[4]));
        int pollThreads = Integer.parseInt(args[5]);
        long warmupFirstId = Long.parseLong(args[6]);

        CountingClient client = new CountingClient(Clients.create(endpoint));
        try (Waits waits = mode.equals("engine") ? new EngineWaits(client, interval, pollThreads)
                : new ThreadPerWait(client, interval)) {
            // Warm-up: classes loaded, connections pooled, JIT started; not measured.
            List<CompletableFuture<Void>> warm = new ArrayList<>();
            for (int i = 0; i < WARMUP_WAITS; i++) {
                warm.add(waits.start(new MigrationRef(PROJECT, warmupFirstId + i), () -> {}));
            }
            waits.go();
            CompletableFuture.allOf(warm.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            long callsBefore = client.calls();

            long heapBefore = ProcessMetrics.usedHeapAfterGc();
            long rssBefore = ProcessMetrics.residentBytes();
            int threadsBefore = ProcessMetrics.liveThreads();
            ProcessMetrics.resetPeakThreads();

            AtomicInteger finished = new AtomicInteger();
            AtomicLong lastFinishNanos = new AtomicLong();
            CountDownLatch all = new CountDownLatch(count);
            List<CompletableFuture<Void>> futures = new ArrayList<>(count);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                futures.add(waits.start(new MigrationRef(PROJECT, firstId + i), () -> {
                    finished.incrementAndGet();
                    lastFinishNanos.accumulateAndGet(System.nanoTime(), Math::max);
                    all.countDown();
                }));
            }
            waits.go();
            long started = System.nanoTime();
            double startLoopSeconds = (started - start) / 1e9;
            int threadsInFlight = ProcessMetrics.liveThreads();
            long engineThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("dataworks-wait-")).count();
            // Two samples, the smaller kept: a sample may catch a poll's buffers mid-call.
            long heapInFlight = Math.min(ProcessMetrics.usedHeapAfterGc(), ProcessMetrics.usedHeapAfterGc());
            long rssInFlight = ProcessMetrics.residentBytes();
            int finishedAtSample = finished.get();

            if (!all.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("only " + finished.get() + " of " + count + " waits finished in 10 min");
            }
            int failed = 0;
            for (CompletableFuture<Void> f : futures) {
                if (f.isCompletedExceptionally()) {
                    failed++;
                }
            }
            // From the moment all waits exist (for the baseline: its threads are released together).
            double wall = (lastFinishNanos.get() - started) / 1e9;
            JsonObject r = new JsonObject();
            r.addProperty("mode", mode);
            r.addProperty("waits", count);
            r.addProperty("intervalMs", interval.toMillis());
            r.addProperty("threadsBefore", threadsBefore);
            r.addProperty("threadsInFlight", threadsInFlight);
            r.addProperty("engineThreads", engineThreads);
            r.addProperty("warmupCalls", callsBefore);
            r.addProperty("peakThreads", ProcessMetrics.peakThreads());
            r.addProperty("heapBefore", heapBefore);
            r.addProperty("heapInFlight", heapInFlight);
            r.addProperty("rssBefore", rssBefore);
            r.addProperty("rssInFlight", rssInFlight);
            r.addProperty("finishedAtSample", finishedAtSample);
            r.addProperty("startLoopSeconds", startLoopSeconds);
            r.addProperty("wallSeconds", wall);
            r.addProperty("calls", client.calls() - callsBefore);
            r.addProperty("failedCalls", client.failures());
            r.addProperty("failedWaits", failed);
            ChildJvm.emit(r);
        } finally {
            client.close();
        }
    }

    /** The engine: WaitEngine with a fixed-interval policy, no jitter, so both sides share one schedule. */
    static final class EngineWaits implements Waits {
        private final WaitEngine engine;
        private final WaitPolicy policy;

        EngineWaits(DataWorksClient client, Duration interval, int pollThreads) {
            this.engine = WaitEngine.create(client, pollThreads, Clock.systemUTC(), new SplittableRandom(1));
            this.policy = WaitPolicy.defaults().toBuilder().initialInterval(interval).maxInterval(interval)
                    .multiplier(1.0).jitter(0.0).timeout(Duration.ofMinutes(15)).maxConsecutiveErrors(20).build();
        }

        @Override
        public CompletableFuture<Void> start(MigrationRef ref, Runnable onFinished) {
            WaitHandle handle = engine.start(ref, policy, WaitListener.NONE);
            return handle.outcome().thenApply(o -> {
                onFinished.run();
                if (o.result() != WaitOutcome.Result.SUCCESS) {
                    throw new IllegalStateException(o.message());
                }
                return null;
            });
        }

        @Override
        public void close() {
            engine.close();
        }
    }

    /** The baseline: one platform thread per wait, blocking in the call and in Thread.sleep. */
    static final class ThreadPerWait implements Waits {
        private final DataWorksClient client;
        private final Duration interval;
        private final AtomicInteger ids = new AtomicInteger();
        /**
         * Creating a thousand threads takes seconds on a busy machine, long enough for the first
         * waits to finish before the last start; held at this gate, all are alive at once.
         */
        private volatile CountDownLatch gate = new CountDownLatch(1);

        @Override
        public void go() {
            CountDownLatch open = gate;
            gate = new CountDownLatch(1);
            open.countDown();
        }

        ThreadPerWait(DataWorksClient client, Duration interval) {
            this.client = client;
            this.interval = interval;
        }

        @Override
        public CompletableFuture<Void> start(MigrationRef ref, Runnable onFinished) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            CountDownLatch myGate = gate;
            Thread t = new Thread(() -> {
                try {
                    myGate.await();
                    while (true) {
                        try {
                            MigrationStatus status = client.getMigrationSummary(ref).status();
                            if (Acceptors.verdict(status, WaitPolicy.defaults()).terminal()) {
                                break;
                            }
                        } catch (DataWorksException e) {
                            // Transient or not, a naive loop just tries again after the interval.
                        }
                        Thread.sleep(interval.toMillis());
                    }
                    onFinished.run();
                    done.complete(null);
                } catch (InterruptedException e) {
                    onFinished.run();
                    done.completeExceptionally(e);
                }
            }, "wait-" + ids.incrementAndGet());
            t.setDaemon(true);
            t.start();
            return done;
        }

        @Override
        public void close() {}
    }
}
