package org.crisistimeline.query.crisis;

import static org.crisistimeline.query.system.QueryParameters.refuseUnknown;

import java.util.ArrayList;
import org.crisistimeline.query.system.InvalidParameter;
import org.crisistimeline.query.system.InvalidParameters;
import org.crisistimeline.query.timeline.TimelineView;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/crises")
class CrisisController {

    private final CrisisStatsQueries stats;

    CrisisController(CrisisStatsQueries stats) {
        this.stats = stats;
    }

    /** Counts of the crisis timeline in the same views as the timeline: now or asOf, knownAt, retracted or not. */
    @GetMapping("/{crisisId}/stats")
    CrisisStats stats(@PathVariable String crisisId, @RequestParam MultiValueMap<String, String> parameters) {
        var errors = new ArrayList<InvalidParameter>();
        refuseUnknown(parameters, TimelineView.PARAMETERS, errors);
        TimelineView view = TimelineView.parse(parameters, errors);
        if (!errors.isEmpty()) {
            throw new InvalidParameters(errors);
        }
        return stats.stats(crisisId, view);
    }
}
