package io.jenkins.plugins.dataworks.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The process entry point: wires the real environment into {@link Cli} and turns Ctrl-C into a
 * cancel. On SIGINT the JVM runs shutdown hooks; ours cancels the wait or download and waits a few
 * seconds for the command to clean up and print its result, so partial files are gone when the
 * process ends.
 */
public final class Main {

    private static final long CLEANUP_SECONDS = 10;

    private Main() {}

    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(System.out, true, charset);
        PrintWriter err = new PrintWriter(System.err, true, charset);
        Cancellation cancellation = new Cancellation();
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean shuttingDown = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished.getCount() == 0) {
                return;
            }
            shuttingDown.set(true);
            cancellation.cancel();
            try {
                finished.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.flush();
            err.flush();
        }, "dataworks-migration-cancel"));

        CliContext ctx = new CliContext(System.getenv(), Path.of(System.getProperty("user.home")), out, err,
                System.console() != null, WaitRuntime::system, cancellation);
        int code = new Cli(ctx).run(args);
        out.flush();
        err.flush();
        finished.countDown();
        if (shuttingDown.get()) {
            // The JVM is already exiting because of the signal; System.exit would block forever.
            // Halting with our code lets scripts tell a cancel (130) from a kill.
            Runtime.getRuntime().halt(code);
        }
        System.exit(code);
    }
}
