package io.jenkins.plugins.dataworks.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Runs the CLI in-process with captured output, an injected environment and virtual time. */
final class CliRun {

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private final Path home;
    private Supplier<WaitRuntime> runtime = VirtualTimeRuntime::new;
    private boolean terminal;
    private Writer errSink;
    private final Cancellation cancellation = new Cancellation();

    CliRun(Path home) {
        this.home = home;
    }

    CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRun credentials(String id, String secret) {
        return env(CredentialsResolver.ENV_ID, id).env(CredentialsResolver.ENV_SECRET, secret);
    }

    CliRun runtime(Supplier<WaitRuntime> newRuntime) {
        runtime = newRuntime;
        return this;
    }

    /** Pretend stderr is a terminal (progress bar on), and copy stderr to {@code sink} as it is written. */
    CliRun terminal(Writer sink) {
        terminal = true;
        errSink = sink;
        return this;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Writer errTarget = errSink == null ? err : new Tee(err, errSink);
        CliContext ctx = new CliContext(env, home, new PrintWriter(out, true), new PrintWriter(errTarget, true), terminal,
                runtime, cancellation);
        int code = new Cli(ctx).run(args);
        Result r = new Result(code, out.toString(), err.toString());
        return r;
    }

    /** Writes to two writers. */
    private static final class Tee extends Writer {
        private final Writer a;
        private final Writer b;

        Tee(Writer a, Writer b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(char[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }

        @Override
        public void close() throws java.io.IOException {
            a.close();
            b.close();
        }
    }
}
