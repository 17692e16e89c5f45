package org.crisistimeline.query.timeline;

import java.util.List;
import java.util.stream.Collectors;

/** Lines of RFC 4180 CSV, with text cells made safe to open in a spreadsheet. */
final class Csv {

    private Csv() {}

    /** The cells joined by commas, each quoted when it holds a comma, a quote or a line break, ended by CRLF. */
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
        boolean quote =
                cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0 || cell.indexOf('\n') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
