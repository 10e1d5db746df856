package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the command line around an injected {@link CliContext} and runs it. Every way out goes
 * through {@link ExitCodes}; every error is one line on stderr.
 */
public final class Cli {

    private final CliContext ctx;
    private final ClientFactory clients;
    private final DemoEmulator.Launcher emulators;

    public Cli(CliContext ctx) {
        this(ctx, EngineClients::open, EmbeddedEmulator::startDemo);
    }

    Cli(CliContext ctx, ClientFactory clients, DemoEmulator.Launcher emulators) {
        this.ctx = ctx;
        this.clients = clients;
        this.emulators = emulators;
    }

    /** Runs one command; returns its exit code (see {@link ExitCodes}). */
    public int run(String... args) {
        return commandLine().execute(args);
    }

    CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.addSubcommand("export", new ExportCommand(ctx, clients, emulators));
        cl.addSubcommand("import", new ImportCommand(ctx, clients, emulators));
        cl.addSubcommand("start", new StartCommand(ctx, clients, emulators));
        cl.addSubcommand("wait", new WaitCommand(ctx, clients, emulators));
        cl.addSubcommand("summary", new SummaryCommand(ctx, clients, emulators));
        cl.addSubcommand("download", new DownloadCommand(ctx, clients, emulators));
        cl.addSubcommand("process", new ProcessCommand(ctx, clients, emulators));
        cl.addSubcommand("promote", new PromoteCommand(ctx, clients, emulators));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        applyToAll(cl);
        cl.setParameterExceptionHandler(this::onUsageError);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> onError(e, commandLine));
        return cl;
    }

    private static void applyToAll(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        spec.mixinStandardHelpOptions(true);
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.helpTable());
        spec.usageMessage().footerHeading("%nCredentials:%n").footer(
                "  ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                "  (+ ALIBABA_CLOUD_SECURITY_TOKEN for STS), or --profile NAME",
                "  (~/.aliyun/config.json); --role-arn then assumes a RAM role.",
                "  No option accepts a secret.",
                "",
                "Proxy:",
                "  --proxy, else HTTPS_PROXY, else https_proxy (loopback then stays direct);",
                "  --non-proxy-hosts, else NO_PROXY, else no_proxy. HTTP_PROXY is not read.",
                "  Proxy authentication is not supported; --non-proxy-hosts '*' goes direct.");
        for (CommandLine sub : cl.getSubcommands().values()) {
            applyToAll(sub);
        }
    }

    /** Picocli's parse errors (unknown option, bad enum, missing value): one line, exit 2. */
    private int onUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String message = e instanceof CommandLine.UnmatchedArgumentException unmatched
                ? UnknownArguments.describe(unmatched.getUnmatched()) : e.getMessage();
        ctx.err().println(prefix(cl) + message + " (see " + cl.getCommandSpec().qualifiedName() + " --help)");
        ctx.err().flush();
        return ExitCodes.USAGE;
    }

    private int onError(Exception e, CommandLine cl) {
        int code = ExitCodes.of(e);
        String message = message(e);
        ctx.err().println(prefix(cl) + message);
        ctx.err().flush();
        if (code != ExitCodes.USAGE && cl.getCommand() instanceof WithOutput command && command.output().json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("result", code == ExitCodes.CANCELLED ? "CANCELLED" : "ERROR");
            m.put("successful", false);
            if (e instanceof DataWorksException d) {
                putIfPresent(m, "errorCode", d.errorCode());
                putIfPresent(m, "requestId", d.requestId());
            }
            m.put("message", message);
            new ResultPrinter(ctx.out(), true).printJson(m);
        }
        return code;
    }

    private static String message(Exception e) {
        if (e instanceof DataWorksException d) {
            return OptionNames.describe(d);
        }
        if (e instanceof UsageException || e instanceof CancelledException) {
            return e.getMessage();
        }
        // Not expected, so not known to be free of secrets: a library's message may quote a signed
        // URL. Say what it is, redacted, without a stack trace.
        return "unexpected error: " + Redaction.text(e.toString());
    }

    private static String prefix(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName() + ": ";
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** A command with --output/--quiet, so errors can be reported in its format. */
    interface WithOutput {
        OutputOptions output();
    }
}
