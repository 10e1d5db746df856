package io.jenkins.plugins.dataworks;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Table-driven over the engine's settings: each front end of the plugin names a setting as its
 * form does or leaves the hint out, and never shows an engine name it does not use itself.
 */
class FrontEndNamesTest {

    private static final Pattern ENTRY = Pattern.compile("<f:entry title=\"\\$\\{%([^}]*)}\" field=\"(\\w+)\"");

    /** The Pipeline steps, whose parameters the PIPELINE vocabulary names. */
    private static final java.util.List<Class<?>> PIPELINE_STEPS = java.util.List.of(
            WaitForDataWorksMigrationStep.class,
            CreateDataWorksExportStep.class,
            StartDataWorksMigrationStep.class,
            CreateDataWorksImportStep.class,
            PromoteDataWorksMigrationStep.class);

    private static boolean formHas(Class<?> step, String field) {
        try {
            return form(step).containsKey(field);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** field -> title of the form's entries. */
    private static Map<String, String> form(Class<?> describable) throws IOException {
        String path = "/" + describable.getName().replace('.', '/') + "/config.jelly";
        try (InputStream in = describable.getResourceAsStream(path)) {
            String jelly = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> out = new HashMap<>();
            Matcher m = ENTRY.matcher(jelly);
            while (m.find()) {
                out.put(m.group(2), m.group(1));
            }
            return out;
        }
    }

    /** The raw text of a page's jelly. */
    private static String jelly(Class<?> owner, String page) throws IOException {
        String path = "/" + owner.getName().replace('.', '/') + "/" + page;
        try (InputStream in = owner.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Messages name a global setting by its field's title on the page, and where the page is. */
    @Test
    void globalSettingsAreNamedByTheirLabels() throws IOException {
        Map<String, String> page = form(DataWorksGlobalConfiguration.class);
        assertThat(page).hasSizeGreaterThanOrEqualTo(7);
        page.forEach((field, title) -> assertThat(DataWorksGlobalConfiguration.label(field))
                .as(field)
                .isEqualTo("'" + title + "' (" + Messages.Global_page() + ")"));
    }

    @Test
    void controllerWideSettingsNameTheFieldsOfTheirPagesInBothFrontEnds() throws IOException {
        assertThat(FrontEndNames.GLOBAL)
                .containsOnlyKeys(Setting.ALLOWED_HOSTS, Setting.RATE_LIMIT, Setting.PROXY, Setting.NON_PROXY_HOSTS);
        assertThat(form(DataWorksGlobalConfiguration.class))
                .containsEntry("allowedDownloadHosts", Messages.Global_allowedDownloadHosts());
        assertThat(jelly(DataWorksGlobalConfiguration.class, "config.jelly"))
                .contains("<f:section title=\"${%DataWorks Migration}\">");
        assertThat(jelly(hudson.ProxyConfiguration.class, "config.jelly"))
                .contains("<f:entry title=\"${%" + Messages.Global_noProxyHost() + "}\">")
                .contains("<f:entry title=\"${%" + Messages.Global_proxyServer() + "}\">");
        assertThat(jelly(hudson.ProxyConfigurationManager.class, "config.jelly"))
                .contains("<f:section title=\"${%HTTP Proxy Configuration}\">");
        for (Setting setting : FrontEndNames.GLOBAL.keySet()) {
            assertThat(FrontEndNames.PIPELINE.name(setting))
                    .isEqualTo(FrontEndNames.FREESTYLE.name(setting))
                    .startsWith("'")
                    .contains("(Manage Jenkins \u00bb System \u00bb ");
        }
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void pipelineNamesAreTheStepsParameters(Setting setting) throws IOException {
        String name = FrontEndNames.PIPELINE.name(setting);
        if (name != null && !FrontEndNames.GLOBAL.containsKey(setting)) {
            assertThat(PIPELINE_STEPS.stream().anyMatch(step -> formHas(step, name)))
                    .as("a Pipeline step has the parameter %s", name)
                    .isTrue();
        }
        assertRendering(FrontEndNames.PIPELINE, setting);
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void freestyleNamesAreTheFormsLabels(Setting setting) throws IOException {
        String parameter = FrontEndNames.PIPELINE.name(setting);
        String label = FrontEndNames.FREESTYLE.name(setting);
        if (FrontEndNames.GLOBAL.containsKey(setting)) {
            // A controller-wide setting: both name its global configuration field (tested above).
            assertThat(label).isEqualTo(parameter);
            assertRendering(FrontEndNames.FREESTYLE, setting);
            return;
        }
        // The builder is the wait step's twin: it offers exactly the wait step's settings. The steps
        // that create and start migrations have no freestyle builder, so their settings have no label.
        boolean waitSetting = parameter != null && formHas(WaitForDataWorksMigrationStep.class, parameter);
        assertThat(label != null)
                .as("the builder offers %s exactly when the wait step does", setting)
                .isEqualTo(waitSetting);
        if (label != null) {
            assertThat(label)
                    .isEqualTo("'" + form(DataWorksMigrationBuilder.class).get(parameter) + "'");
        }
        assertRendering(FrontEndNames.FREESTYLE, setting);
    }

    private static void assertRendering(FrontEndNames names, Setting setting) {
        UserText value = setting.choices().isEmpty()
                ? UserText.of()
                : UserText.of(
                        " ", UserText.assignment(setting, setting.choices().get(0)));
        String text = UserText.of("fact about ", setting, value, UserText.hint(setting, "; change ", setting))
                .render(names);
        if (names.name(setting) == null) {
            assertThat(text).doesNotContain("; change");
        } else {
            assertThat(text).contains("; change " + names.name(setting));
            for (Setting s : Setting.values()) {
                String engine = s.engineName();
                if (!engine.equals(engine.toLowerCase(Locale.ROOT)) && !engine.equals(names.name(s))) {
                    assertThat(text).doesNotContainPattern("(?<![\\w-])" + Pattern.quote(engine) + "(?!\\w)");
                }
            }
            for (String engineValue : setting.choices()) {
                if (!engineValue.equals(FrontEndNames.pluginValue(setting, engineValue))) {
                    assertThat(text).doesNotContain("'" + engineValue + "'");
                }
            }
        }
    }
}
