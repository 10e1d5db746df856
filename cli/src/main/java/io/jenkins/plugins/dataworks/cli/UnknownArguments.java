package io.jenkins.plugins.dataworks.cli;

import java.util.List;
import java.util.Locale;

/**
 * Words picocli could not match. Picocli would echo them all, but a mistyped option's value may be
 * a secret (someone trying {@code --access-key-secret ...}), so only option names are shown.
 */
final class UnknownArguments {

    private UnknownArguments() {}

    static String describe(List<String> unmatched) {
        String firstOption = unmatched.stream().filter(a -> a.startsWith("-") && a.length() > 1).findFirst()
                .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a).orElse(null);
        if (firstOption == null) {
            return unmatched.size() + " unexpected argument" + (unmatched.size() == 1 ? "" : "s")
                    + " (not shown, in case they hold a secret): check the quoting of the command line";
        }
        String lower = firstOption.toLowerCase(Locale.ROOT);
        if (lower.contains("secret") || lower.contains("token") || lower.contains("password")) {
            return "unknown option '" + firstOption + "': secrets are never read from the command line;"
                    + " set ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN) or use --profile";
        }
        int others = unmatched.size() - 1;
        return "unknown option '" + firstOption + "'"
                + (others == 0 ? "" : " and " + others + " more argument" + (others == 1 ? "" : "s") + ", not shown");
    }
}
