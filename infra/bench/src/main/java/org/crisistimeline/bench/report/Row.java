package org.crisistimeline.bench.report;

/**
 * One line of the benchmark's table: what the service did, what the raw engine under it did in the same run, and the
 * goal of issue 7. {@code met} is null where no goal applies or the figure is not measured.
 */
public record Row(String scenario, String measure, String ours, String raw, String ratio, String goal, Boolean met) {

    public static Row notYet(String scenario, String measure, String raw, String goal, String why) {
        return new Row(scenario, measure, "not yet: " + why, raw, "", goal, null);
    }

    /** A row the current mode leaves out, e.g. the 1M-incident ones in a quick run. */
    public static Row skipped(String scenario, String measure, String goal, String why) {
        return new Row(scenario, measure, "— (" + why + ")", "", "", goal, null);
    }

    public String verdict() {
        return met == null ? "" : met ? "yes" : "no";
    }
}
