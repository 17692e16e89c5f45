package org.crisistimeline.command.imports.format;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.crisistimeline.command.imports.DatasetReader;
import org.crisistimeline.command.imports.ImportRow;
import org.crisistimeline.command.imports.ImportRow.Citation;
import org.crisistimeline.command.imports.ImportRow.DatePrecision;
import org.crisistimeline.command.imports.ImportRow.Fatalities;
import org.crisistimeline.command.imports.ImportRow.Party;
import org.crisistimeline.command.imports.ImportRow.Place;
import org.crisistimeline.command.imports.ImportRow.Type;
import org.crisistimeline.command.imports.RowProblem;
import org.crisistimeline.command.imports.format.CsvDataset.BadValue;
import org.crisistimeline.command.imports.format.CsvDataset.Coordinates;
import org.crisistimeline.command.imports.format.CsvDataset.Row;
import org.springframework.stereotype.Component;

/**
 * UCDP Georeferenced Event Dataset (GED) CSV, as UCDP publishes it from release 18.1 on: columns found by name in any
 * order, extra columns ignored, {@code iso3} used where a release has it, an HXL hashtag row under the header skipped
 * (the copies on HDX have one), quoted fields with line breaks.
 *
 * <p>The user names the release ({@code 23.1}): a GED file does not say which it is, so {@code release} is required.
 *
 * <ul>
 *   <li>{@code type_of_violence} 1 (state-based) and 2 (non-state) are {@link Type#BATTLE}, 3 (one-sided) is
 *       {@link Type#VIOLENCE_AGAINST_CIVILIANS}.
 *   <li>{@code date_start}..{@code date_end} is the range ({@code 2017-06-25}, or with a time of day as some releases
 *       write it, which is dropped); {@code date_prec} as UCDP's codebook defines it: 1 the exact day ({@code DAY}),
 *       2 a range of 2–6 days and 3 the week ({@code WEEK}), 4 a range of 8–30 days or the month ({@code MONTH}),
 *       5 the year ({@code YEAR}). The range itself is kept as the file gives it; the precision says how to read it.
 *   <li>{@code low}/{@code best}/{@code high} are the fatalities ({@code low ≤ best ≤ high}, as UCDP guarantees).
 *   <li>The place: {@code adm_1}, {@code adm_2}, {@code where_coordinates} as its name, {@code latitude}/
 *       {@code longitude}, {@code where_prec} verbatim as its precision; the country from {@code iso3} where the
 *       release has it, else from the Gleditsch–Ward {@code country_id} ({@link CountryTable#GLEDITSCH_WARD}); a
 *       state without an ISO code refuses the row.
 *   <li>Parties: {@code side_a} the initiator (key {@code side_a_new_id}, country from {@code gwnoa} where it names
 *       one state), {@code side_b} the target ({@code side_b_new_id}, {@code gwnob}).
 *   <li>One citation: {@code source_article} verbatim (UCDP gives its sources as text, several in one field), no URL,
 *       {@code source_headline} as its excerpt.
 *   <li>Codes, verbatim in the file's order: see {@link #CODES}.
 * </ul>
 *
 * A row is refused (with its line, column and reason) when a required value is empty or not what the codebook
 * allows; the first fault of a row is reported.
 */
@Component("ucdp-ged")
public final class UcdpGedReader implements DatasetReader {

    public static final String DATASET = "UCDP GED";

    /** the row's identity and classification, kept verbatim under these published names */
    public static final Set<String> CODES = Set.of(
            "id",
            "relid",
            "year",
            "active_year",
            "code_status",
            "type_of_violence",
            "conflict_dset_id",
            "conflict_new_id",
            "conflict_name",
            "dyad_dset_id",
            "dyad_new_id",
            "dyad_name",
            "side_a_dset_id",
            "side_a_new_id",
            "side_b_dset_id",
            "side_b_new_id",
            "number_of_sources",
            "where_prec",
            "event_clarity",
            "date_prec",
            "country",
            "country_id",
            "iso3",
            "region",
            "priogrid_gid",
            "gwnoa",
            "gwnob",
            "deaths_a",
            "deaths_b",
            "deaths_civilians",
            "deaths_unknown");

    private static final Set<String> REQUIRED = Set.of(
            "id", "type_of_violence", "date_prec", "date_start", "date_end", "low", "best", "high", "country_id");

    @Override
    public void read(InputStream file, String release, Consumer<ImportRow> rows, Consumer<RowProblem> problems)
            throws IOException {
        if (release == null || release.isBlank()) {
            throw new IllegalArgumentException("a UCDP GED file does not say its release: name it, e.g. 23.1");
        }
        CsvDataset.read(file, CsvDataset.QUOTED_CSV, null, REQUIRED, row -> map(row, release), rows, problems);
    }

    private static ImportRow map(Row row, String release) {
        String id = row.required("id");
        Type type = type(row.required("type_of_violence"));
        DatePrecision precision = precision(row.required("date_prec"));
        LocalDate start = date(row, "date_start");
        LocalDate end = date(row, "date_end");
        if (end.isBefore(start)) {
            throw new BadValue("date_end", "before date_start " + start + ": " + end);
        }
        int low = row.count("low");
        int best = row.count("best");
        int high = row.count("high");
        if (low > best || best > high) {
            throw new BadValue("best", "best " + best + " is not between low " + low + " and high " + high);
        }
        String country = row.text("iso3") != null
                ? row.placeCountry("iso3", CountryTable.ISO_ALPHA_3)
                : row.placeCountry("country_id", CountryTable.GLEDITSCH_WARD);
        Coordinates at = row.coordinates("latitude", "longitude");
        String where = row.text("where_coordinates");
        Place place = new Place(
                country, row.text("adm_1"), row.text("adm_2"), null, where, at.lat(), at.lon(), row.text("where_prec"));

        List<Party> parties = new ArrayList<>(2);
        String sideA = row.text("side_a");
        if (sideA != null) {
            parties.add(party(row, "side_a_new_id", sideA, "gwnoa", "INITIATOR"));
        }
        String sideB = row.text("side_b");
        if (sideB != null) {
            parties.add(party(row, "side_b_new_id", sideB, "gwnob", "TARGET"));
        }
        String article = row.text("source_article");
        List<Citation> citations =
                article == null ? List.of() : List.of(new Citation(article, null, null, row.text("source_headline")));

        return new ImportRow(
                row.line(),
                DATASET,
                release,
                id,
                type,
                start,
                end,
                precision,
                place,
                parties,
                summary(row, sideA, sideB, where, best),
                new Fatalities(low, best, high),
                citations,
                row.codes(CODES),
                null);
    }

    private static Type type(String typeOfViolence) {
        return switch (typeOfViolence) {
            case "1", "2" -> Type.BATTLE;
            case "3" -> Type.VIOLENCE_AGAINST_CIVILIANS;
            default ->
                throw new BadValue(
                        "type_of_violence", "not 1 (state-based), 2 (non-state) or 3 (one-sided): " + typeOfViolence);
        };
    }

    private static DatePrecision precision(String datePrec) {
        return switch (datePrec) {
            case "1" -> DatePrecision.DAY;
            case "2", "3" -> DatePrecision.WEEK;
            case "4" -> DatePrecision.MONTH;
            case "5" -> DatePrecision.YEAR;
            default -> throw new BadValue("date_prec", "not a UCDP date precision (1–5): " + datePrec);
        };
    }

    private static LocalDate date(Row row, String column) {
        String value = row.required(column);
        LocalDate date = CsvDataset.isoDate(column, value);
        // some releases write 2017-06-25 00:00:00.000: the time of day says nothing
        if (date == null || (value.length() > 10 && value.charAt(10) != ' ' && value.charAt(10) != 'T')) {
            throw new BadValue(column, "not a date (yyyy-MM-dd): " + value);
        }
        return date;
    }

    private static Party party(Row row, String keyColumn, String name, String stateColumn, String role) {
        String key = row.text(keyColumn);
        String state = row.text(stateColumn);
        // gwnoa names several states for an alliance ("2, 200"): no one country then
        String country =
                state == null || state.contains(",") ? null : row.country(stateColumn, CountryTable.GLEDITSCH_WARD);
        return new Party(key == null ? name : key, name, country, role);
    }

    private static String summary(Row row, String sideA, String sideB, String where, int best) {
        String dyad = row.text("dyad_name");
        if (dyad == null) {
            dyad = sideB == null ? String.valueOf(sideA) : sideA + " - " + sideB;
        }
        StringBuilder summary = new StringBuilder(dyad);
        if (where != null) {
            summary.append(", ").append(where);
        }
        return summary.append(": ")
                .append(best)
                .append(best == 1 ? " death" : " deaths")
                .append(" (best estimate)")
                .toString();
    }
}
