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
        return values.isEmpty() ? null : values.get(0);
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
            errors.add(new InvalidParameter(
                    name, "must be an ISO-8601 instant such as 2020-01-05T00:00:00Z or a date such as 2020-01-05"));
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

    /** An instant such as 2020-01-05T00:00:00Z, or a date such as 2020-01-05 meaning the start of that day in UTC. */
    public static Instant parseTime(String text) {
        String value = text.strip();
        if (DATE.matcher(value).matches()) {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
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
