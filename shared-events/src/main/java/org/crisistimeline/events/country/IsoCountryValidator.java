package org.crisistimeline.events.country;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

public final class IsoCountryValidator implements ConstraintValidator<IsoCountry, String> {

    /**
     * Kosovo has no ISO 3166-1 code; XK, from the range ISO leaves to its users, is the one the EU, the World Bank,
     * CLDR and ACLED use, so its incidents get a country timeline like any other.
     */
    public static final String KOSOVO = "XK";

    private static final Set<String> CODES = codes();

    public static boolean isIsoCountry(String code) {
        return code != null && CODES.contains(code);
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isIsoCountry(value);
    }

    private static Set<String> codes() {
        Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
        codes.add(KOSOVO);
        return Set.copyOf(codes);
    }
}
