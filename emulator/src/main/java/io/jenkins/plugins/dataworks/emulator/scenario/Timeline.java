package io.jenkins.plugins.dataworks.emulator.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The statuses a migration goes through, each step reached after a number of polls or after a
 * duration of scenario-clock time, both counted from the timeline's origin (emulator start for a
 * migration that runs from the start, the StartMigration call for one that waits to be started).
 *
 * <p>"Polls" are GetMigrationSummary calls for that migration that were answered with a status
 * (faulted calls do not count). {@code afterPolls(2, "EXPORTING")} means polls 1 and 2 still see the
 * previous status and poll 3 is the first to see EXPORTING. Steps are walked in order and the walk
 * stops at the first step not yet reached, so a timeline never goes backwards. Any string is a valid
 * status, so unknown statuses can be tested.
 */
public record Timeline(String initialStatus, List<Step> steps) {

    /** One transition: to {@code status} once {@code polls} polls have been answered, or once {@code after} has passed. */
    public record Step(String status, Integer polls, Duration after) {
        public Step {
            Objects.requireNonNull(status, "status");
            if ((polls == null) == (after == null)) {
                throw new IllegalArgumentException("a step needs exactly one of polls or after");
            }
            if (polls != null && polls < 0) {
                throw new IllegalArgumentException("polls must be >= 0");
            }
            if (after != null && after.isNegative()) {
                throw new IllegalArgumentException("after must be >= 0");
            }
        }

        boolean reached(long pollsAnswered, Duration elapsed) {
            return polls != null ? pollsAnswered >= polls : elapsed.compareTo(after) >= 0;
        }
    }

    public Timeline {
        Objects.requireNonNull(initialStatus, "initialStatus");
        steps = List.copyOf(steps);
    }

    public static Timeline startingAt(String status) {
        return new Timeline(status, List.of());
    }

    /** A timeline that never moves. */
    public static Timeline fixed(String status) {
        return startingAt(status);
    }

    /** The usual export: INIT, then EXPORTING after {@code exportingAfter} polls, EXPORT_SUCCESS after {@code successAfter}. */
    public static Timeline export(int exportingAfter, int successAfter) {
        return startingAt("INIT").thenAfterPolls(exportingAfter, "EXPORTING").thenAfterPolls(successAfter, "EXPORT_SUCCESS");
    }

    public Timeline thenAfterPolls(int polls, String status) {
        return with(new Step(status, polls, null));
    }

    public Timeline thenAfter(Duration after, String status) {
        return with(new Step(status, null, after));
    }

    /** The same timeline with every step (and the initial status) that shows {@code from} showing {@code to} instead. */
    public Timeline replacing(String from, String to) {
        List<Step> next = new ArrayList<>();
        for (Step step : steps) {
            next.add(step.status().equals(from) ? new Step(to, step.polls(), step.after()) : step);
        }
        return new Timeline(initialStatus.equals(from) ? to : initialStatus, next);
    }

    private Timeline with(Step step) {
        List<Step> next = new ArrayList<>(steps);
        next.add(step);
        return new Timeline(initialStatus, next);
    }

    /** The status seen after {@code pollsAnswered} earlier polls and {@code elapsed} since the origin. */
    public String statusAt(long pollsAnswered, Duration elapsed) {
        String status = initialStatus;
        for (Step step : steps) {
            if (!step.reached(pollsAnswered, elapsed)) {
                break;
            }
            status = step.status();
        }
        return status;
    }
}
