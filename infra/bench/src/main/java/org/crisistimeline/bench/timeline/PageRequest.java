package org.crisistimeline.bench.timeline;

import java.net.URI;
import java.time.Instant;
import java.util.Random;

/**
 * A timeline page a reader asks for: half of them the whole crisis, a third a country, the rest an actor, each from a
 * random day of the two years (a page in the middle, as a reader scrolling or jumping to a date gets), with asOf or
 * knownAt at a random instant when the view asks for one.
 */
record PageRequest(String scope, String key, Instant from, View view, Instant at) {

    static final int LIMIT = 50;
    private static final Instant FIRST = Instant.parse("2020-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = 730L * 86400;
    private static final String[] COUNTRIES = {
        "IQ", "IR", "US", "GB", "SY", "IL", "LB", "YE", "SA", "AE", "QA", "JO", "TR", "EG", "UA", "RU", "PL", "DE",
        "FR", "SD", "ET", "MM", "TH", "CN", "IN"
    };

    enum View {
        CURRENT,
        AS_OF,
        KNOWN_AT
    }

    static PageRequest random(Random random, View view) {
        int pick = random.nextInt(100);
        String scope = pick < 50 ? "crisis" : pick < 85 ? "country" : "actor";
        String key = switch (scope) {
            case "crisis" -> "bench-scale";
            case "country" -> COUNTRIES[random.nextInt(COUNTRIES.length)];
            default -> "scale-actor-" + (1 + random.nextInt(1000));
        };
        Instant from = FIRST.plusSeconds(random.nextLong(SPAN_SECONDS));
        // asOf / knownAt after the page's start, so the page has entries to show
        Instant at = view == View.CURRENT
                ? null
                : from.plusSeconds(random.nextLong(
                        Math.max(1, FIRST.plusSeconds(SPAN_SECONDS).getEpochSecond() - from.getEpochSecond())));
        return new PageRequest(scope, key, from, view, at);
    }

    URI uri(URI queryUrl) {
        String path = switch (scope) {
            case "crisis" -> "/api/v1/timelines/crises/";
            case "country" -> "/api/v1/timelines/countries/";
            default -> "/api/v1/timelines/actors/";
        };
        String query = "?limit=" + LIMIT + "&from=" + from
                + switch (view) {
                    case CURRENT -> "";
                    case AS_OF -> "&asOf=" + at;
                    case KNOWN_AT -> "&knownAt=" + at;
                };
        return queryUrl.resolve(path + key + query);
    }
}
