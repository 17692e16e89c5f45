package org.crisistimeline.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void cellWithACommaQuoteOrLineBreakIsQuotedAndItsQuotesDoubled() {
        assertThat(Csv.line(List.of("plain", "a,b", "say \"no\"", "two\nlines", "cr\rhere", "")))
                .isEqualTo("plain,\"a,b\",\"say \"\"no\"\"\",\"two\nlines\",\"cr\rhere\",\r\n");
    }

    @Test
    void cellHoldingAnySeparatorASpreadsheetMaySplitOnIsQuotedSoNoPartOfItStartsAFormula() {
        assertThat(Csv.line(List.of(Csv.text("harmless;=cmd|' /C calc'!A0"), Csv.text("a\t=b"), Csv.text("a|=b"))))
                .isEqualTo("\"harmless;=cmd|' /C calc'!A0\",\"a\t=b\",\"a|=b\"\r\n");
        assertThat(Csv.line(List.of(Csv.text("two words")))).isEqualTo("\"two words\"\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsPrefixedWithAQuote() {
        assertThat(List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"))
                .allSatisfy(value -> assertThat(Csv.text(value)).isEqualTo("'" + value));
        assertThat(Csv.text("1+1=2")).isEqualTo("1+1=2");
        assertThat(Csv.text(null)).isEmpty();
    }
}
