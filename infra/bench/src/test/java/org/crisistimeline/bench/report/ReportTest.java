package org.crisistimeline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private static final List<Row> ROWS = List.of(
            new Row("record, 4 clients", "incidents/s", "800/s", "1,600/s", "50 %", "≥ 50 % of raw", true),
            Row.notYet("bulk import", "incidents/s", "20,000/s", "≥ 20,000/s", "no import path"));

    @Test
    void aFullRunReplacesOnlyTheLatestRun(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(
                doc, "# Benchmarks\n\n" + Report.START + "\nold table\n" + Report.END + "\n\n## Profile\nprose\n");

        Report.replaceLatestRun(doc, "| new | table |\n");

        assertThat(Files.readString(doc))
                .isEqualTo("# Benchmarks\n\n" + Report.START + "\n| new | table |\n" + Report.END
                        + "\n\n## Profile\nprose\n");
    }

    @Test
    void aDocumentWithoutMarkersIsNotOverwritten(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "hand-written\n");

        assertThatThrownBy(() -> Report.replaceLatestRun(doc, "table")).hasMessageContaining("markers");
        assertThat(Files.readString(doc)).isEqualTo("hand-written\n");
    }

    @Test
    void theMarkdownTableHasOneLinePerRowAndEscapesPipes() {
        var machine =
                new Machine("2026-12-01 08:00 UTC", 2, 1L << 34, "OpenJDK 17", "15.18", "3.9.1", "abc1234", "1", "2");
        var rows = List.of(new Row("a | b", "m", "1", "2", "50 %", "g", false));

        String markdown = Report.markdown(rows, machine, "full");

        assertThat(markdown).contains("| a \\| b | m | 1 | 2 | 50 % | g | no |");
        assertThat(markdown).contains("2 cores, 16.0 GiB").contains("commit `abc1234`");
    }

    @Test
    void theConsoleTableIsAligned() {
        var out = new ByteArrayOutputStream();

        Report.print(ROWS, new PrintStream(out, true, StandardCharsets.UTF_8));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).indexOf("| ours")).isEqualTo(lines.get(2).indexOf("| 800/s"));
        assertThat(lines.get(3)).contains("not yet: no import path");
    }
}
