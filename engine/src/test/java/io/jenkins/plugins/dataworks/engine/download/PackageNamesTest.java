package io.jenkins.plugins.dataworks.engine.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PackageNamesTest {

    @Test
    void defaultNameIsPredictableFromTheIds() {
        assertThat(PackageNames.forMigration(12, 345, null)).isEqualTo("dataworks-export-12-345.zip");
        assertThat(PackageNames.forMigration(12, 345, "  ")).isEqualTo("dataworks-export-12-345.zip");
    }

    @Test
    void defaultNameKeepsOnlySafeCharactersOfTheMigrationName() {
        assertThat(PackageNames.forMigration(1, 2, "nightly export/../v2")).isEqualTo("dataworks-export-1-2-nightly-export-.-v2.zip")
                .satisfies(name -> assertThat(PackageNames.requireSafe(name)).isEqualTo(name));
        assertThat(PackageNames.forMigration(1, 2, "..//..")).isEqualTo("dataworks-export-1-2.zip");
        assertThat(PackageNames.forMigration(1, 2, "导出")).isEqualTo("dataworks-export-1-2.zip");
        assertThat(PackageNames.forMigration(1, 2, "x".repeat(500))).hasSize("dataworks-export-1-2-".length() + 64 + 4);
    }

    @Test
    void defaultNameNeedsPositiveIds() {
        assertThatThrownBy(() -> PackageNames.forMigration(0, 2, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("projectId"));
        assertThatThrownBy(() -> PackageNames.forMigration(1, -2, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("migrationId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dataworks-export-1-2.zip", "package.zip", "导出包.zip", "a b.zip", "v1.2.zip"})
    void acceptsPlainNames(String name) {
        assertThat(PackageNames.requireSafe(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "../x.zip", "..", ".", "a/b.zip", "a\\b.zip", "/etc/passwd", "x..zip",
            "a\nb.zip", "a\u0000b", "tab\t.zip", ".hidden.zip", "a:b.zip", "what?.zip", "star*.zip", "trailing.",
            "trailing ", "CON", "nul.zip", "Lpt1.txt"})
    void rejectsUnsafeNamesNamingTheField(String name) {
        assertThatThrownBy(() -> PackageNames.requireSafe(name))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("fileName");
                    assertThat(e.getMessage()).startsWith("fileName ").doesNotContain("\n").doesNotContain("\u0000");
                });
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> PackageNames.requireSafe(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must not be empty");
    }

    @Test
    void limitsNamesTo255Utf8Bytes() {
        String ascii255 = "a".repeat(251) + ".zip";
        assertThat(PackageNames.requireSafe(ascii255)).isEqualTo(ascii255);
        // 85 three-byte characters: 255 bytes, plus ".zip" is over.
        assertThatThrownBy(() -> PackageNames.requireSafe("导".repeat(85) + ".zip"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("got 259");
    }
}
