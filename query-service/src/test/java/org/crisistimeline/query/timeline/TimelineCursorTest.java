package org.crisistimeline.query.timeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineCursorTest {

    @Test
    void cursorReadsBackAsWritten() {
        var cursor = new TimelineCursor(Instant.parse("2020-01-03T00:32:00.123456Z"), "baghdad-airport-strike");

        String encoded = cursor.encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(TimelineCursor.decode(encoded)).isEqualTo(cursor);
    }

    @Test
    void idMayContainTheSeparator() {
        var cursor = new TimelineCursor(Instant.parse("2020-01-03T00:32:00Z"), "a|b|c");

        assertThat(TimelineCursor.decode(cursor.encode()).incidentId()).isEqualTo("a|b|c");
    }

    @Test
    void cursorIsOpaqueBase64UrlOfTimeAndId() {
        var cursor = new TimelineCursor(Instant.parse("2020-01-03T00:32:00Z"), "strike");

        assertThat(new String(Base64.getUrlDecoder().decode(cursor.encode()), UTF_8))
                .isEqualTo("2020-01-03T00:32:00Z|strike");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not a cursor!",
                "%%%",
                "bm8tc2VwYXJhdG9y",
                "eWVzdGVyZGF5fGlk",
                "MjAyMC0wMS0wM1QwMDozMjowMFp8",
                "_w"
            })
    void garbledCursorIsRefused(String garbled) {
        // bm8tc2VwYXJhdG9y: "no-separator"; eWVzdGVyZGF5fGlk: "yesterday|id"; the next: no id; _w: not UTF-8
        assertThatThrownBy(() -> TimelineCursor.decode(garbled)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"+294277-01-01T00:00:00Z|strike", "-5000-01-01T00:00:00Z|strike", "2020-01-03T00:32:00Z|a\u0000b"
            })
    void cursorBeyondWhatTheDatabaseHoldsIsRefused(String decoded) {
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(decoded.getBytes(UTF_8));

        assertThatThrownBy(() -> TimelineCursor.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
