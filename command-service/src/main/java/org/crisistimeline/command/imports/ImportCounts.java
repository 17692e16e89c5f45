package org.crisistimeline.command.imports;

/**
 * What an import did with the rows it read, so far or in the end. A row is counted once: imported (a new incident),
 * unchanged, amended (a newer release changed it), or refused (a bad row, reported with its line); retracted counts
 * the incidents of earlier imports that the file no longer has ({@code retractMissing}).
 */
record ImportCounts(long rowsRead, long imported, long unchanged, long amended, long retracted, long refused) {

    static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0);

    ImportCounts plus(ImportCounts other) {
        return new ImportCounts(
                rowsRead + other.rowsRead,
                imported + other.imported,
                unchanged + other.unchanged,
                amended + other.amended,
                retracted + other.retracted,
                refused + other.refused);
    }
}
