package org.crisistimeline.command.imports.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.crisistimeline.command.imports.DatasetReader;
import org.crisistimeline.command.imports.ImportRow;
import org.crisistimeline.command.imports.ImportRow.Citation;
import org.crisistimeline.command.imports.ImportRow.DatePrecision;
import org.crisistimeline.command.imports.ImportRow.Party;
import org.crisistimeline.command.imports.ImportRow.Place;
import org.crisistimeline.command.imports.ImportRow.Type;
import org.crisistimeline.command.imports.RowProblem;
import org.crisistimeline.command.imports.format.CsvDataset.BadValue;
import org.crisistimeline.command.imports.format.CsvDataset.Coordinates;
import org.crisistimeline.command.imports.format.CsvDataset.Row;
import org.springframework.stereotype.Component;

/**
 * GDELT 2.0 events: the export files as published (61 tab-separated columns, no header, no quoting;
 * {@code 20240610123000.export.CSV} or the same zipped, which is recognised by its content), or CSV with a header
 * row of the official column names in any order (a BigQuery or spreadsheet export; extra columns ignored, tab or
 * comma separated).
 *
 * <p>The release is {@code 2.0} unless the user names another: GDELT's event files are one continuous data set.
 *
 * <ul>
 *   <li>CAMEO codes stay strings with their leading zeros ({@code "04"}, {@code "010"}). {@code EventRootCode} →
 *       type: 01–03 and 09–13 statement, 04, 05, 08 diplomacy, 06, 07 agreement, 14 protest, 15 and 17 strategic
 *       development, 16 sanction, 18 and 20 violence against civilians, 19 battle. {@code EventCode} must fall under
 *       its root code.
 *   <li>{@code SQLDATE} is the day ({@code DAY} precision); {@code DATEADDED} (UTC) is when the source was
 *       published to GDELT, and {@code SOURCEURL} the citation's URL (its host the publisher).
 *   <li>The place is the action's geography: {@code ActionGeo_FullName} its name, {@code ActionGeo_ADM1Code}/{@code
 *       ADM2Code} verbatim, lat/long, {@code ActionGeo_Type} as its precision, the country from the FIPS 10-4 {@code
 *       ActionGeo_CountryCode} ({@link CountryTable#FIPS_10_4}: UK is the United Kingdom, AS Australia, IZ Iraq). A
 *       row with blank geography has no place.
 *   <li>Parties: Actor1 the initiator, Actor2 the target, keyed by their CAMEO actor codes, their country from the
 *       CAMEO/ISO alpha-3 {@code Actor*CountryCode} ({@link CountryTable#CAMEO}). The FIPS {@code
 *       Actor*Geo_CountryCode} (where the actor was) is checked and kept in the codes.
 *   <li>Codes, verbatim in the file's order: see {@link #CODES}.
 * </ul>
 *
 * A row is refused (with its line, column and reason) when a required value is empty or not what the codebook
 * allows, or when it has not 61 fields (a GDELT 1.0 row has 57 or 58); the first fault of a row is reported.
 */
@Component("gdelt")
public final class GdeltReader implements DatasetReader {

    public static final String DATASET = "GDELT";
    public static final String RELEASE = "2.0";

    @Override
    public String defaultRelease() {
        return RELEASE;
    }

    /** the 61 columns of a GDELT 2.0 event, in the order of the export files */
    public static final List<String> COLUMNS = List.of(
            "GLOBALEVENTID",
            "SQLDATE",
            "MonthYear",
            "Year",
            "FractionDate",
            "Actor1Code",
            "Actor1Name",
            "Actor1CountryCode",
            "Actor1KnownGroupCode",
            "Actor1EthnicCode",
            "Actor1Religion1Code",
            "Actor1Religion2Code",
            "Actor1Type1Code",
            "Actor1Type2Code",
            "Actor1Type3Code",
            "Actor2Code",
            "Actor2Name",
            "Actor2CountryCode",
            "Actor2KnownGroupCode",
            "Actor2EthnicCode",
            "Actor2Religion1Code",
            "Actor2Religion2Code",
            "Actor2Type1Code",
            "Actor2Type2Code",
            "Actor2Type3Code",
            "IsRootEvent",
            "EventCode",
            "EventBaseCode",
            "EventRootCode",
            "QuadClass",
            "GoldsteinScale",
            "NumMentions",
            "NumSources",
            "NumArticles",
            "AvgTone",
            "Actor1Geo_Type",
            "Actor1Geo_FullName",
            "Actor1Geo_CountryCode",
            "Actor1Geo_ADM1Code",
            "Actor1Geo_ADM2Code",
            "Actor1Geo_Lat",
            "Actor1Geo_Long",
            "Actor1Geo_FeatureID",
            "Actor2Geo_Type",
            "Actor2Geo_FullName",
            "Actor2Geo_CountryCode",
            "Actor2Geo_ADM1Code",
            "Actor2Geo_ADM2Code",
            "Actor2Geo_Lat",
            "Actor2Geo_Long",
            "Actor2Geo_FeatureID",
            "ActionGeo_Type",
            "ActionGeo_FullName",
            "ActionGeo_CountryCode",
            "ActionGeo_ADM1Code",
            "ActionGeo_ADM2Code",
            "ActionGeo_Lat",
            "ActionGeo_Long",
            "ActionGeo_FeatureID",
            "DATEADDED",
            "SOURCEURL");

    /** the row's identity and classification, kept verbatim under these published names */
    public static final Set<String> CODES = Set.of(
            "GLOBALEVENTID",
            "Actor1Code",
            "Actor1CountryCode",
            "Actor1KnownGroupCode",
            "Actor1EthnicCode",
            "Actor1Religion1Code",
            "Actor1Religion2Code",
            "Actor1Type1Code",
            "Actor1Type2Code",
            "Actor1Type3Code",
            "Actor2Code",
            "Actor2CountryCode",
            "Actor2KnownGroupCode",
            "Actor2EthnicCode",
            "Actor2Religion1Code",
            "Actor2Religion2Code",
            "Actor2Type1Code",
            "Actor2Type2Code",
            "Actor2Type3Code",
            "IsRootEvent",
            "EventCode",
            "EventBaseCode",
            "EventRootCode",
            "QuadClass",
            "GoldsteinScale",
            "NumMentions",
            "NumSources",
            "NumArticles",
            "AvgTone",
            "Actor1Geo_Type",
            "Actor1Geo_CountryCode",
            "Actor1Geo_ADM1Code",
            "Actor1Geo_FeatureID",
            "Actor2Geo_Type",
            "Actor2Geo_CountryCode",
            "Actor2Geo_ADM1Code",
            "Actor2Geo_FeatureID",
            "ActionGeo_Type",
            "ActionGeo_CountryCode",
            "ActionGeo_FeatureID",
            "DATEADDED");

    private static final Set<String> REQUIRED = Set.of("GLOBALEVENTID", "SQLDATE", "EventCode", "EventRootCode");

    /** the export: tab-separated, and a quote is an ordinary character there */
    private static final CSVFormat EXPORT = CSVFormat.RFC4180
            .builder()
            .setDelimiter('\t')
            .setQuote(null)
            .setIgnoreEmptyLines(false)
            .get();

    private static final int PEEK = 1 << 16;

    /** CAMEO's 20 root verbs, for the summary line */
    private static final List<String> ROOT_VERBS = List.of(
            "make a public statement",
            "appeal",
            "express intent to cooperate",
            "consult",
            "engage in diplomatic cooperation",
            "engage in material cooperation",
            "provide aid",
            "yield",
            "investigate",
            "demand",
            "disapprove",
            "reject",
            "threaten",
            "protest",
            "exhibit force posture",
            "reduce relations",
            "coerce",
            "assault",
            "fight",
            "use unconventional mass violence");

    @Override
    public void read(InputStream file, String release, Consumer<ImportRow> rows, Consumer<RowProblem> problems)
            throws IOException {
        String named = release == null || release.isBlank() ? RELEASE : release;
        InputStream in = new BufferedInputStream(file, PEEK);
        if (startsWith(in, new byte[] {'P', 'K', 3, 4})) {
            ZipInputStream zip = new ZipInputStream(in);
            if (zip.getNextEntry() == null) {
                return;
            }
            in = new BufferedInputStream(zip, PEEK);
        }
        String first = firstLine(in);
        // a header names the columns, in any order; no event row holds this name
        boolean header = first.contains("GLOBALEVENTID");
        CSVFormat format = !header || first.indexOf('\t') >= 0 ? EXPORT : CsvDataset.QUOTED_CSV;
        CsvDataset.read(in, format, header ? null : COLUMNS, REQUIRED, row -> map(row, named), rows, problems);
    }

    private static ImportRow map(Row row, String release) {
        String id = row.required("GLOBALEVENTID");
        LocalDate day = CsvDataset.compactDate("SQLDATE", row.required("SQLDATE"));
        String root = row.required("EventRootCode");
        Type type = type(root);
        String eventCode = row.required("EventCode");
        if (!eventCode.startsWith(root)
                || eventCode.length() > 4
                || CsvDataset.digits(eventCode, 0, eventCode.length()) < 0) {
            throw new BadValue("EventCode", "not a CAMEO event code under EventRootCode " + root + ": " + eventCode);
        }
        row.decimal("GoldsteinScale", -10, 10);
        row.decimal("AvgTone", -100, 100);
        row.country("Actor1Geo_CountryCode", CountryTable.FIPS_10_4);
        row.country("Actor2Geo_CountryCode", CountryTable.FIPS_10_4);

        List<Party> parties = new ArrayList<>(2);
        String actor1 = party(row, "Actor1", "INITIATOR", parties);
        String actor2 = party(row, "Actor2", "TARGET", parties);
        Place place = place(row);
        String url = row.text("SOURCEURL");
        Instant added = dateAdded(row);
        List<Citation> citations = url == null ? List.of() : List.of(new Citation(publisher(url), url, added, null));

        StringBuilder summary = new StringBuilder(actor1 == null ? "Someone" : actor1)
                .append(' ')
                .append(ROOT_VERBS.get(Integer.parseInt(root) - 1));
        if (actor2 != null) {
            summary.append(": ").append(actor2);
        }
        if (place != null && place.name() != null) {
            summary.append(", in ").append(place.name());
        }
        summary.append(" (CAMEO ").append(eventCode).append(')');

        return new ImportRow(
                row.line(),
                DATASET,
                release,
                id,
                type,
                day,
                day,
                DatePrecision.DAY,
                place,
                parties,
                summary.toString(),
                null,
                citations,
                row.codes(CODES),
                null);
    }

    private static Type type(String root) {
        int code = root.length() == 2 ? CsvDataset.digits(root, 0, 2) : -1;
        return switch (code) {
            case 1, 2, 3, 9, 10, 11, 12, 13 -> Type.STATEMENT;
            case 4, 5, 8 -> Type.DIPLOMACY;
            case 6, 7 -> Type.AGREEMENT;
            case 14 -> Type.PROTEST;
            case 15, 17 -> Type.STRATEGIC_DEVELOPMENT;
            case 16 -> Type.SANCTION;
            case 18, 20 -> Type.VIOLENCE_AGAINST_CIVILIANS;
            case 19 -> Type.BATTLE;
            default -> throw new BadValue("EventRootCode", "not a CAMEO root code (01–20): " + root);
        };
    }

    /** @return the actor's name for the summary, null when the row has no such actor */
    private static String party(Row row, String actor, String role, List<Party> parties) {
        String code = row.text(actor + "Code");
        String country = row.country(actor + "CountryCode", CountryTable.CAMEO);
        if (code == null) {
            return null;
        }
        String name = row.text(actor + "Name");
        parties.add(new Party(code, name == null ? code : name, country, role));
        return name == null ? code : name;
    }

    private static Place place(Row row) {
        String name = row.text("ActionGeo_FullName");
        String fips = row.text("ActionGeo_CountryCode");
        Coordinates at = row.coordinates("ActionGeo_Lat", "ActionGeo_Long");
        if (name == null && fips == null && at.lat() == null) {
            return null; // blank geography: no place rather than a guessed one
        }
        return new Place(
                row.placeCountry("ActionGeo_CountryCode", CountryTable.FIPS_10_4),
                row.text("ActionGeo_ADM1Code"),
                row.text("ActionGeo_ADM2Code"),
                null,
                name,
                at.lat(),
                at.lon(),
                row.text("ActionGeo_Type"));
    }

    /** DATEADDED, yyyyMMddHHmmss in UTC */
    private static Instant dateAdded(Row row) {
        String value = row.text("DATEADDED");
        if (value == null) {
            return null;
        }
        if (value.length() != 14) {
            throw new BadValue("DATEADDED", "not a time (yyyyMMddHHmmss): " + value);
        }
        LocalDate day = CsvDataset.compactDate("DATEADDED", value.substring(0, 8));
        int hour = CsvDataset.digits(value, 8, 10);
        int minute = CsvDataset.digits(value, 10, 12);
        int second = CsvDataset.digits(value, 12, 14);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            throw new BadValue("DATEADDED", "not a time (yyyyMMddHHmmss): " + value);
        }
        return day.atTime(hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    /** the URL's host: www.example.org for https://www.example.org/news/1 */
    private static String publisher(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#:".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return end > start ? url.substring(start, end) : url;
    }

    private static boolean startsWith(InputStream in, byte[] magic) throws IOException {
        in.mark(magic.length);
        byte[] head = in.readNBytes(magic.length);
        in.reset();
        return java.util.Arrays.equals(head, magic);
    }

    /** the first line (at most 64 KiB of it), the stream left where it was */
    private static String firstLine(InputStream in) throws IOException {
        in.mark(PEEK);
        byte[] head = in.readNBytes(PEEK - 1);
        in.reset();
        int end = 0;
        while (end < head.length && head[end] != '\n' && head[end] != '\r') {
            end++;
        }
        return new String(head, 0, end, StandardCharsets.UTF_8);
    }
}
