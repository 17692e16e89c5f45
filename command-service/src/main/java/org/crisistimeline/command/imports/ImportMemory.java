package org.crisistimeline.command.imports;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one job remembers from batch to batch: the line each id came from (an id twice in a file is refused, and what
 * the file has is what {@code retractMissing} keeps), and the aggregates it created (a dry run stores none, yet its
 * later lines may name them).
 */
final class ImportMemory {

    final Map<String, Long> lines = new HashMap<>();
    final Set<String> created = new HashSet<>();

    /** After a batch committed: its ids and what it created are the job's. */
    void remember(Map<String, Long> batchLines, Set<String> batchCreated) {
        lines.putAll(batchLines);
        created.addAll(batchCreated);
    }
}
