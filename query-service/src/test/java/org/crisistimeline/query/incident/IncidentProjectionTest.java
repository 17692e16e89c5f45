package org.crisistimeline.query.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.crisistimeline.events.incident.Source;
import org.junit.jupiter.api.Test;

class IncidentProjectionTest {

    @Test
    void reportedAtIsTheEarliestSourceNotTheFirstListed() {
        List<Source> sources = List.of(
                new Source("Sky News", "https://news.sky.com/x", Instant.parse("2020-01-07T09:00:00Z"), null),
                new Source("Reuters", "https://reuters.com/y", Instant.parse("2020-01-03T01:10:00Z"), null),
                new Source("BBC", "https://bbc.co.uk/z", Instant.parse("2020-01-04T00:00:00Z"), null));

        assertThat(IncidentProjection.reportedAt(sources)).isEqualTo(Instant.parse("2020-01-03T01:10:00Z"));
    }

    @Test
    void incidentWithoutSourcesHasNoReportedAt() {
        assertThat(IncidentProjection.reportedAt(List.of())).isNull();
    }
}
