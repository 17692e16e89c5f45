package org.crisistimeline.events.country;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import java.util.Set;

public final class IsoCountryValidator implements ConstraintValidator<IsoCountry, String> {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    public static boolean isIsoCountry(String code) {
        return code != null && CODES.contains(code);
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isIsoCountry(value);
    }
}
