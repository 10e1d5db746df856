package io.jenkins.plugins.dataworks.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a controller wrote to its JENKINS_HOME, from an strace log ({@code strace -f -ttt -y -e
 * trace=write,pwrite64,writev,pwritev,fsync,fdatasync,rename,renameat,renameat2}): bytes and fsyncs
 * per kind of file, within a time window. Jenkins writes most files to a temporary file and renames
 * it into place (program.dat, build.xml), so a temporary file counts as the file it became.
 */
final class HomeWrites {

    /** Kinds of files, in the order the report lists them. */
    static final List<String> KINDS = List.of("program.dat", "build.xml", "build log", "flow nodes",
            "archived package", "workspace", "job files", "directories", "other");

    /** {@code PID SECONDS.MICROS call(FD</path>, ...) = RESULT}; also the first half of an unfinished call. */
    private static final Pattern CALL = Pattern.compile(
            "^(\\d+)\\s+(\\d+\\.\\d+)\\s+(write|pwrite64|writev|pwritev|fsync|fdatasync)\\(\\d+<(.*?)>(?:,|\\)).*?(?:= (-?\\d+).*)?$");
    private static final Pattern UNFINISHED = Pattern.compile("^(\\d+)\\s+(\\d+\\.\\d+)\\s+(\\w+)\\(\\d+<(.*?)>.*<unfinished \\.\\.\\.>$");
    private static final Pattern RESUMED = Pattern.compile("^(\\d+)\\s+(\\d+\\.\\d+)\\s+<\\.\\.\\. (\\w+) resumed>.*= (-?\\d+).*$");
    private static final Pattern RENAME = Pattern.compile("^\\d+\\s+\\d+\\.\\d+\\s+rename(?:at2?)?\\(.*?\"(.+?)\".*?\"(.+?)\".*\\) = 0$");

    /** One write or fsync. */
    record Op(String path, double seconds, boolean fsync, long bytes) {}

    /** Bytes and fsyncs by kind of file. */
    record Tally(Map<String, Long> bytes, Map<String, Long> fsyncs) {
        long totalBytes() {
            return bytes.values().stream().mapToLong(Long::longValue).sum();
        }

        long totalFsyncs() {
            return fsyncs.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final List<Op> ops;
    private final Map<String, String> renamedTo;

    private HomeWrites(List<Op> ops, Map<String, String> renamedTo) {
        this.ops = ops;
        this.renamedTo = renamedTo;
    }

    static HomeWrites read(Path straceLog, String pathPrefix) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(straceLog, StandardCharsets.ISO_8859_1)) {
            return parse(in.lines()::iterator, pathPrefix); // streamed: the log of a full run is large
        }
    }

    /** Keeps only the files whose path starts with {@code pathPrefix} (where the test Jenkins homes are). */
    static HomeWrites parse(Iterable<String> lines, String pathPrefix) {
        List<Op> ops = new java.util.ArrayList<>();
        Map<String, String> renamed = new HashMap<>();
        Map<String, Op> pending = new HashMap<>();
        Map<String, String> paths = new HashMap<>(); // one copy of each path: a full run logs millions of writes
        for (String line : lines) {
            if (!line.contains(pathPrefix)) {
                Matcher r = RESUMED.matcher(line);
                if (r.matches()) {
                    Op p = pending.remove(r.group(1) + " " + r.group(3));
                    if (p != null) {
                        ops.add(new Op(p.path(), p.seconds(), p.fsync(), p.fsync() ? 0 : Math.max(0, Long.parseLong(r.group(4)))));
                    }
                }
                continue;
            }
            Matcher rename = RENAME.matcher(line);
            if (rename.matches()) {
                renamed.put(rename.group(1), rename.group(2));
                continue;
            }
            Matcher u = UNFINISHED.matcher(line);
            if (u.matches()) {
                boolean fsync = u.group(3).startsWith("f");
                pending.put(u.group(1) + " " + u.group(3),
                        new Op(paths.computeIfAbsent(u.group(4), k -> k), Double.parseDouble(u.group(2)), fsync, 0));
                continue;
            }
            Matcher m = CALL.matcher(line);
            if (m.matches() && m.group(4).startsWith(pathPrefix)) {
                boolean fsync = m.group(3).startsWith("f");
                long bytes = fsync || m.group(5) == null ? 0 : Math.max(0, Long.parseLong(m.group(5)));
                ops.add(new Op(paths.computeIfAbsent(m.group(4), k -> k), Double.parseDouble(m.group(2)), fsync, bytes));
            }
        }
        return new HomeWrites(ops, renamed);
    }

    /** Writes to files under {@code home} between the two instants (epoch milliseconds). */
    Tally tally(String home, long fromMillis, long toMillis) {
        Map<String, Long> bytes = new LinkedHashMap<>();
        Map<String, Long> fsyncs = new LinkedHashMap<>();
        for (String k : KINDS) {
            bytes.put(k, 0L);
            fsyncs.put(k, 0L);
        }
        String root = home.endsWith("/") ? home : home + "/";
        for (Op op : ops) {
            long at = (long) (op.seconds() * 1000);
            if (!op.path().startsWith(root) || at < fromMillis || at > toMillis) {
                continue;
            }
            String kind = kind(renamedTo.getOrDefault(op.path(), op.path()).substring(root.length()));
            if (op.fsync()) {
                fsyncs.merge(kind, 1L, Long::sum);
            } else {
                bytes.merge(kind, op.bytes(), Long::sum);
            }
        }
        return new Tally(bytes, fsyncs);
    }

    /** AtomicFileWriter's temporary file: {@code build.xml-atomic123tmp} becomes build.xml. */
    private static final Pattern ATOMIC_WRITER = Pattern.compile("(.+)-atomic\\d+tmp");
    /** The Pipeline's: {@code atomic123.tmp} in a build's directory becomes program.dat. */
    private static final Pattern PROGRAM_TEMP = Pattern.compile("atomic\\d+\\.tmp");
    /** Directories Jenkins fsyncs after renaming a file into them. */
    private static final Pattern DIRECTORY = Pattern.compile("jobs/[^/]+(/builds(/\\d+(/workflow)?)?)?");

    /**
     * The kind of a file, by its path relative to JENKINS_HOME. A temporary file counts as the file it
     * becomes (strace may show its rename split over two lines, so the name decides when the rename is
     * not known).
     */
    static String kind(String relative) {
        if (DIRECTORY.matcher(relative).matches()) {
            return "directories";
        }
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        Matcher atomic = ATOMIC_WRITER.matcher(name);
        if (atomic.matches()) {
            name = atomic.group(1);
            relative = relative.substring(0, relative.length() - relative.substring(relative.lastIndexOf('/') + 1).length()) + name;
        } else if (PROGRAM_TEMP.matcher(name).matches() && relative.contains("/builds/")) {
            name = "program.dat";
        }
        if (relative.startsWith("workspace/")) {
            return "workspace";
        }
        if (relative.startsWith("jobs/")) {
            if (relative.contains("/archive/")) {
                return "archived package";
            }
            if (relative.contains("/workflow/") || relative.contains("/workflow-completed/")) {
                return "flow nodes";
            }
            if (relative.contains("/builds/") && name.equals("program.dat")) {
                return "program.dat";
            }
            if (relative.contains("/builds/") && name.equals("build.xml")) {
                return "build.xml";
            }
            if (relative.contains("/builds/") && (name.equals("log") || name.equals("log-index"))) {
                return "build log";
            }
            return "job files";
        }
        return "other";
    }
}
