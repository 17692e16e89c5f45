package org.crisistimeline.query.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crisistimeline.events.country.IsoCountryValidator;
import org.crisistimeline.query.system.InvalidParameter;
import org.crisistimeline.query.system.InvalidParameters;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Timelines of a country, an actor and a crisis, as pages of JSON or whole as CSV or TimelineJS. A key nothing has been
 * recorded for has an empty timeline, not a 404: its first incident may simply not have arrived yet.
 */
@RestController
@RequestMapping("/api/v1/timelines")
class TimelineController {

    private final TimelineQueries timelines;
    private final TimelineExports exports;

    TimelineController(TimelineQueries timelines, TimelineExports exports) {
        this.timelines = timelines;
        this.exports = exports;
    }

    /** @param code ISO 3166-1 alpha-2, in either case */
    @GetMapping("/countries/{code}")
    ResponseEntity<?> country(@PathVariable String code, @RequestParam MultiValueMap<String, String> parameters) {
        String country = code.strip().toUpperCase(Locale.ROOT);
        List<InvalidParameter> keyErrors = IsoCountryValidator.isIsoCountry(country)
                ? List.of()
                : List.of(new InvalidParameter("code", "must be an ISO 3166-1 alpha-2 country code such as GB or IQ"));
        return answer(TimelineScope.COUNTRY, country, keyErrors, parameters);
    }

    @GetMapping("/actors/{actorId}")
    ResponseEntity<?> actor(@PathVariable String actorId, @RequestParam MultiValueMap<String, String> parameters) {
        return answer(TimelineScope.ACTOR, actorId, List.of(), parameters);
    }

    @GetMapping("/crises/{crisisId}")
    ResponseEntity<?> crisis(@PathVariable String crisisId, @RequestParam MultiValueMap<String, String> parameters) {
        return answer(TimelineScope.CRISIS, crisisId, List.of(), parameters);
    }

    /** Refuses a bad key together with bad query parameters, so one answer lists everything to fix. */
    private ResponseEntity<?> answer(
            TimelineScope scope,
            String key,
            List<InvalidParameter> keyErrors,
            MultiValueMap<String, String> parameters) {
        TimelineRequest request;
        try {
            request = TimelineRequest.parse(parameters);
        } catch (InvalidParameters invalid) {
            var errors = new ArrayList<>(keyErrors);
            errors.addAll(invalid.errors());
            throw new InvalidParameters(errors);
        }
        if (!keyErrors.isEmpty()) {
            throw new InvalidParameters(keyErrors);
        }
        if (request.format().isExport()) {
            return exports.export(scope, key, request);
        }
        return ResponseEntity.ok(timelines.page(scope, key, request));
    }
}
