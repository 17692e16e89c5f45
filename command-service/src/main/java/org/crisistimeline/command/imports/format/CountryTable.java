package org.crisistimeline.command.imports.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crisistimeline.events.country.IsoCountryValidator;

/**
 * One of the country code systems the data sets write, converted to ISO 3166-1 alpha-2 by a table (the resource files
 * beside this class say where each comes from), never by the code's letters. A code the table knows may have no ISO
 * code (a region, a state that no longer exists, a disputed island): {@link #alpha2} is then null. Kosovo, which
 * has none either, is XK.
 */
public final class CountryTable {

    /** FIPS 10-4, GDELT's {@code ActionGeo_CountryCode} and {@code Actor*Geo_CountryCode}: UK, AS Australia, IZ Iraq */
    public static final CountryTable FIPS_10_4 = load("FIPS 10-4 country code", "fips-10-4.tsv", false);

    /** Gleditsch–Ward state numbers, UCDP's {@code country_id}: 645 Iraq, 345 Serbia (Yugoslavia) */
    public static final CountryTable GLEDITSCH_WARD = load("Gleditsch-Ward state number", "gleditsch-ward.tsv", true);

    /** ISO 3166-1 numeric, ACLED's {@code iso}: 368 Iraq, 4 or 004 Afghanistan */
    public static final CountryTable ISO_NUMERIC = load("ISO 3166-1 numeric code", "iso-3166-numeric.tsv", true);

    /** ISO 3166-1 alpha-3 as the JDK knows it, UCDP's {@code iso3} where a release has it */
    public static final CountryTable ISO_ALPHA_3 =
            new CountryTable("ISO 3166-1 alpha-3 code", false, Collections.unmodifiableMap(isoAlpha3()));

    /** CAMEO country codes, GDELT's {@code Actor*CountryCode}: ISO alpha-3 plus CAMEO's own (ROM, WSB, AFR…) */
    public static final CountryTable CAMEO = cameo();

    private final String system;
    private final boolean numeric;
    /** the code as written in the table (numbers without leading zeros) to alpha-2, "" where ISO has none */
    private final Map<String, String> alpha2ByCode;

    private CountryTable(String system, boolean numeric, Map<String, String> alpha2ByCode) {
        this.system = system;
        this.numeric = numeric;
        this.alpha2ByCode = alpha2ByCode;
    }

    /** @return whether {@code code} is one of this system's codes (numbers with or without leading zeros) */
    public boolean knows(String code) {
        return alpha2ByCode.containsKey(key(code));
    }

    /**
     * @return the ISO 3166-1 alpha-2 code of {@code code}, or null where the table knows it but ISO has no code for it
     * @throws IllegalArgumentException for a code the table does not know
     */
    public String alpha2(String code) {
        String alpha2 = alpha2ByCode.get(key(code));
        if (alpha2 == null) {
            throw new IllegalArgumentException("unknown " + system + ": " + code);
        }
        return alpha2.isEmpty() ? null : alpha2;
    }

    /** what the codes are, for messages: "FIPS 10-4 country code" */
    public String system() {
        return system;
    }

    /** every code of the table as it is written there, for the tests of its completeness */
    Set<String> codes() {
        return alpha2ByCode.keySet();
    }

    private String key(String code) {
        if (!numeric || code == null) {
            return code;
        }
        // ACLED writes 4 for Afghanistan, ISO 004: the number is the code
        int start = 0;
        while (start < code.length() - 1 && code.charAt(start) == '0') {
            start++;
        }
        return code.substring(start);
    }

    private static CountryTable load(String system, String resource, boolean numeric) {
        Map<String, String> table = readTable(resource, numeric);
        return new CountryTable(system, numeric, Collections.unmodifiableMap(table));
    }

    private static CountryTable cameo() {
        // CAMEO's country codes are ISO alpha-3 except the few its own file lists (and the regions)
        Map<String, String> table = isoAlpha3();
        table.putAll(readTable("cameo-country.tsv", false));
        return new CountryTable("CAMEO country code", false, Collections.unmodifiableMap(table));
    }

    private static Map<String, String> isoAlpha3() {
        Map<String, String> table = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            table.put(new Locale("", alpha2).getISO3Country(), alpha2);
        }
        table.put("XKX", IsoCountryValidator.KOSOVO); // ACLED's and the World Bank's alpha-3 beside XK
        return table;
    }

    private static Map<String, String> readTable(String resource, boolean numeric) {
        Map<String, String> table = new HashMap<>();
        try (InputStream in = CountryTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 3);
                String code = numeric ? Integer.toString(Integer.parseInt(columns[0])) : columns[0];
                String alpha2 = columns[1].equals("-") ? "" : columns[1];
                if (table.put(code, alpha2) != null) {
                    throw new IllegalStateException(resource + " has " + code + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
