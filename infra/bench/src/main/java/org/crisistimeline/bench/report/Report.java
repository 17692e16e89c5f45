package org.crisistimeline.bench.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The table: printed aligned on the console, and written as Markdown with the machine it ran on. A full run replaces
 * the part of docs/benchmarks.md between the two markers and keeps the rest (the profile findings are prose written
 * by hand).
 */
public final class Report {

    static final String START = "<!-- bench:latest-full-run:start -->";
    static final String END = "<!-- bench:latest-full-run:end -->";

    private static final List<String> HEADINGS = List.of("scenario", "measure", "ours", "raw", "ratio", "goal", "met");
    private static final List<Function<Row, String>> COLUMNS =
            List.of(Row::scenario, Row::measure, Row::ours, Row::raw, Row::ratio, Row::goal, Row::verdict);

    private Report() {}

    public static void print(List<Row> rows, PrintStream out) {
        int[] widths = new int[HEADINGS.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = HEADINGS.get(c).length();
            for (Row row : rows) {
                widths[c] = Math.max(widths[c], COLUMNS.get(c).apply(row).length());
            }
        }
        StringBuilder line = new StringBuilder();
        appendLine(line, HEADINGS, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        appendLine(line, rule, widths);
        for (Row row : rows) {
            appendLine(line, COLUMNS.stream().map(column -> column.apply(row)).toList(), widths);
        }
        out.print(line);
        out.flush();
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        for (int c = 0; c < cells.size(); c++) {
            out.append(c == 0 ? "" : " | ");
            out.append(cells.get(c)).append(" ".repeat(widths[c] - cells.get(c).length()));
        }
        out.append(System.lineSeparator());
    }

    public static String markdown(List<Row> rows, Machine machine, String mode) {
        StringBuilder md = new StringBuilder();
        md.append("Run of ")
                .append(machine.date())
                .append(" (`infra/bench.sh --")
                .append(mode)
                .append("`) at commit `")
                .append(machine.commit())
                .append("`.\n\n");
        md.append(machine.markdown()).append('\n');
        md.append("| ").append(String.join(" | ", HEADINGS)).append(" |\n");
        md.append("|").append(" --- |".repeat(HEADINGS.size())).append('\n');
        for (Row row : rows) {
            md.append("| ");
            md.append(String.join(
                    " | ",
                    COLUMNS.stream()
                            .map(column -> column.apply(row).replace("|", "\\|"))
                            .toList()));
            md.append(" |\n");
        }
        return md.toString();
    }

    /** Replaces the text between the markers of {@code document}, which must hold both. */
    public static void replaceLatestRun(Path document, String table) throws IOException {
        String text = Files.readString(document, UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(document + " has lost its markers " + START + " … " + END);
        }
        String replaced = text.substring(0, start + START.length()) + "\n" + table + text.substring(end);
        Files.writeString(document, replaced, UTF_8);
    }
}
