package io.jenkins.plugins.dataworks.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UserTextTest {

    /** Offers only the partial-success setting, in upper case with other value spellings. */
    private static final Vocabulary ONLY_PARTIAL = new Vocabulary() {
        @Override
        public String name(Setting setting) {
            return setting == Setting.PARTIAL_SUCCESS ? "ON_PARTIAL" : null;
        }

        @Override
        public String value(Setting setting, String engineValue) {
            return engineValue.toLowerCase(Locale.ROOT) + "!";
        }
    };

    @Test
    void namesValuesAndAssignmentsAreTheVocabularys() {
        UserText t = UserText.of("under ", UserText.assignment(Setting.PARTIAL_SUCCESS, "FAIL"), ", choose ",
                UserText.value(Setting.PARTIAL_SUCCESS, "UNSTABLE"), " in ", Setting.PARTIAL_SUCCESS);

        assertThat(t.toString()).isEqualTo("under partialSuccess=FAIL, choose UNSTABLE in partialSuccess");
        assertThat(t.render(ONLY_PARTIAL)).isEqualTo("under ON_PARTIAL=fail!, choose unstable! in ON_PARTIAL");
        assertThat(t.settings()).containsExactly(Setting.PARTIAL_SUCCESS);
    }

    @Test
    void aHintAboutASettingTheFrontEndDoesNotOfferIsLeftOut() {
        UserText t = UserText.of("too big", UserText.hint(Setting.MAX_BYTES, ": raise ", Setting.MAX_BYTES), ".");

        assertThat(t.toString()).isEqualTo("too big: raise maxBytes.");
        assertThat(t.render(ONLY_PARTIAL)).isEqualTo("too big.");
    }

    @Test
    void anInputFieldIsRenderedAsTheSettingItIs() {
        InvalidInputException e = new InvalidInputException("initialInterval", "must be between 100ms and 1h");
        Vocabulary dashed = s -> "--" + s.name().toLowerCase(Locale.ROOT).replace('_', '-');

        assertThat(e.getMessage()).isEqualTo("initialInterval must be between 100ms and 1h");
        assertThat(dashed.message(e)).isEqualTo("--poll-interval must be between 100ms and 1h");
        assertThat(dashed.message(new InvalidInputException("other", "is bad"))).isEqualTo("other is bad");
    }

    @Test
    void onlyDeclaredValuesCanBeNamed() {
        assertThatThrownBy(() -> UserText.value(Setting.PARTIAL_SUCCESS, "MAYBE"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserText.value(Setting.MAX_BYTES, "FAIL")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySettingIsFoundByItsEngineName() {
        for (Setting s : Setting.values()) {
            assertThat(Setting.ofField(s.engineName())).contains(s);
        }
    }
}
