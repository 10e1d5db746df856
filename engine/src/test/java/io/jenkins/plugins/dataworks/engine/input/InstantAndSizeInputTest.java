package io.jenkins.plugins.dataworks.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two inputs every front end parses the same way: a time with a zone, and a size with a binary unit. */
class InstantAndSizeInputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-05-01T00:00:00Z         | 2024-05-01T00:00:00Z
            2024-05-01T08:00:00+08:00    | 2024-05-01T00:00:00Z
            ' 1714521600000 '            | 2024-05-01T00:00:00Z
            """)
    void instants(String text, String expected) {
        assertThat(InstantInput.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-05-01             | '2024-05-01' is not a time with a zone
            2024-05-01T00:00:00    | '2024-05-01T00:00:00' is not a time with a zone
            yesterday              | 'yesterday' is not a time with a zone
            99999999999999999999   | '99999999999999999999' is not a time with a zone
            """)
    void timesWithoutAZoneAreRefusedNamingTheField(String text, String problem) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> InstantInput.parse(text));
        assertThat(e.field()).isEqualTo("incrementalSince");
        assertThat(e.getMessage()).startsWith("incrementalSince " + problem + ": use an ISO-8601 instant");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1048576   | 1048576
            500M      | 524288000
            2g        | 2147483648
            2 GiB     | 2147483648
            64kb      | 65536
            """)
    void sizes(String text, long expected) {
        assertThat(SizeInput.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2T                        | maxUploadBytes '2T' is not a size: use e.g. 500M, 2G or 1048576 (bytes)
            12ib                      | maxUploadBytes '12ib' is not a size: use e.g. 500M, 2G or 1048576 (bytes)
            0                         | maxUploadBytes must be positive, got '0'
            9999999999999999999G      | maxUploadBytes '9999999999999999999G' is too large
            """)
    void badSizesAreRefusedNamingTheField(String text, String message) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> SizeInput.parse(text));
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
