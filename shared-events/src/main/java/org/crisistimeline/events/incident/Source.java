package org.crisistimeline.events.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A published report of an incident. The earliest {@code publishedAt} of an incident's sources is its reportedAt. */
public record Source(
        @NotBlank @Size(max = 200) String publisher,

        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        String url,

        @NotNull Instant publishedAt,
        @Size(max = 2000) String excerpt) {}
