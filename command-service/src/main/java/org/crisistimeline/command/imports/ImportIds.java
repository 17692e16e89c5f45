package org.crisistimeline.command.imports;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Ids derived from a data set's own ids, so that importing a row again finds the incident it made: {@code
 * ucdp-ged-145137}, {@code acled-IRQ12345}, and for actors {@code ucdp-ged-actor-234} or {@code
 * acled-actor-police-forces-of-iraq-3f2a9c1b}. A key that is not already a valid id piece is slugged, with a short hash of
 * the original appended, so that two keys that slug alike stay apart.
 */
final class ImportIds {

    private static final Pattern ID_PIECE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,59}");
    private static final int MAX_SLUG = 50;

    private ImportIds() {}

    /** The prefix of every id from this data set: {@code UCDP GED} → {@code ucdp-ged}. */
    static String prefix(String dataset) {
        return slug(dataset);
    }

    static String incident(String dataset, String rowId) {
        return prefix(dataset) + "-" + piece(rowId);
    }

    static String actor(String dataset, String key) {
        return prefix(dataset) + "-actor-" + piece(key);
    }

    private static String piece(String key) {
        if (ID_PIECE.matcher(key).matches()) {
            return key;
        }
        String slug = slug(key);
        String hash = HexFormat.of().formatHex(sha256(key), 0, 4);
        return slug.isEmpty() ? hash : slug + "-" + hash;
    }

    private static String slug(String text) {
        String slug =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > MAX_SLUG ? slug.substring(0, MAX_SLUG).replaceAll("-+$", "") : slug;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
