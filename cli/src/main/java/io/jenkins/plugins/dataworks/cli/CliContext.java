package io.jenkins.plugins.dataworks.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything the command takes from its surroundings, injected so tests can run it in-process:
 * environment variables, the home directory (for ~/.aliyun/config.json), the two output streams,
 * whether stderr is a terminal (progress bar), the time source of waits, and the cancel signal.
 *
 * @param runtime makes the clock, scheduler and poll executor of one command run
 */
public record CliContext(
        Map<String, String> env,
        Path userHome,
        PrintWriter out,
        PrintWriter err,
        boolean stderrIsTerminal,
        Supplier<WaitRuntime> runtime,
        Cancellation cancellation) {

    public CliContext {
        env = Map.copyOf(env);
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(cancellation, "cancellation");
    }
}
