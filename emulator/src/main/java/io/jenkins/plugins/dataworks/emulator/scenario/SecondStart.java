package io.jenkins.plugins.dataworks.emulator.scenario;

/**
 * What StartMigration does with a migration that was started before. DataWorks' reference only
 * says that {@code Data} tells whether the migration was started; what a second call on a started
 * migration does is not documented, so the emulator can give each plausible answer and clients
 * must be right for all of them.
 */
public enum SecondStart {
    /** {@code Data: false}, nothing changes (the default). */
    ANSWER_FALSE,
    /** HTTP 400 {@code Invalid.Migration.AlreadyStarted} (emulator's choice of code); nothing changes. */
    REFUSE,
    /** {@code Data: true}, and the migration runs again from the start of its timeline. */
    RUN_AGAIN
}
