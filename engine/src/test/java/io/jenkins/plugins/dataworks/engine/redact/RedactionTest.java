package io.jenkins.plugins.dataworks.engine.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void urlLosesQueryAndUserInfo() {
        assertThat(Redaction.url("https://b.oss-cn-shanghai.aliyuncs.com/p/x.zip?Expires=1&OSSAccessKeyId=a&Signature=s"))
                .isEqualTo("https://b.oss-cn-shanghai.aliyuncs.com/p/x.zip?<redacted>");
        assertThat(Redaction.url("https://u:pw@host/p")).isEqualTo("https://<redacted>@host/p");
        assertThat(Redaction.url("https://host/p")).isEqualTo("https://host/p");
        assertThat(Redaction.url(null)).isNull();
    }

    @Test
    void textScrubsUrlsAndSignedParameters() {
        String text = "Server unreachable: connection https://h/?AccessKeyId=LTAI&SecurityToken=CAIStok&Signature=xyz failed; "
                + "string SecurityToken%3DCAISother%26Timestamp";
        String scrubbed = Redaction.text(text);
        assertThat(scrubbed).isEqualTo("Server unreachable: connection https://h/?<redacted> failed; string SecurityToken%3D****%26Timestamp");
    }

    @Test
    void textScrubsKnownSecretValues() {
        assertThat(Redaction.text("secret is s3cr3t-value and token TOKENTOKEN", List.of("s3cr3t-value", "TOKENTOKEN", "ab")))
                .isEqualTo("secret is **** and token ****");
        assertThat(Redaction.text(null, List.of("x"))).isNull();
    }
}
