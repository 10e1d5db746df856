package io.jenkins.plugins.dataworks.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code python3 -m http.server} on 127.0.0.1 serving a directory: a static file server as the
 * baseline of what serving the package costs, set against the emulator.
 */
final class StaticServer implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("port (\\d+)");

    private final Process process;
    final int port;

    private StaticServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static StaticServer start(Path directory) throws IOException {
        Process p = new ProcessBuilder("python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
                "--directory", directory.toString())
                .redirectError(ChildJvm.logDir().resolve("static-server.stderr.log").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher m = line == null ? null : PORT.matcher(line);
        if (m == null || !m.find()) {
            p.destroyForcibly();
            throw new IOException("python3 -m http.server did not start (" + line + ")");
        }
        return new StaticServer(p, Integer.parseInt(m.group(1)));
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
