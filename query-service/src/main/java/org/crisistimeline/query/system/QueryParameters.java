package org.crisistimeline.query.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reading query parameters: each helper adds what is wrong to {@code errors}, so one answer can list every fault. */
public final class QueryParameters {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    // the years an instant may name: PostgreSQL refuses some beyond (year 294277), and no incident is outside them
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final String TIME_FORMAT =
            "must be an ISO-8601 instant such as 2020-01-05T00:00:00Z or a date such as 2020-01-05, in the years 1 to"
                    + " 9999";

    private QueryParameters() {}

    /** Every parameter not in {@code known}, refused rather than ignored, so that a misspelt filter is noticed. */
    public static void refuseUnknown(
            Map<String, List<String>> parameters, List<String> known, List<InvalidParameter> errors) {
        parameters.keySet().stream()
                .filter(name -> !known.contains(name))
                .sorted()
                .forEach(name -> errors.add(InvalidParameter.unknown(name, known)));
    }

    /** The one value of a parameter, or null when absent. */
    public static String single(String name, Map<String, List<String>> parameters, List<InvalidParameter> errors) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            errors.add(new InvalidParameter(name, "must be given once"));
            return null;
        }
        if (values.isEmpty()) {
            return null;
        }
        if (!storableText(values.get(0))) {
            errors.add(new InvalidParameter(name, "must not contain a NUL character"));
            return null;
        }
        return values.get(0);
    }

    /** PostgreSQL's text cannot hold U+0000: a value with one can match nothing, and the database refuses it. */
    public static boolean storableText(String value) {
        return value.indexOf('\u0000') < 0;
    }

    /** An instant or a date (the start of that day in UTC), or null when absent. */
    public static Instant time(String name, Map<String, List<String>> parameters, List<InvalidParameter> errors) {
        String value = single(name, parameters, errors);
        if (value == null) {
            return null;
        }
        try {
            return parseTime(value);
        } catch (DateTimeParseException e) {
            errors.add(new InvalidParameter(name, TIME_FORMAT));
            return null;
        }
    }

    /**
     * The exclusive end of a range: an instant, or a date meaning the whole of that day (the start of the next day in
     * UTC), so that {@code from=2020-01-06&to=2020-01-06} is the 6th; null when absent.
     */
    public static Instant endTime(String name, Map<String, List<String>> parameters, List<InvalidParameter> errors) {
        Instant time = time(name, parameters, errors);
        String value = parameters.getOrDefault(name, List.of()).stream()
                .findFirst()
                .orElse("")
                .strip();
        return time != null && DATE.matcher(value).matches() ? time.plus(Duration.ofDays(1)) : time;
    }

    /**
     * An instant such as 2020-01-05T00:00:00Z, or a date such as 2020-01-05 meaning the start of that day in UTC.
     *
     * @throws DateTimeParseException if it is neither, or outside the years 1 to 9999
     */
    public static Instant parseTime(String text) {
        String value = text.strip();
        Instant time = DATE.matcher(value).matches()
                ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
        return inRange(time, value);
    }

    /**
     * An instant as {@link Instant#toString()} writes it, as the cursors of this API hold it.
     *
     * @throws DateTimeParseException if it is not one, or outside the years 1 to 9999
     */
    public static Instant parseInstant(String text) {
        return inRange(Instant.parse(text), text);
    }

    private static Instant inRange(Instant time, String text) {
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw new DateTimeParseException("outside the years 1 to 9999", text, 0);
        }
        return time;
    }

    /** A page size from 1 to {@code max} ({@code limit}); {@code fallback} when absent. */
    public static int limit(
            int fallback, int max, Map<String, List<String>> parameters, List<InvalidParameter> errors) {
        String value = single("limit", parameters, errors);
        if (value == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        errors.add(new InvalidParameter("limit", "must be a whole number from 1 to " + max));
        return fallback;
    }

    /** A pattern for {@code ILIKE} matching {@code text} anywhere, its own {@code %}, {@code _} and {@code \} literal. */
    public static String containing(String text) {
        return "%" + text.strip().replaceAll("([\\\\%_])", "\\\\$1") + "%";
    }

    /** {@code true} or {@code false} in any case; {@code fallback} when absent. */
    public static boolean flag(
            String name, boolean fallback, Map<String, List<String>> parameters, List<InvalidParameter> errors) {
        String value = single(name, parameters, errors);
        if (value == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new InvalidParameter(name, "must be true or false"));
                yield fallback;
            }
        };
    }
}
