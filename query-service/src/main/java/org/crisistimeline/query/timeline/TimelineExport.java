package org.crisistimeline.query.timeline;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A file that is written while it is read from the database, straight into the response: {@link
 * TimelineExportConverter} hands it the response's output stream.
 */
@FunctionalInterface
interface TimelineExport {

    void writeTo(OutputStream output) throws IOException;
}
