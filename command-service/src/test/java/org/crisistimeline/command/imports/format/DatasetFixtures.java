package org.crisistimeline.command.imports.format;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Writes the reader tests' fixture files: made-up rows in each format's exact published columns (no copy of any real
 * data set), with the traps of each. Deterministic (a fixed seed), run by hand when the fixtures change, from the
 * repository's root:
 *
 * <pre>java command-service/src/test/java/org/crisistimeline/command/imports/format/DatasetFixtures.java \
 *     command-service/src/test/resources/imports</pre>
 */
public final class DatasetFixtures {

    static final int ROWS = 300;

    private final Random random = new Random(20261204);

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "command-service/src/test/resources/imports");
        Files.createDirectories(dir);
        DatasetFixtures fixtures = new DatasetFixtures();
        fixtures.ucdpGed(dir.resolve("ucdp-ged-fixture.csv"));
        fixtures.acled(dir.resolve("acled-fixture.csv"));
        fixtures.gdelt(dir.resolve("gdelt-fixture.export.CSV"), dir.resolve("gdelt-fixture-header.csv"));
    }

    // --- UCDP GED ---------------------------------------------------------------------------------------------

    /** GED 23.1's columns, some moved (country before the violence type, best/high/low as 23.1 orders them), no iso3,
     * one extra column, an HXL row */
    static final List<String> UCDP_COLUMNS = List.of(
            "id",
            "relid",
            "year",
            "active_year",
            "code_status",
            "country",
            "country_id",
            "type_of_violence",
            "conflict_dset_id",
            "conflict_new_id",
            "conflict_name",
            "dyad_dset_id",
            "dyad_new_id",
            "dyad_name",
            "side_a_dset_id",
            "side_a_new_id",
            "side_a",
            "side_b_dset_id",
            "side_b_new_id",
            "side_b",
            "number_of_sources",
            "source_article",
            "source_office",
            "source_date",
            "source_headline",
            "source_original",
            "where_prec",
            "where_coordinates",
            "where_description",
            "adm_1",
            "adm_2",
            "latitude",
            "longitude",
            "geom_wkt",
            "priogrid_gid",
            "region",
            "event_clarity",
            "date_prec",
            "date_start",
            "date_end",
            "deaths_a",
            "deaths_b",
            "deaths_civilians",
            "deaths_unknown",
            "best",
            "high",
            "low",
            "gwnoa",
            "gwnob",
            "analyst_note");

    /** gw, UCDP's country name, region, first-level area, place */
    private static final String[][] UCDP_COUNTRIES = {
        {"645", "Iraq", "Middle East", "Nīnawá governorate", "Mosul town"},
        {"645", "Iraq", "Middle East", "Kirkūk governorate", "Kirkūk city"},
        {"652", "Syria", "Middle East", "Ḩalab governorate", "Ḩalab city"},
        {"700", "Afghanistan", "Asia", "Kandahār province", "Kandahār city"},
        {"678", "Yemen (North Yemen)", "Middle East", "Şan‘ā’ governorate", "Şan‘ā’ city"},
        {"345", "Serbia (Yugoslavia)", "Europe", "Kosovo province", "Prishtinë town"},
        {"365", "Russia (Soviet Union)", "Europe", "Chechnya republic", "Groznyy city"},
        {"490", "DR Congo (Zaire)", "Africa", "Nord-Kivu province", "Béni town"},
        {"475", "Nigeria", "Africa", "Borno state", "Maiduguri town"},
        {"439", "Burkina Faso", "Africa", "Sahel region", "Djibo town"},
        {"437", "Ivory Coast", "Africa", "Gbêkê region", "Bouaké town"},
        {"200", "United Kingdom", "Europe", "Northern Ireland", "Belfast city"},
        {"347", "Kosovo", "Europe", "Mitrovicë district", "Mitrovicë town"},
    };

    void ucdpGed(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(out, UCDP_COLUMNS);
            line(
                    out,
                    UCDP_COLUMNS.stream()
                            .map(c -> c.equals("id") ? "#id" : "#x_" + c.replace("_", "+"))
                            .toList());
            for (int i = 0; i < ROWS; i++) {
                String[] c = pick(UCDP_COUNTRIES);
                int violence = 1 + random.nextInt(3);
                int prec = pickPrecision();
                LocalDate start =
                        LocalDate.of(1989 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28));
                LocalDate end = switch (prec) {
                    case 1 -> start;
                    case 2 -> start.plusDays(1 + random.nextInt(5));
                    case 3 -> start.plusDays(6);
                    case 4 -> start.plusDays(7 + random.nextInt(23));
                    default -> {
                        start = start.withDayOfYear(1);
                        yield start.withDayOfYear(start.lengthOfYear());
                    }
                };
                int a = random.nextInt(8),
                        b = random.nextInt(8),
                        civ = violence == 3 ? 1 + random.nextInt(20) : random.nextInt(3);
                int unknown = random.nextInt(4);
                int best = a + b + civ + unknown;
                int low = Math.max(0, best - random.nextInt(3));
                int high = best + random.nextInt(10);
                String sideA = violence == 1 ? "Government of " + c[1] : "IS";
                String sideB = violence == 3 ? "Civilians" : violence == 1 ? "IS" : "Rival militia of " + c[4];
                boolean alliance = violence == 1 && random.nextInt(10) == 0;
                String gwnoa = violence == 1 ? (alliance ? "2, 200" : c[0]) : "";
                boolean multiline = random.nextInt(6) == 0;
                String article = multiline
                        ? "Agence France Presse,\"" + start + "\",\"Clashes near " + c[4] + "\";\nReuters," + start
                        : "BBC Monitoring," + start + ",\"Attack in " + c[4] + "\"";
                String headline = multiline ? "Fighting in " + c[4] + "\n\"dozens\" flee" : "Fighting in " + c[4];
                String date = random.nextInt(4) == 0 ? " 00:00:00.000" : "";
                double lat = round(-10 + random.nextDouble() * 60), lon = round(-10 + random.nextDouble() * 80);
                String id = Integer.toString(100000 + i * 7);
                List<String> row = List.of(
                        id,
                        "REL-" + id,
                        Integer.toString(start.getYear()),
                        "1",
                        "Clear",
                        c[1],
                        c[0],
                        Integer.toString(violence),
                        Integer.toString(200 + violence),
                        Integer.toString(300 + random.nextInt(5)),
                        c[1] + ": " + sideA,
                        "",
                        Integer.toString(400 + random.nextInt(9)),
                        sideA + " - " + sideB,
                        "",
                        Integer.toString(violence == 1 ? 100 + Integer.parseInt(c[0]) : 1001),
                        sideA,
                        "",
                        Integer.toString(violence == 3 ? 1 : 2002),
                        sideB,
                        Integer.toString(1 + random.nextInt(4)),
                        article,
                        "",
                        "",
                        headline,
                        "",
                        Integer.toString(1 + random.nextInt(7)),
                        c[4],
                        "near " + c[4],
                        c[3],
                        random.nextBoolean() ? "" : c[4].split(" ")[0] + " district",
                        Double.toString(lat),
                        Double.toString(lon),
                        "POINT (" + lon + " " + lat + ")",
                        Integer.toString(150000 + i),
                        c[2],
                        Integer.toString(1 + random.nextInt(2)),
                        Integer.toString(prec),
                        start + date,
                        end + date,
                        Integer.toString(a),
                        Integer.toString(b),
                        Integer.toString(civ),
                        Integer.toString(unknown),
                        Integer.toString(best),
                        Integer.toString(high),
                        Integer.toString(low),
                        gwnoa,
                        "",
                        random.nextInt(5) == 0 ? "checked, twice" : "");
                line(out, row);
            }
        }
    }

    private int pickPrecision() {
        int p = random.nextInt(10);
        return p < 5 ? 1 : p < 6 ? 2 : p < 7 ? 3 : p < 9 ? 4 : 5;
    }

    // --- ACLED --------------------------------------------------------------------------------------------------

    static final List<String> ACLED_COLUMNS = List.of(
            "event_id_cnty",
            "event_date",
            "year",
            "time_precision",
            "disorder_type",
            "event_type",
            "sub_event_type",
            "actor1",
            "assoc_actor_1",
            "inter1",
            "actor2",
            "assoc_actor_2",
            "inter2",
            "interaction",
            "civilian_targeting",
            "iso",
            "region",
            "country",
            "admin1",
            "admin2",
            "admin3",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "source",
            "source_scale",
            "notes",
            "fatalities",
            "tags",
            "timestamp",
            "population_best");

    /** iso as ACLED writes it (no leading zeros), ACLED's country name, id prefix, admin1, location */
    private static final String[][] ACLED_COUNTRIES = {
        {"368", "Iraq", "IRQ", "Al Basrah", "Al Zubair"},
        {"887", "Yemen", "YEM", "Ta'iz", "Ta'iz - Al Mudhaffar"},
        {"4", "Afghanistan", "AFG", "Kandahar", "Spin Boldak"},
        {"566", "Nigeria", "NIG", "Borno", "Gwoza"},
        {"854", "Burkina Faso", "BFO", "Sahel", "Djibo"},
        {"180", "Democratic Republic of Congo", "DRC", "Nord-Kivu", "Béni"},
        {"826", "United Kingdom", "GBR", "England", "London - Westminster"},
        {"36", "Australia", "AUS", "New South Wales", "Sydney"},
        {"804", "Ukraine", "UKR", "Kharkiv", "Kharkiv"},
        {"275", "Palestine", "PSE", "Gaza Strip", "Khan Yunis"},
        {"728", "South Sudan", "SSD", "Jonglei", "Bor"},
        {"0", "Kosovo", "XKX", "Mitrovice", "Mitrovice"},
    };

    private static final String[][] ACLED_TYPES = {
        {"Political violence", "Battles", "Armed clash"},
        {"Political violence", "Violence against civilians", "Attack"},
        {"Political violence", "Explosions/Remote violence", "Air/drone strike"},
        {"Political violence; Demonstrations", "Riots", "Violent demonstration"},
        {"Demonstrations", "Protests", "Peaceful protest"},
        {"Strategic developments", "Strategic developments", "Looting/property destruction"},
    };

    void acled(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(out, ACLED_COLUMNS);
            for (int i = 0; i < ROWS; i++) {
                String[] c = pick(ACLED_COUNTRIES);
                String[] t = pick(ACLED_TYPES);
                LocalDate date = LocalDate.of(2018 + random.nextInt(7), 1 + random.nextInt(12), 1 + random.nextInt(28));
                String written = random.nextBoolean()
                        ? date.toString()
                        : date.getDayOfMonth() + " "
                                + date.getMonth()
                                        .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                                + " " + date.getYear();
                boolean protest = t[1].equals("Protests");
                int fatalities = protest ? 0 : random.nextInt(12);
                String actor1 = protest ? "Protesters (" + c[1] + ")" : "Military Forces of " + c[1] + " (2014-)";
                String assoc1 =
                        protest ? (random.nextBoolean() ? "Students (" + c[1] + "); Teachers (" + c[1] + ")" : "") : "";
                String actor2 = protest
                        ? ""
                        : t[1].equals("Violence against civilians")
                                ? "Civilians (" + c[1] + ")"
                                : "Unidentified Armed Group (" + c[1] + ")";
                String notes = random.nextInt(5) == 0
                        ? "On " + date + ", \"unknown gunmen\" attacked a checkpoint in " + c[4]
                                + ".\nSecond paragraph, with a comma."
                        : "On " + date + ", an event of type " + t[2] + " took place in " + c[4] + ".";
                double lat = round(-30 + random.nextDouble() * 80), lon = round(-10 + random.nextDouble() * 160);
                List<String> row = List.of(
                        c[2] + (1000 + i),
                        written,
                        Integer.toString(date.getYear()),
                        Integer.toString(1 + random.nextInt(3)),
                        t[0],
                        t[1],
                        t[2],
                        actor1,
                        assoc1,
                        protest ? "Protesters" : "State forces",
                        actor2,
                        "",
                        actor2.isEmpty() ? "" : actor2.startsWith("Civilians") ? "Civilians" : "Political militia",
                        protest ? "Protesters only" : "State forces-Political militia",
                        t[1].equals("Violence against civilians") ? "Civilian targeting" : "",
                        c[0],
                        "Middle East",
                        c[1],
                        c[3],
                        c[3] + " district",
                        "",
                        c[4],
                        Double.toString(lat),
                        Double.toString(lon),
                        Integer.toString(1 + random.nextInt(3)),
                        random.nextBoolean() ? "Reuters; Local Source Network" : "Al Sumaria",
                        "National-International",
                        notes,
                        Integer.toString(fatalities),
                        random.nextInt(4) == 0 ? "crowd size=no report" : "",
                        Long.toString(1700000000L + random.nextInt(10000000)),
                        Integer.toString(random.nextInt(90000)));
                line(out, row);
            }
        }
    }

    // --- GDELT ----------------------------------------------------------------------------------------------------

    /** FIPS code, ADM1 code, ActionGeo_FullName (the country's name last), lat, long */
    private static final String[][] GDELT_PLACES = {
        {"IZ", "IZ07", "Baghdad, Baghdad, Iraq", "33.3386", "44.3939"},
        {"UK", "UKH9", "London, London, City of, United Kingdom", "51.5", "-0.1167"},
        {"AS", "AS02", "Sydney, New South Wales, Australia", "-33.8833", "151.217"},
        {"GM", "GM16", "Berlin, Berlin, Germany", "52.5167", "13.4"},
        {"RS", "RS48", "Moscow, Moskva, Russia", "55.7522", "37.6156"},
        {"SF", "SF06", "Johannesburg, Gauteng, South Africa", "-26.2", "28.0833"},
        {"UP", "UP12", "Kyiv, Kyyiv, Misto, Ukraine", "50.4333", "30.5167"},
        {"IR", "IR26", "Tehran, Tehran, Iran", "35.75", "51.5148"},
        {"EI", "EI07", "Dublin, Dublin, Ireland", "53.3331", "-6.24889"},
        {"GZ", "GZ00", "Gaza, Gaza Strip", "31.5", "34.4667"},
        {"KV", "KV00", "Pristina, Kosovo", "42.6667", "21.1667"},
        {"AG", "AG01", "Algiers, Alger, Algeria", "36.7631", "3.05056"},
    };

    /** CAMEO actor code, name, CAMEO country code */
    private static final String[][] GDELT_ACTORS = {
        {"IRQGOV", "IRAQ", "IRQ"},
        {"USA", "UNITED STATES", "USA"},
        {"GBRMIL", "BRITISH", "GBR"},
        {"IRN", "IRAN", "IRN"},
        {"ROMGOV", "ROMANIA", "ROM"},
        {"WSBREB", "WEST BANK", "WSB"},
        {"AFR", "AFRICA", "AFR"},
        {"CVL", "\"HARDLINERS", ""},
        {"", "", ""},
    };

    private static final String[] EVENT_CODES = {
        "010", "0211", "036", "040", "043", "051", "061", "070", "081", "090", "100", "111", "120", "130", "141", "150",
        "160", "172", "180", "1823", "190", "195", "200", "204"
    };

    /** GDELT 2.0's event columns as its codebook lists them, written here apart from the reader's list on purpose */
    static final List<String> GDELT_COLUMNS = List.of(("GLOBALEVENTID SQLDATE MonthYear Year FractionDate"
                    + " Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code"
                    + " Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code"
                    + " Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code"
                    + " Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code"
                    + " IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources"
                    + " NumArticles AvgTone"
                    + " Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code"
                    + " Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID"
                    + " Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code"
                    + " Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID"
                    + " ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code"
                    + " ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL")
            .split(" "));

    void gdelt(Path export, Path withHeader) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String code = EVENT_CODES[random.nextInt(EVENT_CODES.length)];
            String root = code.substring(0, 2);
            int r = Integer.parseInt(root);
            LocalDate day = LocalDate.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String sqlDate = day.toString().replace("-", "");
            String[] a1 = pick(GDELT_ACTORS);
            String[] a2 = pick(GDELT_ACTORS);
            boolean blankGeo = random.nextInt(8) == 0;
            String[] p = pick(GDELT_PLACES);
            String[] g1 = pick(GDELT_PLACES);
            String quad = Integer.toString(r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4);
            List<String> row = new ArrayList<>(List.of(
                    Long.toString(1100000000L + i * 13L),
                    sqlDate,
                    sqlDate.substring(0, 6),
                    sqlDate.substring(0, 4),
                    String.format(java.util.Locale.ROOT, "%.4f", day.getYear() + day.getDayOfYear() / 365.0),
                    a1[0],
                    a1[1],
                    a1[2],
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    a2[0],
                    a2[1],
                    a2[2],
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    random.nextBoolean() ? "1" : "0",
                    code,
                    code.substring(0, Math.min(3, code.length())),
                    root,
                    quad,
                    String.format(java.util.Locale.ROOT, "%.1f", -10 + random.nextInt(201) / 10.0),
                    Integer.toString(1 + random.nextInt(30)),
                    Integer.toString(1 + random.nextInt(5)),
                    Integer.toString(1 + random.nextInt(30)),
                    String.format(java.util.Locale.ROOT, "%.6f", -10 + random.nextDouble() * 15)));
            geo(row, a1[0].isEmpty() ? null : g1, "4");
            geo(row, a2[0].isEmpty() ? null : pick(GDELT_PLACES), "4");
            geo(row, blankGeo ? null : p, random.nextInt(5) == 0 ? "1" : "4");
            row.add(sqlDate + String.format("%02d%02d00", random.nextInt(24), 15 * random.nextInt(4)));
            row.add("https://news.example.org/" + day.getYear() + "/story-" + i + ".html");
            rows.add(row);
        }
        try (Writer out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            for (List<String> row : rows) {
                out.write(String.join("\t", row));
                out.write("\n");
            }
        }
        // the same rows as a spreadsheet would export them: comma-separated, quoted where needed, the columns in
        // another order (SOURCEURL first), an extra column
        List<String> columns = new ArrayList<>(GDELT_COLUMNS);
        columns.remove("SOURCEURL");
        columns.add(0, "SOURCEURL");
        columns.add("Remarks");
        try (Writer out = Files.newBufferedWriter(withHeader, StandardCharsets.UTF_8)) {
            line(out, columns);
            for (List<String> row : rows) {
                List<String> values = new ArrayList<>();
                for (String column : columns) {
                    int i = GDELT_COLUMNS.indexOf(column);
                    values.add(i < 0 ? "seen, checked" : row.get(i));
                }
                line(out, values);
            }
        }
    }

    private void geo(List<String> row, String[] place, String type) {
        if (place == null) {
            row.addAll(List.of("0", "", "", "", "", "", "", ""));
            return;
        }
        String adm2 = random.nextBoolean() ? place[1] + Integer.toString(10000 + random.nextInt(80000)) : "";
        String feature = type.equals("1") ? place[0] : "-" + (1000000 + random.nextInt(9000000));
        String name = type.equals("1") ? place[2].substring(place[2].lastIndexOf(", ") + 2) : place[2];
        row.addAll(List.of(
                type,
                name,
                place[0],
                type.equals("1") ? place[0] : place[1],
                type.equals("1") ? "" : adm2,
                place[3],
                place[4],
                feature));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String[] pick(String[][] options) {
        return options[random.nextInt(options.length)];
    }

    private static double round(double d) {
        return Math.round(d * 10000) / 10000.0;
    }

    /** one CSV record, RFC 4180: quoted when it holds a comma, a quote or a line break */
    private static void line(Writer out, List<String> values) throws IOException {
        out.write(values.stream().map(DatasetFixtures::quoted).collect(Collectors.joining(",")));
        out.write("\n");
    }

    private static String quoted(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
