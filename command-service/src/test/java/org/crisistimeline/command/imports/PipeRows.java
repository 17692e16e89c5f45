package org.crisistimeline.command.imports;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A data set format for the import's own tests, so they do not depend on a real format's reader: one row per line,
 * {@code rowId|type|dateStart|dateEnd|precision|country|low,best,high|sideKey:sideName;…|citation}, release from the
 * user. A line that does not parse is a problem of its column, as a real reader reports it.
 */
class PipeRows implements DatasetReader {

    static final String FORMAT = "pipe-rows";
    static final String DATASET = "Pipe Test";

    @Override
    public void read(InputStream file, String release, Consumer<ImportRow> rows, Consumer<RowProblem> problems)
            throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(file, UTF_8));
        String text;
        long line = 0;
        while ((text = lines.readLine()) != null) {
            line++;
            String[] fields = text.split("\\|", -1);
            if (fields.length != 9) {
                problems.accept(new RowProblem(line, null, "expected 9 fields, found " + fields.length));
                continue;
            }
            LocalDate start;
            try {
                start = LocalDate.parse(fields[2]);
            } catch (DateTimeParseException e) {
                problems.accept(new RowProblem(line, "dateStart", "not a date: " + fields[2]));
                continue;
            }
            List<ImportRow.Party> parties = new ArrayList<>();
            String role = "INITIATOR";
            for (String side : fields[7].split(";")) {
                String[] keyAndName = side.split(":", 2);
                parties.add(new ImportRow.Party(keyAndName[0], keyAndName[1], null, role));
                role = "TARGET";
            }
            ImportRow.Fatalities fatalities = null;
            if (!fields[6].isEmpty()) {
                String[] figures = fields[6].split(",");
                fatalities = new ImportRow.Fatalities(
                        Integer.parseInt(figures[0]), Integer.valueOf(figures[1]), Integer.parseInt(figures[2]));
            }
            Map<String, String> codes = new LinkedHashMap<>();
            codes.put("type", fields[1]);
            codes.put("date_prec", fields[4]);
            rows.accept(new ImportRow(
                    line,
                    DATASET,
                    release,
                    fields[0],
                    ImportRow.Type.valueOf(fields[1]),
                    start,
                    LocalDate.parse(fields[3]),
                    ImportRow.DatePrecision.valueOf(fields[4]),
                    fields[5].isEmpty()
                            ? null
                            : new ImportRow.Place(fields[5], "Adm " + fields[5], null, null, "Place", 33.3, 44.4, "1"),
                    parties,
                    "Row " + fields[0],
                    fatalities,
                    List.of(new ImportRow.Citation(fields[8], null, null, null)),
                    codes,
                    null));
        }
    }
}
