package io.jenkins.plugins.dataworks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.engine.text.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Structural checks over the engine's sources (issue 9): a message can only name a setting the
 * command has no option for inside a {@code UserText.hint}, which the command leaves out; and
 * every input field an engine message names is a setting, an option or variable the command maps,
 * or on the list below of fields no user types.
 */
class VocabularyCoverageTest {

    private static final Path ENGINE = Path.of("..", "engine", "src", "main", "java");

    /** Fields that are neither settings nor mapped by the command, and why a user never needs their name. */
    private static final Map<String, String> SHOWN_AS_IS = Map.ofEntries(
            Map.entry("download URL", "words: DataWorks hands the URL out, nobody types it"),
            Map.entry("upload URL", "words: DataWorks hands the URL out, nobody types it"),
            Map.entry("EncodedPolicy", "a field of DataWorks' answer (its API name), not an input"),
            Map.entry("Signature", "a field of DataWorks' answer (its API name), not an input"),
            Map.entry("ALIBABA_CLOUD_ACCESS_KEY_ID", "an environment variable, named as the user exported it"),
            Map.entry("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "an environment variable, named as the user exported it"),
            Map.entry("ALIBABA_CLOUD_SECURITY_TOKEN", "an environment variable, named as the user exported it"),
            Map.entry("attempts", "the command passes a constant"),
            Map.entry("connectTimeout", "the command passes a constant"),
            Map.entry("heartbeatEvery", "the command passes a constant"),
            Map.entry("idleHintAfter", "the command passes a constant"),
            Map.entry("jitter", "the command passes a constant"),
            Map.entry("maxConsecutiveErrors", "the command passes a constant"),
            Map.entry("multiplier", "the command passes a constant"),
            Map.entry("pollThreads", "the command passes a constant"),
            Map.entry("roleSessionDuration", "the command passes a constant"),
            Map.entry("snapshot.", "a saved wait state (the plugin's, across a restart), not an input"),
            Map.entry("snapshot.apiCalls", "a saved wait state, not an input"),
            Map.entry("snapshot.lastStatus", "a saved wait state, not an input"));

    /** The first argument of InvalidInputException and of the helpers that pass it on, and field constants. */
    private static final List<Pattern> FIELD_SITES = List.of(
            Pattern.compile("new InvalidInputException\\(\"([^\"]+)\""),
            Pattern.compile("(?<!UserText\\.)\\b(?:parse|SecretValue\\.of|requirePositive|requireHost|requirePort"
                    + "|normalize|noProxyList|UrlPolicy)\\(\"([A-Za-z][A-Za-z. ]*)\","),
            Pattern.compile("static final String (?:\\w*FIELD|ACCESS_KEY_\\w+|SECURITY_TOKEN) = \"([^\"]+)\";"));

    private static List<String> engineSources() throws IOException {
        assertThat(ENGINE).as("the engine's sources beside this module").isDirectory();
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ENGINE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (!f.endsWith(Path.of("text", "Setting.java"))) {
                    out.add(Files.readString(f));
                }
            }
        }
        return out;
    }

    /** A setting the command has no option for appears in messages only as a hint's key and inside that hint. */
    @ParameterizedTest
    @MethodSource("settingsWithoutAnOption")
    void aSettingWithoutAnOptionIsNamedOnlyInsideItsHints(Setting setting) throws IOException {
        String key = "Setting." + setting.name();
        Pattern hint = Pattern.compile("UserText\\.hint\\(" + Pattern.quote(key) + ",[^()]*\\)");
        for (String source : engineSources()) {
            String rest = hint.matcher(source).replaceAll("")
                    .replace(key + ".engineName()", "") // an input field: checked below
                    .replace("Setting.ofField", "");
            assertThat(rest).as("%s outside a UserText.hint", key).doesNotContainPattern(Pattern.quote(key) + "\\b");
        }
    }

    static Stream<Setting> settingsWithoutAnOption() {
        return Stream.of(Setting.values()).filter(s -> OptionNames.CLI.name(s) == null);
    }

    @Test
    void everyFieldAMessageNamesIsASettingOrMappedOrListed() throws IOException {
        Set<String> unexplained = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (String source : engineSources()) {
            for (Pattern site : FIELD_SITES) {
                Matcher m = site.matcher(source);
                while (m.find()) {
                    String field = m.group(1);
                    seen.add(field);
                    boolean known = Setting.ofField(field).isPresent() || !OptionNames.CLI.field(field).equals(field)
                            || SHOWN_AS_IS.containsKey(field);
                    if (!known) {
                        unexplained.add(field);
                    }
                }
            }
        }
        assertThat(seen).as("the scan finds the engine's fields").contains("projectId", "downloadDir", "download URL");
        assertThat(unexplained).as("fields that are no setting, no option and not on the list").isEmpty();
        assertThat(seen).as("no stale entry on the list").containsAll(SHOWN_AS_IS.keySet());
    }
}
