package io.jenkins.plugins.dataworks.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The harness' handle on an {@link EmulatorHost} process. */
final class EmulatorProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final String endpoint;

    private EmulatorProcess(Process process, BufferedReader out, PrintWriter in, String endpoint) {
        this.process = process;
        this.out = out;
        this.in = in;
        this.endpoint = endpoint;
    }

    /**
     * The JDK's HttpServer, which the emulator uses, leaves Nagle's algorithm on by default; with the
     * client's delayed ACK that costs about 40 ms per small response on loopback, which would
     * measure the emulator rather than the client. Real endpoints do not behave so.
     */
    static final String NO_DELAY = "-Dsun.net.httpserver.nodelay=true";

    /** Starts an emulator with TCP_NODELAY on unless {@code jvmOptions} set the property themselves. */
    static EmulatorProcess start(String name, List<String> jvmOptions, String... args) throws IOException {
        List<String> options = new java.util.ArrayList<>(jvmOptions);
        if (options.stream().noneMatch(o -> o.startsWith("-Dsun.net.httpserver.nodelay="))) {
            options.add(NO_DELAY);
        }
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(options, EmulatorHost.class, args))
                .redirectError(ChildJvm.logDir().resolve(name + ".stderr.log").toFile());
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter in = new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8);
        String line = out.readLine();
        if (line == null || !line.startsWith("READY ")) {
            p.destroyForcibly();
            throw new IOException("emulator did not start (" + line + "); see " + ChildJvm.logDir().resolve(name + ".stderr.log"));
        }
        return new EmulatorProcess(p, out, in, line.substring("READY ".length()).trim());
    }

    /** {@code http://127.0.0.1:PORT}. */
    String endpoint() {
        return endpoint;
    }

    long pid() {
        return process.pid();
    }

    synchronized String ask(String command) throws IOException {
        in.println(command);
        String answer = out.readLine();
        if (answer == null || answer.startsWith("ERROR")) {
            throw new IOException("emulator answered " + answer + " to " + command);
        }
        return answer;
    }

    long count(String action) throws IOException {
        return Long.parseLong(ask("count " + action));
    }

    /** Epoch microseconds of the first call for this migration, or -1. */
    long firstCallMicros(long migrationId) throws IOException {
        return Long.parseLong(ask("first-call " + migrationId));
    }

    String downloadUrl(long migrationId) throws IOException {
        return ask("url " + migrationId);
    }

    @Override
    public void close() {
        try {
            in.println("quit");
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
