package io.jenkins.plugins.dataworks.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The machine a run measured, for the report: figures only compare within one machine. */
record Machine(int cores, String cpu, String memory, String jdk, String os, Instant date) {

    static Machine current() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
                procLine("/proc/meminfo", "MemTotal").map(Machine::gib).orElse("unknown"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The 1, 5 and 15 minute load averages (Linux): other work on the machine skews every figure. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    Table table(String commit) {
        return new Table("what", "value")
                .row("date (UTC)", date)
                .row("cores (availableProcessors)", cores)
                .row("CPU", cpu)
                .row("memory", memory)
                .row("JDK", jdk)
                .row("OS", os)
                .row("commit", commit);
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** "24567890 kB" -> "23.4 GiB". */
    private static String gib(String memTotal) {
        try {
            long kb = Long.parseLong(memTotal.replace("kB", "").trim());
            return Stats.f(kb / (1024.0 * 1024.0), 1) + " GiB";
        } catch (NumberFormatException e) {
            return memTotal;
        }
    }
}
