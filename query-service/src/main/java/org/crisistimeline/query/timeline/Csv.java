package org.crisistimeline.query.timeline;

import java.util.List;
import java.util.stream.Collectors;

/** Lines of RFC 4180 CSV, with text cells made safe to open in a spreadsheet. */
final class Csv {

    private static final String SPLIT_ON = ",;\t| \"\r\n";

    private Csv() {}

    /**
     * The cells joined by commas, ended by CRLF. A cell is quoted when it holds a quote, a line break or any character a
     * spreadsheet may be told to split on (comma, semicolon, tab, pipe, space): a semicolon-locale spreadsheet would
     * otherwise split {@code harmless;=cmd|…} into a second cell that starts a formula. Inside quotes it stays one cell.
     */
    static String line(List<String> cells) {
        return cells.stream().map(Csv::quoted).collect(Collectors.joining(",", "", "\r\n"));
    }

    /**
     * A text cell, neutralised against spreadsheet formula injection: one that starts with = + - @, a tab or a carriage
     * return would be run as a formula by Excel, LibreOffice or Google Sheets, so it is prefixed with a single quote
     * (OWASP's advice), which the spreadsheet shows as text. Numbers this service formats itself are not text cells.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean formula =
                first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }

    private static String quoted(String cell) {
        if (cell == null) {
            return "";
        }
        boolean quote = cell.chars().anyMatch(c -> SPLIT_ON.indexOf(c) >= 0);
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
