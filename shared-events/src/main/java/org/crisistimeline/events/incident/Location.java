package org.crisistimeline.events.incident;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crisistimeline.events.country.IsoCountry;

/** Where an incident happened. Coordinates are WGS 84 and optional; a place name is recommended. */
public record Location(
        @NotNull @IsoCountry String country,
        @Size(max = 200) String place,
        @DecimalMin("-90") @DecimalMax("90") Double lat,
        @DecimalMin("-180") @DecimalMax("180") Double lon) {}
