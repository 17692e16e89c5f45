package org.crisistimeline.command.imports;

import java.util.UUID;

/**
 * One import as it was asked for, with the file it reads: what every batch of it needs to know.
 *
 * @param format the reader's name: {@code ucdp-ged}, {@code acled}, {@code gdelt}
 * @param release the release the user named; null to take the file's own
 * @param createCrisis the name of the crisis to open when {@code crisisId} does not exist yet; null to require it
 * @param fileSha256 hex SHA-256 of the file as uploaded, in every event's metadata
 */
record ImportJob(
        UUID id,
        String format,
        String fileName,
        String fileSha256,
        long fileBytes,
        String crisisId,
        String createCrisis,
        String release,
        boolean dryRun,
        boolean retractMissing,
        String principal) {}
