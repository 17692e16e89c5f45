package org.crisistimeline.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProgressTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode job(String state, long rows, long bytesRead, long refused) throws Exception {
        return json.readTree("""
                {"id": "9d3c", "state": "%s", "fileBytes": 1000, "bytesRead": %d, "dryRun": false,
                 "counts": {"rowsRead": %d, "imported": %d, "unchanged": 0, "amended": 0, "retracted": 0,
                            "refused": %d},
                 "problems": [{"line": 7, "column": "date_start", "reason": "not a date: 2020-02-30"},
                              {"line": 9, "column": null, "reason": "expected 61 fields, found 3"}]}""".formatted(state, bytesRead, rows, rows - refused, refused));
    }

    @Test
    void theBarShowsTheShareOfTheFileReadTheRateAndTheTimeLeft() throws Exception {
        String bar = Progress.bar(job("RUNNING", 20_000, 250, 0), 2_000_000_000L);

        assertThat(bar).startsWith("[########                      ]  25%  20,000 rows  10,000 rows/s  ETA 0:06");
    }

    @Test
    void beforeAnythingIsReadThereIsNoEta() throws Exception {
        assertThat(Progress.line(job("QUEUED", 0, 0, 0), 1_000_000L)).contains("ETA --:--");
    }

    @Test
    void withoutATerminalALineIsPrintedEveryFiveSecondsAndAtTheEnd() throws Exception {
        StringWriter written = new StringWriter();
        PrintWriter out = new PrintWriter(written);
        Progress progress = new Progress(false, 0);

        progress.show(out, job("RUNNING", 10, 100, 0), 1_000_000_000L);
        progress.show(out, job("RUNNING", 20, 200, 0), 2_000_000_000L);
        progress.show(out, job("RUNNING", 30, 300, 0), 7_000_000_000L);
        progress.show(out, job("SUCCEEDED", 40, 1000, 0), 7_500_000_000L);

        assertThat(written.toString().lines()).hasSize(3).noneMatch(line -> line.contains("\r"));
    }

    @Test
    void theSummaryListsTheRefusedRowsWithLineColumnAndReason() throws Exception {
        String summary = Progress.summary(job("SUCCEEDED", 10, 1000, 2), 1);

        assertThat(summary.lines())
                .containsExactly(
                        "SUCCEEDED: 10 rows read, 8 imported, 0 unchanged, 0 amended, 0 retracted, 2 refused",
                        "line 7, date_start: not a date: 2020-02-30",
                        "… and more: GET /api/v1/imports/9d3c");
    }

    @Test
    void theQueryCarriesEveryOptionGiven() {
        ImportCommand command = new ImportCommand();
        new CommandLine(command)
                .parseArgs(
                        "ucdp-ged",
                        "ged 24.csv",
                        "--crisis",
                        "iraq",
                        "--create-crisis",
                        "Iraq, UCDP GED",
                        "--release",
                        "24.1",
                        "--dry-run",
                        "--retract-missing");

        assertThat(command.query())
                .isEqualTo("format=ucdp-ged&crisis=iraq&fileName=ged+24.csv&createCrisis=Iraq%2C+UCDP+GED"
                        + "&release=24.1&dryRun=true&retractMissing=true");
    }

    @Test
    void aMissingCrisisIsAUsageError() {
        assertThat(new CommandLine(new ImportCommand()).execute("acled", "x.csv"))
                .isEqualTo(2);
    }
}
