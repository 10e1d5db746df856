package io.jenkins.plugins.dataworks.engine.text;

import io.jenkins.plugins.dataworks.engine.error.DataWorksException;

/**
 * How one front end names the {@link Setting settings} and their values: the command line by its
 * options, the Pipeline step by its parameters, the freestyle form by its field labels. A front end
 * that does not offer a setting answers {@code null}, and every hint to change that setting is
 * left out of its messages.
 */
public interface Vocabulary {

    /** The engine's own names, for tests and library users. */
    Vocabulary ENGINE = Setting::engineName;

    /** The name users of this front end know the setting by; null when it does not offer it. */
    String name(Setting setting);

    /** A value of an enumerated setting (one of {@link Setting#choices()}) as users of this front end write it. */
    default String value(Setting setting, String engineValue) {
        return engineValue;
    }

    /** "setting=value" in this front end's words. */
    default String assignment(Setting setting, String engineValue) {
        return name(setting) + "=" + value(setting, engineValue);
    }

    /**
     * The name of an input field ({@code InvalidInputException#field()}): the setting's name when the
     * field is a setting this front end offers, otherwise the field itself.
     */
    default String field(String field) {
        String name = Setting.ofField(field).map(this::name).orElse(null);
        return name != null ? name : field;
    }

    /** The text in this vocabulary. */
    default String render(UserText text) {
        return text.render(this);
    }

    /** An engine error's message in this vocabulary. */
    default String message(DataWorksException error) {
        return error.text().render(this);
    }
}
