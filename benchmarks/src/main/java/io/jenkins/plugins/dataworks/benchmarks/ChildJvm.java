package io.jenkins.plugins.dataworks.benchmarks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one measurement in a fresh JVM from the benchmark jar, so its threads and heap are its own
 * (not the harness', not the emulator's). The child prints progress freely and ends with one line
 * {@code RESULT <json>}; its stderr goes to a log file next to the jar.
 */
final class ChildJvm {

    static final String RESULT = "RESULT ";

    private ChildJvm() {}

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The jar (or classes directory) this code runs from. */
    static String classpath() {
        return System.getProperty("java.class.path");
    }

    static Path logDir() throws IOException {
        Path dir = Path.of(System.getProperty("bench.logs", "benchmarks/target/bench-logs"));
        Files.createDirectories(dir);
        return dir;
    }

    /** A command line that runs {@code mainClass} of this jar with the given JVM options. */
    static List<String> command(List<String> jvmOptions, Class<?> mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs the child to completion and returns its RESULT. */
    static JsonObject run(String name, List<String> jvmOptions, Class<?> mainClass, Duration timeout, String... args)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(jvmOptions, mainClass, args))
                .redirectError(logDir().resolve(name + ".stderr.log").toFile());
        Process p = pb.start();
        AtomicReference<JsonObject> result = new AtomicReference<>();
        // Read on another thread, so that a child that hangs with its stdout open still times out.
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(RESULT)) {
                        result.set(JsonParser.parseString(line.substring(RESULT.length())).getAsJsonObject());
                    } else {
                        System.out.println("    [" + name + "] " + line);
                    }
                }
            } catch (IOException e) {
                // The child died; its exit code and log tell why.
            }
        }, "child-" + name);
        reader.setDaemon(true);
        reader.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException(name + " did not finish within " + timeout);
        }
        reader.join(10_000);
        if (result.get() == null) {
            throw new IOException(name + " exited with " + p.exitValue() + " without a result; see "
                    + logDir().resolve(name + ".stderr.log"));
        }
        return result.get();
    }

    /** What a child prints last. */
    static void emit(JsonObject result) {
        System.out.println(RESULT + result);
        System.out.flush();
    }
}
