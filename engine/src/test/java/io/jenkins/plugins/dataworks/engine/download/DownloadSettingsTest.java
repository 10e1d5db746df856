package io.jenkins.plugins.dataworks.engine.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DownloadSettingsTest {

    @Test
    void defaultsAreOssOnlyWithATenGibCap() {
        DownloadSettings defaults = DownloadSettings.defaults();
        assertThat(defaults.allowedHosts()).isEmpty();
        assertThat(defaults.maxBytes()).isEqualTo(10L << 30);
    }

    @Test
    void normalisesAllowedHosts() {
        assertThat(DownloadSettings.defaults().withAllowedHosts(Set.of(" Mirror.Example.COM ")).allowedHosts())
                .containsExactly("mirror.example.com");
    }

    @Test
    void rejectsNonsenseNamingTheField() {
        DownloadSettings d = DownloadSettings.defaults();
        assertField(() -> d.withMaxBytes(0), "maxBytes");
        assertField(() -> d.withReadTimeout(Duration.ZERO), "readTimeout");
        assertField(() -> d.withConnectTimeout(Duration.ofSeconds(-1)), "connectTimeout");
        assertField(() -> d.withMaxResumes(-1), "maxResumes");
        assertField(() -> d.withMaxUrlRefreshes(-1), "maxUrlRefreshes");
        assertField(() -> d.withAllowedHosts(Set.of("http://x/")), "allowedHosts");
    }

    private static void assertField(Runnable build, String field) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
