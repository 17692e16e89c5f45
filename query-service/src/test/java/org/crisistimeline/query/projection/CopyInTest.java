package org.crisistimeline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.crisistimeline.query.event.CopyIn;
import org.junit.jupiter.api.Test;

/**
 * COPY's binary format against a real PostgreSQL: every value copied in equals the same value bound as text, as the
 * read model's other statements bind it, down to the rounding of a timestamp's nanoseconds.
 */
class CopyInTest {

    private static final List<Instant> INSTANTS = List.of(
            Instant.parse("2020-01-03T00:32:00Z"),
            Instant.parse("2020-01-03T00:32:00.123456789Z"),
            // ties: rounded to the even microsecond
            Instant.parse("2020-01-03T00:32:00.000000500Z"),
            Instant.parse("2020-01-03T00:32:00.000001500Z"),
            Instant.parse("2020-01-03T00:32:00.000000501Z"),
            Instant.parse("1999-12-31T23:59:59.999999500Z"),
            Instant.parse("1979-02-11T12:00:00Z"),
            Instant.parse("2000-01-01T00:00:00Z"),
            CopyIn.INFINITY);

    @Test
    void everyValueCopiedInEqualsTheSameValueBoundAsText() {
        try (var database = ReadModelDatabase.create()) {
            var jdbc = database.jdbc();
            jdbc.execute("""
                    CREATE TABLE copied (id int, t text, j jsonb, l bigint, d double precision, b boolean,
                                         at timestamptz, day date, a text[])
                    """);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < INSTANTS.size(); i++) {
                rows.add(new Object[] {
                    i,
                    "Qasem Soleimani\t\"Hajj Qasem\"\n\\ قاسم سلیمانی " + i,
                    "{\"cameo\": \"0" + i + "\", \"goldstein\": -10.0}",
                    i * 10_000_000_000L,
                    -33.3128 + i,
                    i % 2 == 0,
                    INSTANTS.get(i),
                    LocalDate.of(1999, 12, 31).plusDays(i * 400L),
                    i == 0 ? List.of() : Arrays.asList("IR", null, "IQ \"Baghdad\"", "{US}")
                });
            }
            rows.add(new Object[] {INSTANTS.size(), null, null, null, null, null, null, null, null});
            database.transaction().executeWithoutResult(status -> {
                var copy = CopyIn.into(
                        "copied",
                        CopyIn.int4("id"),
                        CopyIn.text("t"),
                        CopyIn.jsonb("j"),
                        CopyIn.int8("l"),
                        CopyIn.float8("d"),
                        CopyIn.bool("b"),
                        CopyIn.timestamptz("at"),
                        CopyIn.date("day"),
                        CopyIn.textArray("a"));
                rows.forEach(copy::row);
                copy.write(jdbc);
            });

            for (Object[] row : rows) {
                Object[] text = Arrays.stream(row).map(CopyInTest::asText).toArray();
                assertThat(jdbc.queryForObject(
                                """
                                SELECT (c.t, c.j, c.l, c.d, c.b, c.at, c.day, c.a)
                                       IS NOT DISTINCT FROM
                                       (CAST(? AS text), CAST(? AS jsonb), CAST(? AS bigint),
                                        CAST(? AS double precision), CAST(? AS boolean), CAST(? AS timestamptz),
                                        CAST(? AS date), CAST(? AS text[]))
                                FROM copied c WHERE c.id = ?
                                """,
                                Boolean.class,
                                text[1],
                                text[2],
                                text[3],
                                text[4],
                                text[5],
                                text[6],
                                text[7],
                                text[8],
                                row[0]))
                        .as("row %s", Arrays.toString(row))
                        .isTrue();
            }
        }
    }

    @Test
    void aValueOfAnotherTypeThanItsColumnIsRefusedBeforeItReachesTheDatabase() {
        var copy = CopyIn.into("timeline_entry_version", CopyIn.text("scope"), CopyIn.timestamptz("valid_to"));

        assertThatThrownBy(() -> copy.row("crisis", "infinity"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("String for the TIMESTAMPTZ column 2");
    }

    /** The value as the read model's statements bind it in text: instants and dates ISO, arrays as literals. */
    private static String asText(Object value) {
        if (value == null) {
            return null;
        }
        if (value == CopyIn.INFINITY) {
            return "infinity";
        }
        if (value instanceof List<?> elements) {
            var literal = new StringBuilder("{");
            for (Object element : elements) {
                literal.append(literal.length() > 1 ? "," : "");
                literal.append(
                        element == null
                                ? "NULL"
                                : '"' + element.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"');
            }
            return literal.append('}').toString();
        }
        return value.toString();
    }
}
