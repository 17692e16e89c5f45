package org.crisistimeline.command.imports.format;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.crisistimeline.events.country.IsoCountryValidator;
import org.springframework.stereotype.Component;

/**
 * ACLED's CSV export (the data export tool's and the API's columns): columns found by name in any order, extra
 * columns ignored, quoted fields with line breaks (notes have them).
 *
 * <p>The user names the release, the date of the export ({@code 2024-06-10}): an export does not say it, and ACLED
 * revises rows weekly, so {@code release} is required. Each row's {@code timestamp} is its revision.
 *
 * <ul>
 *   <li>{@code event_type} → type: Battles, Violence against civilians, Explosions/Remote violence, Riots, Protests,
 *       Strategic developments (as ACLED spells them, case aside).
 *   <li>{@code event_date} as {@code 2024-06-10} or {@code 10 June 2024} (both occur in exports); {@code
 *       time_precision} 1 the day, 2 the week, 3 the month of that date. ACLED gives one date and no range, so the
 *       range is that day and the precision says how to read it. {@code year} must agree with it.
 *   <li>The place: {@code admin1}–{@code admin3}, {@code location}, {@code latitude}/{@code longitude}, {@code
 *       geo_precision} verbatim; the country from the numeric ISO 3166-1 {@code iso} ({@link
 *       CountryTable#ISO_NUMERIC}; 0, which ACLED writes where ISO has no code, gives XK for
 *       {@code country} Kosovo; any other place without a country is refused).
 *   <li>Parties: {@code actor1} the initiator, the actors of {@code assoc_actor_1} (separated by ";") participants,
 *       {@code actor2} the target, those of {@code assoc_actor_2} participants; ACLED has no actor ids, so the name
 *       is the key.
 *   <li>{@code fatalities} is low = best = high; empty gives none.
 *   <li>Citations: each source of {@code source} (separated by ";"), as text without a URL.
 *   <li>{@code notes} is the summary. Codes, verbatim in the file's order: see {@link #CODES}.
 * </ul>
 *
 * A row is refused (with its line, column and reason) when a required value is empty or not what the codebook
 * allows; the first fault of a row is reported.
 */
@Component("acled")
public final class AcledReader implements DatasetReader {

    public static final String DATASET = "ACLED";

    /** the row's identity and classification, kept verbatim under these published names */
    public static final Set<String> CODES = Set.of(
            "event_id_cnty",
            "event_id_no_cnty",
            "year",
            "time_precision",
            "disorder_type",
            "event_type",
            "sub_event_type",
            "inter1",
            "inter2",
            "interaction",
            "civilian_targeting",
            "iso",
            "iso3",
            "region",
            "country",
            "geo_precision",
            "source_scale",
            "tags",
            "timestamp");

    private static final Set<String> REQUIRED = Set.of("event_id_cnty", "event_date", "time_precision", "event_type");

    private static final Map<String, Type> TYPES = Map.of(
            "battles", Type.BATTLE,
            "violence against civilians", Type.VIOLENCE_AGAINST_CIVILIANS,
            "explosions/remote violence", Type.EXPLOSION,
            "riots", Type.RIOT,
            "protests", Type.PROTEST,
            "strategic developments", Type.STRATEGIC_DEVELOPMENT);

    private static final Map<String, Integer> MONTHS = months();

    @Override
    public void read(InputStream file, String release, Consumer<ImportRow> rows, Consumer<RowProblem> problems)
            throws IOException {
        if (release == null || release.isBlank()) {
            throw new IllegalArgumentException(
                    "an ACLED export does not say its release: name it by the export's date, e.g. 2024-06-10");
        }
        CsvDataset.read(file, CsvDataset.QUOTED_CSV, null, REQUIRED, row -> map(row, release), rows, problems);
    }

    private static ImportRow map(Row row, String release) {
        String id = row.required("event_id_cnty");
        String eventType = row.required("event_type");
        Type type = TYPES.get(eventType.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new BadValue("event_type", "not an ACLED event type: " + eventType);
        }
        LocalDate date = eventDate(row.required("event_date"));
        String year = row.text("year");
        if (year != null && !year.equals(Integer.toString(date.getYear()))) {
            throw new BadValue("year", year + ", but event_date is in " + date.getYear());
        }
        DatePrecision precision = precision(row.required("time_precision"));
        String iso = row.text("iso");
        String country = iso == null
                ? null
                : iso.equals("0") ? noIsoNumber(row) : row.placeCountry("iso", CountryTable.ISO_NUMERIC);
        Coordinates at = row.coordinates("latitude", "longitude");
        String location = row.text("location");
        Place place = new Place(
                country,
                row.text("admin1"),
                row.text("admin2"),
                row.text("admin3"),
                location,
                at.lat(),
                at.lon(),
                row.text("geo_precision"));
        Integer fatalities = row.optionalCount("fatalities");

        List<Party> parties = new ArrayList<>(4);
        addParties(parties, row.text("actor1"), "INITIATOR");
        addParties(parties, row.text("assoc_actor_1"), "PARTICIPANT");
        addParties(parties, row.text("actor2"), "TARGET");
        addParties(parties, row.text("assoc_actor_2"), "PARTICIPANT");

        List<Citation> citations = new ArrayList<>(2);
        for (String source : split(row.text("source"))) {
            citations.add(new Citation(source, null, null, null));
        }
        String summary = row.text("notes");
        if (summary == null) {
            String what = row.text("sub_event_type");
            summary = (what == null ? eventType : what) + (location == null ? "" : " at " + location);
        }
        return new ImportRow(
                row.line(),
                DATASET,
                release,
                id,
                type,
                date,
                date,
                precision,
                place,
                parties,
                summary,
                fatalities == null ? null : new Fatalities(fatalities, fatalities, fatalities),
                citations,
                row.codes(CODES),
                row.text("timestamp"));
    }

    /** ACLED's iso 0: Kosovo is the place it is written for, which has XK where ISO has nothing */
    private static String noIsoNumber(Row row) {
        if ("Kosovo".equals(row.text("country"))) {
            return IsoCountryValidator.KOSOVO;
        }
        throw new BadValue("iso", Row.noCountry("0 (" + row.text("country") + ")"));
    }

    /** 2024-06-10 or 10 June 2024 */
    private static LocalDate eventDate(String value) {
        LocalDate iso = CsvDataset.isoDate("event_date", value);
        if (iso != null && value.length() == 10) {
            return iso;
        }
        String[] parts = value.split(" ");
        Integer month = parts.length == 3 ? MONTHS.get(parts[1].toLowerCase(Locale.ROOT)) : null;
        if (month == null || parts[0].length() > 2 || parts[2].length() != 4) {
            throw new BadValue("event_date", "not a date (2024-06-10 or 10 June 2024): " + value);
        }
        return CsvDataset.date(
                "event_date",
                value,
                CsvDataset.digits(parts[2], 0, 4),
                month,
                CsvDataset.digits(parts[0], 0, parts[0].length()));
    }

    private static DatePrecision precision(String timePrecision) {
        return switch (timePrecision) {
            case "1" -> DatePrecision.DAY;
            case "2" -> DatePrecision.WEEK;
            case "3" -> DatePrecision.MONTH;
            default -> throw new BadValue("time_precision", "not an ACLED time precision (1–3): " + timePrecision);
        };
    }

    private static void addParties(List<Party> parties, String actors, String role) {
        for (String actor : split(actors)) {
            parties.add(new Party(actor, actor, null, role));
        }
    }

    /** ACLED separates several actors or sources in one field with ";" */
    private static List<String> split(String value) {
        if (value == null) {
            return List.of();
        }
        if (value.indexOf(';') < 0) {
            return List.of(value);
        }
        List<String> parts = new ArrayList<>();
        for (String part : value.split(";")) {
            String p = part.strip();
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> months = new HashMap<>();
        for (Month month : Month.values()) {
            String name = month.name().toLowerCase(Locale.ROOT);
            months.put(name, month.getValue());
            months.put(name.substring(0, 3), month.getValue());
        }
        return Map.copyOf(months);
    }
}
