package io.jenkins.plugins.dataworks.emulator;

import io.jenkins.plugins.dataworks.emulator.scenario.AccessKey;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.scenario.ScenarioFile;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * {@code java -jar dataworks-migration-emulator-VERSION-all.jar [--port N] [--bind ADDR]
 * [--scenario file.json] [--threads N] [--verbose]}: runs until interrupted (Ctrl-C).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        String bind = "127.0.0.1";
        Path scenarioFile = null;
        int threads = 48;
        boolean verbose = false;
        Logger logger = Logger.getLogger("io.jenkins.plugins.dataworks.emulator");
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port":
                        port = number(args, ++i, "--port");
                        break;
                    case "--bind":
                        bind = value(args, ++i, "--bind");
                        break;
                    case "--scenario":
                        scenarioFile = Path.of(value(args, ++i, "--scenario"));
                        break;
                    case "--threads":
                        threads = number(args, ++i, "--threads");
                        break;
                    case "--verbose":
                        verbose = true;
                        break;
                    case "--help":
                    case "-h":
                        usage(System.out);
                        return;
                    default:
                        throw new IllegalArgumentException("unknown option " + args[i] + ": see --help");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("emulator: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (verbose) {
            // Per-call lines: action, ids, status, code. Never secrets, tokens or URL signatures.
            ConsoleHandler handler = new ConsoleHandler();
            handler.setLevel(Level.FINE);
            handler.setFormatter(new SimpleFormatter());
            logger.addHandler(handler);
            logger.setLevel(Level.FINE);
        }
        Scenario scenario = scenarioFile == null ? Scenarios.demo()
                : ScenarioFile.read(scenarioFile, Clock.systemUTC().instant());
        DataWorksEmulator emulator = DataWorksEmulator.builder()
                .bindAddress(InetAddress.getByName(bind))
                .port(port)
                .threads(threads)
                .scenario(scenario)
                .build()
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        PrintStream out = System.out;
        out.println("DataWorks migration emulator listening on " + emulator.endpoint());
        out.println("  RPC (dataworks-public 2020-05-18, Sts 2015-04-01, OpenPlatform 2019-12-19): POST/GET "
                + emulator.endpoint() + "/");
        out.println("  OSS (presigned GET/HEAD, PostObject uploads): " + emulator.endpoint() + "/" + scenario.bucket());
        for (AccessKey key : scenario.accessKeys()) {
            out.println("  AccessKeyId: " + key.id());
            if (key.id().equals(Scenarios.DEMO_ACCESS_KEY_ID) && key.secret().equals(Scenarios.DEMO_ACCESS_KEY_SECRET)) {
                out.println("  AccessKeySecret (public demo value, fake, works only here): " + key.secret());
            }
        }
        out.println("  workspaces (ProjectId): " + scenario.projects().stream().sorted().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")));
        scenario.migrations().forEach(m -> out.println("  migration " + m.id() + " '" + m.name() + "' in project "
                + m.projectId() + " (" + m.type() + ")"));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        // JUL holds loggers weakly: keep the configured one alive while serving.
        java.lang.ref.Reference.reachabilityFence(logger);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String[] args, int i, String option) {
        String text = value(args, i, option);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a whole number: e.g. " + option + " 8080");
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar dataworks-migration-emulator-VERSION-all.jar [--port N] [--bind ADDR]"
                + " [--scenario file.json] [--threads N] [--verbose]");
        out.println("  Without --scenario it serves the built-in demo scenario (see emulator/README.md).");
    }
}
