package org.crisistimeline.events.incident;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crisistimeline.events.country.IsoCountry;

/**
 * Where an incident happened. Coordinates are WGS 84 and optional; a place name is recommended.
 *
 * @param admin1 the first-level administrative area (province, governorate), as the source names it
 * @param precision how precisely the source places it, in the source's own terms, verbatim (UCDP {@code where_prec}
 *     1–7, ACLED {@code geo_precision} 1–3); absent when recorded by hand
 */
public record Location(
        @NotNull @IsoCountry String country,
        @Size(max = 200) String place,
        @DecimalMin("-90") @DecimalMax("90") Double lat,
        @DecimalMin("-180") @DecimalMax("180") Double lon,
        @Size(max = 200) String admin1,
        @Size(max = 200) String admin2,
        @Size(max = 200) String admin3,
        @Size(max = 50) String precision) {

    /** A place as the write API records it: no admin areas, no data set precision. */
    public Location(String country, String place, Double lat, Double lon) {
        this(country, place, lat, lon, null, null, null, null);
    }
}
