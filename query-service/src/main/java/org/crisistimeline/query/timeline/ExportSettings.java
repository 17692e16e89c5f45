package org.crisistimeline.query.timeline;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code crisis-timeline.export}: how large an export may be and how it is read.
 *
 * @param maxRows an export of a timeline with more incidents is refused (EXPORT_MAX_ROWS)
 * @param pageSize incidents read and written at a time
 */
@ConfigurationProperties("crisis-timeline.export")
@Validated
record ExportSettings(@Min(1) long maxRows, @Min(1) int pageSize) {}
