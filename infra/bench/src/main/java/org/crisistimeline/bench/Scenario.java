package org.crisistimeline.bench;

import java.util.List;
import org.crisistimeline.bench.report.Row;

/**
 * One scenario of the table: measures the service and the raw engine beside it and says how far apart they are. A new
 * scenario is a class implementing this and a line in {@link Bench#SCENARIOS}.
 */
public interface Scenario {

    /** What {@code --only} selects it by. */
    String name();

    List<Row> run(Context context) throws Exception;
}
