package org.crisistimeline.command.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads one data set's file format a row at a time, without holding the file: each good row goes to {@code rows},
 * each bad one to {@code problems}, in file order.
 */
public interface DatasetReader {

    /**
     * The release assumed when the user names none, or null when the file does not say and the user must (UCDP GED and
     * ACLED files carry no release; GDELT 2.0 is one continuous data set).
     */
    default String defaultRelease() {
        return null;
    }

    /** @param release the release the user named, or null to take it from the file where the format says it */
    void read(InputStream file, String release, Consumer<ImportRow> rows, Consumer<RowProblem> problems)
            throws IOException;
}
