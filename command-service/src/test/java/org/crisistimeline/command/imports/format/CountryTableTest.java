package org.crisistimeline.command.imports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.crisistimeline.events.country.IsoCountryValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountryTableTest {

    private static final List<CountryTable> TABLES = List.of(
            CountryTable.FIPS_10_4,
            CountryTable.GLEDITSCH_WARD,
            CountryTable.ISO_NUMERIC,
            CountryTable.ISO_ALPHA_3,
            CountryTable.CAMEO);

    /** every ISO 3166-1 alpha-2 code; the project accepts these and XK (shared-events' @IsoCountry) */
    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    @ParameterizedTest(name = "FIPS {0} is {1}")
    @CsvSource({
        "UK, GB", "AS, AU", "IZ, IQ", "GM, DE", "RS, RU", "RI, RS", "SF, ZA", "AG, DZ", "AU, AT", "EI, IE", "GA, GM",
        "GB, GA", "SP, ES", "SZ, CH", "SW, SE", "UP, UA", "VM, VN", "KS, KR", "KN, KP", "BM, MM", "IS, IL", "LE, LB",
        "CH, CN", "CG, CD", "CF, CG", "WI, EH", "GZ, PS", "WE, PS", "OD, SS", "MJ, ME", "TT, TL", "TU, TR", "NI, NG",
        "NG, NE", "AQ, AS", "JA, JP", "KU, KW", "MU, OM", "YM, YE", "SU, SD", "US, US"
    })
    void fipsCodesThatLookLikeOtherIsoCodesAreConvertedByTheTable(String fips, String iso) {
        assertThat(CountryTable.FIPS_10_4.alpha2(fips)).isEqualTo(iso);
    }

    @ParameterizedTest(name = "Gleditsch-Ward {0} is {1}")
    @CsvSource({
        "645, IQ", "630, IR", "2, US", "200, GB", "345, RS", "340, RS", "365, RU", "678, YE", "260, DE", "255, DE",
        "816, VN", "490, CD", "484, CG", "437, CI", "626, SS", "713, TW", "731, KP", "732, KR", "860, TL", "666, IL",
        "652, SY", "700, AF", "530, ET", "531, ER", "341, ME", "343, MK"
    })
    void gleditschWardNumbersAreConvertedByTheTable(String gw, String iso) {
        assertThat(CountryTable.GLEDITSCH_WARD.alpha2(gw)).isEqualTo(iso);
    }

    @ParameterizedTest(name = "ISO numeric {0} is {1}")
    @CsvSource({"368, IQ", "4, AF", "004, AF", "826, GB", "36, AU", "728, SS", "729, SD", "275, PS", "688, RS"})
    void isoNumericCodesAreConvertedWithOrWithoutLeadingZeros(String numeric, String iso) {
        assertThat(CountryTable.ISO_NUMERIC.alpha2(numeric)).isEqualTo(iso);
    }

    @ParameterizedTest(name = "CAMEO {0} is {1}")
    @CsvSource({"GBR, GB", "IRN, IR", "IRQ, IQ", "USA, US", "ROM, RO", "TMP, TL", "WSB, PS", "GZS, PS", "MTN, ME"})
    void cameoCountryCodesAreIsoAlpha3OrCameosOwn(String cameo, String iso) {
        assertThat(CountryTable.CAMEO.alpha2(cameo)).isEqualTo(iso);
    }

    @Test
    void codesWithoutAnIsoCountryAreKnownAndGiveNone() {
        assertThat(CountryTable.FIPS_10_4.knows("PG")).isTrue();
        assertThat(CountryTable.FIPS_10_4.alpha2("PG")).isNull(); // Spratly Islands
        assertThat(CountryTable.GLEDITSCH_WARD.alpha2("265")).isNull(); // German Democratic Republic
        assertThat(CountryTable.CAMEO.alpha2("AFR")).isNull(); // a region
        assertThat(CountryTable.CAMEO.alpha2("EUR")).isNull();
    }

    @Test
    void kosovoIsTheUserAssignedXkInEveryTable() {
        assertThat(CountryTable.FIPS_10_4.alpha2("KV")).isEqualTo("XK");
        assertThat(CountryTable.GLEDITSCH_WARD.alpha2("347")).isEqualTo("XK");
        assertThat(CountryTable.ISO_ALPHA_3.alpha2("XKX")).isEqualTo("XK");
        assertThat(IsoCountryValidator.isIsoCountry("XK")).isTrue();
    }

    @Test
    void unknownCodesAreRefusedNotGuessed() {
        assertThat(CountryTable.FIPS_10_4.knows("XX")).isFalse();
        assertThat(CountryTable.FIPS_10_4.knows("GBR")).isFalse();
        assertThat(CountryTable.CAMEO.knows("UK")).isFalse();
        assertThat(CountryTable.ISO_NUMERIC.knows("999")).isFalse();
        assertThat(CountryTable.GLEDITSCH_WARD.knows("999")).isFalse();
        assertThatThrownBy(() -> CountryTable.FIPS_10_4.alpha2("XX"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown FIPS 10-4 country code: XX");
    }

    @Test
    void everyTableGivesOnlyCodesTheProjectAccepts() {
        for (CountryTable table : TABLES) {
            Set<String> targets = table.codes().stream()
                    .map(table::alpha2)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            assertThat(targets)
                    .as(table.system())
                    .allSatisfy(code ->
                            assertThat(IsoCountryValidator.isIsoCountry(code)).isTrue());
        }
    }

    @Test
    void everyIsoCountryHasExactlyOneNumericCode() {
        assertThat(CountryTable.ISO_NUMERIC.codes()).hasSize(ISO.size());
        assertThat(targets(CountryTable.ISO_NUMERIC)).isEqualTo(ISO);
    }

    @Test
    void everyIsoCountryIsReachedFromFipsButTheTwoFipsNeverCoded() {
        Set<String> unreached = new TreeSet<>(ISO);
        unreached.removeAll(targets(CountryTable.FIPS_10_4));
        // Aland is part of Finland in FIPS 10-4; Bonaire, Sint Eustatius and Saba were the Netherlands Antilles
        assertThat(unreached).containsExactly("AX", "BQ");
    }

    @Test
    void everyIsoCountryIsReachedFromCameoAndIsoAlpha3() {
        assertThat(targets(CountryTable.CAMEO))
                .containsAll(ISO)
                .hasSize(ISO.size() + 1)
                .contains("XK");
        assertThat(targets(CountryTable.ISO_ALPHA_3))
                .containsAll(ISO)
                .hasSize(ISO.size() + 1)
                .contains("XK");
    }

    @Test
    void everyUnMemberStateAndTaiwanIsReachedFromGleditschWardAndNoTerritory() {
        Set<String> reached = targets(CountryTable.GLEDITSCH_WARD);

        // the Gleditsch-Ward list is of sovereign states: today the 193 members of the United Nations, Taiwan and
        // Kosovo
        assertThat(reached).hasSize(193 + 2).contains("TW", "XK", "SS", "TL", "ME", "RS", "ER", "KP", "KR", "CD", "CG");
        assertThat(reached).doesNotContain("PS", "EH", "VA", "AS", "GU", "PR", "HK", "MO", "GL");
    }

    private static Set<String> targets(CountryTable table) {
        return table.codes().stream()
                .map(table::alpha2)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
