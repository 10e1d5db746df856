package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationProcess;
import io.jenkins.plugins.dataworks.engine.client.MigrationStatus;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.client.MigrationTask;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.ErrorClassifier;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One wait, as a state machine. Between polls it holds no thread: the next poll is a task on the
 * {@link Scheduler}, which hands it to the poll executor when due.
 *
 * <p>Pacing: right before a call, the poll asks the {@link CallPacer} for a slot. A slot later than
 * now moves the poll to it (a new task on the scheduler, which knows the slot is already reserved,
 * so at the slot it only asks whether the call may leave, {@link CallPacer#admit()}, and moves again
 * by what is left if a late call just left); no thread waits for it, and it is not an API call
 * (neither apiCalls nor the budget count it). A slot after the deadline ends the wait at once as TIMED_OUT, without
 * a call: calling at the deadline anyway would break the limit the other waits of the key rely
 * on, and no call can happen before the deadline, so waiting for it changes nothing. The one
 * exception is a wait resumed after its deadline, whose single promised poll is paced like any
 * other.
 *
 * <p>Failure detail: a terminal EXPORT_ERROR, IMPORT_ERROR or PARTIAL_SUCCESS (whatever its verdict)
 * does not end the wait at once. The snapshot marks the detail as pending and one more "poll" is
 * scheduled, which calls GetMigrationProcess instead of GetMigrationSummary: the same scheduler, poll
 * executor, pacer, budget and cancel as any poll, no thread held. Whatever happens to that call, the
 * verdict is the status's: a spent budget, a slot after the deadline, a failing pacer or a failing
 * call only add to the message why the failed sub-tasks are missing. The call is never retried: one
 * call is what the detail is worth. A wait resumed from a snapshot with the detail pending makes that
 * call and no poll (the status is known and terminal).
 *
 * <p>Concurrency: every state change and every listener call happens under {@link #lock}; the API
 * call itself runs outside it. {@link #cancel()} takes the lock, so once it returns no poll can
 * start a call (a poll checks {@link #done} under the lock before calling), and the result of a
 * call already in flight is dropped because {@link #done} is set. The outcome future is completed
 * outside the lock, after onFinished, so code chained on it cannot run under the lock.
 */
final class WaitRun implements WaitHandle {

    private static final Logger LOG = Logger.getLogger(WaitRun.class.getName());

    private final DataWorksClient client;
    private final Scheduler scheduler;
    private final Executor pollExecutor;
    private final Clock clock;
    private final DoubleSupplier random;
    private final CallPacer pacer;
    private final WaitListener listener;
    private final CompletableFuture<WaitOutcome> outcome = new CompletableFuture<>();

    private final Object lock = new Object();
    // Everything below is guarded by lock.
    private WaitSnapshot snapshot;
    private WaitPolicy policy;
    private MigrationSummary lastSummary;
    private Scheduler.Cancellable pending;
    /** Identifies the one poll currently scheduled; stale or duplicate poll tasks see another value. */
    private long pollToken;
    private boolean polling;
    private boolean done;
    /** Resumed after its deadline: its one promised poll may be paced past the deadline. */
    private boolean resumedLate;
    private WaitOutcome finalOutcome;

    WaitRun(DataWorksClient client, Scheduler scheduler, Executor pollExecutor, Clock clock, DoubleSupplier random,
            CallPacer pacer, WaitListener listener, WaitSnapshot snapshot) {
        this.client = client;
        this.scheduler = scheduler;
        this.pollExecutor = pollExecutor;
        this.clock = clock;
        this.random = random;
        this.pacer = pacer;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.snapshot = snapshot;
        this.policy = snapshot.policy();
    }

    /** Starts or resumes: persists the snapshot when asked, then schedules the poll it names. */
    void begin(boolean announceSnapshot) {
        synchronized (lock) {
            if (announceSnapshot) {
                notifyListener("onSnapshot", () -> listener.onSnapshot(snapshot));
            } else {
                resumedLate = !clock.instant().isBefore(snapshot.deadline());
            }
            scheduleLocked(snapshot.nextPollAt(), false);
        }
        publishOutcome();
    }

    @Override
    public CompletableFuture<WaitOutcome> outcome() {
        return outcome;
    }

    @Override
    public WaitSnapshot snapshot() {
        synchronized (lock) {
            return snapshot;
        }
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            if (done) {
                return;
            }
            finishLocked(Result.CANCELLED, UserText.of(Messages.cancelled(snapshot, elapsed(clock.instant()))), null);
        }
        publishOutcome();
    }

    // ---- scheduling ----------------------------------------------------------------------------

    /** {@code slotReserved}: the pacer already gave this poll its slot, so it only asks whether the call may leave. */
    private void scheduleLocked(Instant at, boolean slotReserved) {
        long token = ++pollToken;
        Duration delay = Duration.between(clock.instant(), at);
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        try {
            pending = scheduler.schedule(() -> dispatch(token, slotReserved), delay);
        } catch (RuntimeException e) { // usually RejectedExecutionException; anything else must not hang the wait
            finishLocked(Result.ERROR, null, new ApiException(Messages.rejected("scheduler"), "WaitRejected", null, e));
        }
    }

    /** Runs on the scheduler's thread, which must never do I/O: hand the poll over. */
    private void dispatch(long token, boolean slotReserved) {
        try {
            pollExecutor.execute(() -> poll(token, slotReserved));
        } catch (RuntimeException e) { // usually RejectedExecutionException
            synchronized (lock) {
                if (!done && token == pollToken) {
                    finishLocked(Result.ERROR, null,
                            new ApiException(Messages.rejected("poll executor"), "WaitRejected", null, e));
                }
            }
            publishOutcome();
        }
    }

    // ---- one poll ------------------------------------------------------------------------------

    private void poll(long token, boolean slotReserved) {
        WaitSnapshot before;
        boolean call;
        synchronized (lock) {
            if (done || polling || token != pollToken) {
                return;
            }
            pending = null;
            before = snapshot;
            if (before.failureDetailPending() && budgetSpent(before)) {
                // Only a resumed wait gets here: a running one decides right after the terminal poll.
                finishTerminalLocked(Messages.detailBudgetSpent(before), List.of());
                call = false;
            } else if (budgetSpent(before)) {
                // Only a resumed wait can start with its budget spent: a running one stops right after its last call.
                finishLocked(Result.TIMED_OUT, UserText.of(Messages.budgetSpent(before, elapsed(clock.instant()))), null);
                call = false;
            } else {
                call = !movedToLaterSlotLocked(slotReserved);
                polling = call;
            }
        }
        if (!call) {
            publishOutcome();
            return;
        }
        if (before.failureDetailPending()) {
            fetchFailureDetail(before);
            return;
        }
        MigrationSummary summary = null;
        DataWorksException error = null;
        Error fatal = null;
        try {
            summary = Objects.requireNonNull(client.getMigrationSummary(before.ref()), "client returned no summary");
        } catch (DataWorksException e) {
            error = e;
        } catch (RuntimeException e) {
            error = unexpected(e);
        } catch (Error e) {
            error = unexpected(e);
            fatal = e;
        }
        synchronized (lock) {
            polling = false;
            if (!done) { // done here means cancelled while the call was in flight: drop the result
                Instant now = clock.instant();
                if (error != null) {
                    onErrorLocked(error, now);
                } else {
                    onSummaryLocked(summary, now);
                }
            }
        }
        publishOutcome();
        if (fatal != null) {
            throw fatal;
        }
    }

    /** The one GetMigrationProcess call of a wait that ended in a status worth its failed sub-tasks. */
    private void fetchFailureDetail(WaitSnapshot before) {
        MigrationProcess process = null;
        DataWorksException error = null;
        Error fatal = null;
        try {
            process = Objects.requireNonNull(client.getMigrationProcess(before.ref()), "client returned no process");
        } catch (DataWorksException e) {
            error = e;
        } catch (RuntimeException e) { // e.g. a client that does not implement GetMigrationProcess
            error = unexpected(e);
        } catch (Error e) {
            error = unexpected(e);
            fatal = e;
        }
        synchronized (lock) {
            polling = false;
            if (!done) { // done here means cancelled while the call was in flight: drop the result
                snapshot = snapshot.withFailureDetailDone(snapshot.apiCalls() + 1);
                notifyListener("onSnapshot", () -> listener.onSnapshot(snapshot));
                if (error != null) {
                    LOG.log(Level.FINE, "GetMigrationProcess for " + before.ref() + " failed", error);
                    finishTerminalLocked(Messages.detailCallFailed(snapshot, error), List.of());
                } else {
                    List<MigrationTask> failed = process.failedTasks();
                    finishTerminalLocked(Messages.failedTasks(failed), failed);
                }
            }
        }
        publishOutcome();
        if (fatal != null) {
            throw fatal;
        }
    }

    private void onSummaryLocked(MigrationSummary summary, Instant now) {
        WaitSnapshot s = snapshot;
        String status = summary.rawStatus();
        boolean changed = !Objects.equals(status, s.lastStatus());
        Instant changedAt = changed ? now : s.lastStatusChangeAt();
        Instant heartbeatAt = changed ? now : s.lastHeartbeatAt();
        boolean hintGiven = !changed && s.idleHintGiven();
        String requestId = summary.requestId() != null ? summary.requestId() : s.lastRequestId();
        lastSummary = summary;
        Duration elapsed = elapsed(now);
        int calls = s.apiCalls() + 1;
        if (changed) {
            notifyListener("onStatusChange", () -> listener.onStatusChange(s.lastStatus(), summary, elapsed));
        }

        MigrationStatus parsed = summary.status();
        Acceptors.Verdict verdict = Acceptors.verdict(parsed, policy);
        if (verdict.terminal()) {
            boolean detail = Acceptors.needsFailureDetail(parsed);
            snapshot = new WaitSnapshot(s.ref(), policy, s.startedAt(), s.deadline(), now, s.currentInterval(),
                    calls, 0, status, changedAt, requestId, heartbeatAt, hintGiven, detail);
            if (detail && budgetSpent(snapshot)) {
                // The status took the last call of the budget: no detail, the verdict stands.
                snapshot = snapshot.withFailureDetailDone(calls);
                notifyListener("onSnapshot", () -> listener.onSnapshot(snapshot));
                finishTerminalLocked(Messages.detailBudgetSpent(snapshot), List.of());
            } else if (detail) {
                // Persisted before the call is scheduled, so a restart in between still fetches the detail.
                notifyListener("onSnapshot", () -> listener.onSnapshot(snapshot));
                scheduleLocked(now, false);
            } else {
                notifyListener("onSnapshot", () -> listener.onSnapshot(snapshot));
                finishTerminalLocked(UserText.of(), List.of());
            }
            return;
        }

        if (!changed && !Duration.between(heartbeatAt, now).minus(policy.heartbeatEvery()).isNegative()) {
            notifyListener("onHeartbeat", () -> listener.onHeartbeat(summary, elapsed, calls));
            heartbeatAt = now;
        }
        Duration idleFor = Duration.between(changedAt, now);
        boolean hintNow = Acceptors.isIdle(parsed) && !hintGiven && !policy.idleHintAfter().isZero()
                && !idleFor.minus(policy.idleHintAfter()).isNegative();

        Duration delay = Backoff.pollDelay(s.currentInterval(), policy.jitter(), random);
        Duration nextInterval = Backoff.grow(s.currentInterval(), policy.multiplier(), policy.maxInterval());
        snapshot = new WaitSnapshot(s.ref(), policy, s.startedAt(), s.deadline(), nextPollAt(now, delay),
                nextInterval, calls, 0, status, changedAt, requestId, heartbeatAt, hintGiven || hintNow);
        if (hintNow) {
            String hint = Messages.idleHint(snapshot, idleFor);
            notifyListener("onHint", () -> listener.onHint(hint));
        }
        continueOrStopLocked(now, () -> {});
    }

    /**
     * Ends the wait with the verdict of the terminal status in the snapshot; {@code detail} is what
     * the message says about the failed sub-tasks (empty when none were looked for).
     */
    private void finishTerminalLocked(UserText detail, List<MigrationTask> failedTasks) {
        MigrationStatus parsed = MigrationStatus.parse(snapshot.lastStatus());
        Acceptors.Verdict verdict = Acceptors.verdict(parsed, policy);
        Duration elapsed = elapsed(clock.instant());
        String status = Messages.oneLine(snapshot.lastStatus());
        Result result;
        UserText message;
        switch (verdict) {
            case SUCCEED -> {
                result = Result.SUCCESS;
                message = UserText.of(Messages.finished(snapshot, "reached " + status, elapsed));
            }
            case UNSTABLE -> {
                result = Result.UNSTABLE;
                message = UserText.of(Messages.finished(snapshot, "reached " + status + " (accepted as unstable)",
                        elapsed));
            }
            case FAIL -> {
                result = Result.FAILED;
                if (parsed == MigrationStatus.UNKNOWN) {
                    message = Messages.unknownStatus(snapshot, elapsed);
                } else if (parsed == MigrationStatus.PARTIAL_SUCCESS) {
                    message = Messages.partialSuccessFails(snapshot, elapsed);
                } else {
                    message = UserText.of(Messages.finished(snapshot, "ended with " + status, elapsed));
                }
            }
            default -> throw new IllegalStateException("not terminal: " + verdict);
        }
        finishLocked(result, UserText.of(message, detail), null, failedTasks);
    }

    private void onErrorLocked(DataWorksException callError, Instant now) {
        WaitSnapshot s = snapshot;
        int calls = s.apiCalls() + 1;
        DataWorksException error = configurationError(callError, s);
        if (!(error instanceof TransientApiException)) {
            snapshot = new WaitSnapshot(s.ref(), policy, s.startedAt(), s.deadline(), now, s.currentInterval(),
                    calls, s.consecutiveErrors(), s.lastStatus(), s.lastStatusChangeAt(), requestIdOf(error, s),
                    s.lastHeartbeatAt(), s.idleHintGiven());
            notifyListener("onSnapshot", () -> listener.onSnapshot(snapshot));
            finishLocked(Result.ERROR, Messages.failedCall(snapshot, error), error);
            return;
        }
        int errors = s.consecutiveErrors() + 1;
        Duration delay = Backoff.retryDelay(errors, policy.initialInterval(), policy.maxInterval(), random);
        Instant next = nextPollAt(now, delay);
        snapshot = new WaitSnapshot(s.ref(), policy, s.startedAt(), s.deadline(), next, s.currentInterval(),
                calls, errors, s.lastStatus(), s.lastStatusChangeAt(), requestIdOf(error, s), s.lastHeartbeatAt(),
                s.idleHintGiven());
        if (errors >= policy.maxConsecutiveErrors()) {
            notifyListener("onSnapshot", () -> listener.onSnapshot(snapshot));
            finishLocked(Result.ERROR, Messages.tooManyErrors(snapshot, error), error);
            return;
        }
        Duration retryIn = Duration.between(now, next);
        continueOrStopLocked(now, () -> notifyListener("onRetry", () -> listener.onRetry(error, errors, retryIn)));
    }

    /**
     * A host name that does not resolve before any call of this wait reached DataWorks is the region,
     * endpoint, VPC or proxy setting, which no retry fixes: an error that ends the wait. Once calls got
     * through, it is DNS flaking, and {@code error} is returned as it is (transient, retried).
     */
    private static DataWorksException configurationError(DataWorksException error, WaitSnapshot s) {
        Optional<String> host = ErrorClassifier.unresolvedHost(error);
        if (host.isEmpty() || s.lastStatus() != null || s.lastRequestId() != null) {
            return error;
        }
        return new ApiException(Messages.unresolvedHost(s, host.get()), error.errorCode(), null, error.getCause());
    }

    /**
     * Asks the pacer for this call's slot, or, at a slot reserved before ({@code slotReserved}),
     * whether the call may leave now: a poll thread that ran late may find another late call just
     * sent. When the answer is later than now, the poll moves to it: the snapshot with the new
     * nextPollAt goes to the listener first, as after every poll, so a restart resumes at the slot
     * rather than early. Returns false when the call may happen now; true when it moved, or when the
     * wait ended because the slot is after the deadline or the pacer failed.
     */
    private boolean movedToLaterSlotLocked(boolean slotReserved) {
        Duration wait;
        try {
            wait = Objects.requireNonNull(slotReserved ? pacer.admit() : pacer.reserve(), "the pacer returned no duration");
        } catch (RuntimeException e) { // a bug in the pacer must end the wait visibly, not hang it
            ApiException error = new ApiException("unexpected " + e.getClass().getName() + " from the call pacer: "
                    + Messages.oneLine(e.getMessage()), "PacerFailure", null, e);
            if (snapshot.failureDetailPending()) {
                snapshot = snapshot.withFailureDetailDone(snapshot.apiCalls());
                finishTerminalLocked(Messages.detailPacerFailed(error), List.of());
            } else {
                finishLocked(Result.ERROR, Messages.pacerFailed(snapshot, error), error);
            }
            return true;
        }
        if (wait.isNegative() || wait.isZero()) {
            return false;
        }
        // Read after asking: the pacer measured from its own "now", which is not later than this one.
        Instant now = clock.instant();
        Instant slot = now.plus(wait);
        WaitSnapshot s = snapshot;
        if (slot.isAfter(s.deadline()) && !resumedLate) {
            Duration late = Duration.between(s.deadline(), slot);
            if (s.failureDetailPending()) {
                // The deadline bounds the wait even for the detail; the verdict is known and stands.
                snapshot = s.withFailureDetailDone(s.apiCalls());
                finishTerminalLocked(Messages.detailSlotAfterDeadline(late), List.of());
            } else {
                finishLocked(Result.TIMED_OUT, UserText.of(Messages.slotAfterDeadline(s, late)), null);
            }
            return true;
        }
        snapshot = s.withNextPollAt(slot);
        notifyListener("onSnapshot", () -> listener.onSnapshot(snapshot));
        scheduleLocked(slot, true);
        return true;
    }

    /**
     * After a poll that did not end the wait: stop at the deadline or when the budget is spent,
     * otherwise persist the snapshot, then tell the listener, then schedule - in that order, so a
     * persisted snapshot is never behind the schedule.
     */
    private void continueOrStopLocked(Instant now, Runnable beforeScheduling) {
        notifyListener("onSnapshot", () -> listener.onSnapshot(snapshot));
        if (!now.isBefore(snapshot.deadline())) {
            finishLocked(Result.TIMED_OUT, UserText.of(Messages.deadlinePassed(snapshot)), null);
        } else if (budgetSpent(snapshot)) {
            finishLocked(Result.TIMED_OUT, UserText.of(Messages.budgetSpent(snapshot, elapsed(now))), null);
        } else {
            beforeScheduling.run();
            scheduleLocked(snapshot.nextPollAt(), false);
        }
    }

    /** Never past the deadline: a delay that would overshoot becomes one last poll exactly at it. */
    private Instant nextPollAt(Instant now, Duration delay) {
        Instant next = now.plus(delay);
        return next.isAfter(snapshot.deadline()) ? snapshot.deadline() : next;
    }

    private boolean budgetSpent(WaitSnapshot s) {
        return policy.maxApiCalls() > 0 && s.apiCalls() >= policy.maxApiCalls();
    }

    // ---- ending --------------------------------------------------------------------------------

    private void finishLocked(Result result, UserText message, DataWorksException error) {
        finishLocked(result, message, error, List.of());
    }

    private void finishLocked(Result result, UserText message, DataWorksException error,
            List<MigrationTask> failedTasks) {
        if (done) {
            return;
        }
        done = true;
        pollToken++;
        if (pending != null) {
            Scheduler.Cancellable p = pending;
            pending = null;
            try {
                p.cancel();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not cancel a scheduled poll", e);
            }
        }
        UserText text = message != null ? message : Messages.failedCall(snapshot, error);
        WaitOutcome o = new WaitOutcome(result, lastSummary, text, error, snapshot, failedTasks);
        finalOutcome = o;
        notifyListener("onFinished", () -> listener.onFinished(o));
    }

    /** Completes the future outside the lock, so dependants never run under it. Idempotent. */
    private void publishOutcome() {
        WaitOutcome o;
        synchronized (lock) {
            o = finalOutcome;
        }
        if (o != null) {
            outcome.complete(o);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Duration elapsed(Instant now) {
        return Duration.between(snapshot.startedAt(), now);
    }

    private static String requestIdOf(DataWorksException error, WaitSnapshot s) {
        return error.requestId() != null ? error.requestId() : s.lastRequestId();
    }

    /** A client bug must end the wait visibly rather than leave it polling forever or hanging. */
    private static DataWorksException unexpected(Throwable t) {
        return new ApiException("unexpected " + t.getClass().getName() + " from the client: "
                + Messages.oneLine(t.getMessage()), "ClientFailure", null, t);
    }

    /** A misbehaving listener must not stop the state machine: the outcome still completes. */
    private void notifyListener(String method, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "WaitListener." + method + " threw " + e.getClass().getName() + "; ignored", e);
        }
    }
}
