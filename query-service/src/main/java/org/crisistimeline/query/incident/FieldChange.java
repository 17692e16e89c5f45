package org.crisistimeline.query.incident;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field a version changed.
 *
 * @param field a JSON path into the incident such as {@code summary}, {@code details.crowdEstimate} or {@code
 *     sources[2]}
 * @param from the value before, or JSON null when the field was not set
 * @param to the value after, or JSON null when the field was cleared
 */
public record FieldChange(String field, JsonNode from, JsonNode to) {}
