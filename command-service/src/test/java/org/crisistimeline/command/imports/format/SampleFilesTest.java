package org.crisistimeline.command.imports.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crisistimeline.command.imports.ImportRow;
import org.junit.jupiter.api.Test;

/** The README's sample files (infra/demo-data/samples) read without a refused row. */
class SampleFilesTest {

    private static final Path SAMPLES = Path.of("../infra/demo-data/samples");

    @Test
    void theUcdpGedSampleReadsWhole() throws IOException {
        Figures.Read read =
                Figures.read(new UcdpGedReader(), Files.newInputStream(SAMPLES.resolve("ucdp-ged-sample.csv")), "23.1");

        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).hasSize(12);
        assertThat(read.rows()).extracting(r -> r.place().country()).contains("IQ", "SY", "YE", "RS", "RU", "CD");
        assertThat(read.rows()).extracting(ImportRow::datePrecision).containsOnly(ImportRow.DatePrecision.values());
    }

    @Test
    void theAcledSampleReadsWhole() throws IOException {
        Figures.Read read = Figures.read(
                new AcledReader(), Files.newInputStream(SAMPLES.resolve("acled-sample.csv")), "2024-06-14");

        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).hasSize(12);
        assertThat(read.rows())
                .extracting(ImportRow::type)
                .contains(
                        ImportRow.Type.BATTLE,
                        ImportRow.Type.VIOLENCE_AGAINST_CIVILIANS,
                        ImportRow.Type.EXPLOSION,
                        ImportRow.Type.RIOT,
                        ImportRow.Type.PROTEST,
                        ImportRow.Type.STRATEGIC_DEVELOPMENT);
        assertThat(read.rows()).extracting(r -> r.place().country()).contains("AF", "AU", "GB", "IQ");
    }

    @Test
    void theGdeltSampleReadsWhole() throws IOException {
        Figures.Read read =
                Figures.read(new GdeltReader(), Files.newInputStream(SAMPLES.resolve("gdelt-sample.export.CSV")), null);

        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).hasSize(12);
        assertThat(read.rows())
                .extracting(r -> r.place() == null ? null : r.place().country())
                .contains("GB", "AU", "IQ", "DE", "RU", null);
        assertThat(read.rows()).extracting(r -> r.codes().get("EventCode")).contains("010", "0211", "043");
    }
}
