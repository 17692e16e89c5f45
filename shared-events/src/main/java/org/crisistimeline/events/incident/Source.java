package org.crisistimeline.events.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A published report of an incident, or a citation of one: data sets cite their sources as text (UCDP {@code
 * source_article}, ACLED {@code source}), without a URL and often without a publication time.
 *
 * <p>reportedAt is the earliest {@code publishedAt} of an incident's sources; when none of them has one, the incident
 * counts as known from when it was recorded (see docs/events.md).
 *
 * @param publisher the outlet, or the citation text verbatim
 * @param url absent for a citation without one
 * @param publishedAt absent when the source does not say
 */
public record Source(
        @NotBlank @Size(max = 2000) String publisher,

        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        String url,

        Instant publishedAt,
        @Size(max = 2000) String excerpt) {}
