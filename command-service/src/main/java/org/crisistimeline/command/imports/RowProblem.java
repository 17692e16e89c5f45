package org.crisistimeline.command.imports;

/**
 * A row that cannot be imported, and why; the rest of the file still is.
 *
 * @param line the physical line (1-based) where the row starts
 * @param column the published column name at fault, or null when the row as a whole is (wrong number of fields)
 * @param reason what is wrong, for a person: {@code "not a date: 2020-02-30"}
 */
public record RowProblem(long line, String column, String reason) {}
