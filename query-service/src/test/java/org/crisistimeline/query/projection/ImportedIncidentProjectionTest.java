package org.crisistimeline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisistimeline.query.Events.crisis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Origin;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.details.BattleDetails;
import org.crisistimeline.events.incident.details.StrikeDetails;
import org.crisistimeline.query.event.EventEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** IncidentRecorded v3 as the import makes it, applied to a real PostgreSQL read model. */
class ImportedIncidentProjectionTest {

    private static final Instant RECORDED = Instant.parse("2026-12-01T10:00:00Z");
    private static ReadModelDatabase database;

    @BeforeAll
    static void applyImportedIncidents() {
        database = ReadModelDatabase.create();
        database.readModel()
                .applyAll(List.of(
                        new EventEnvelope(EventType.CRISIS_OPENED, "iraq-ucdp", 0, RECORDED, crisis("iraq-ucdp")),
                        event(new IncidentRecorded(
                                "ucdp-ged-145137",
                                "iraq-ucdp",
                                IncidentType.BATTLE,
                                null,
                                Precision.WEEK,
                                LocalDate.parse("2020-01-03"),
                                LocalDate.parse("2020-01-06"),
                                new Location("IQ", "Baghdad", 33.34, 44.4, "Baghdad governorate", null, null, "1"),
                                List.of(new IncidentActor("ucdp-ged-actor-123", ActorRole.INITIATOR)),
                                "Clashes near Baghdad",
                                new BattleDetails(new StrikeDetails.Estimate(3, 5, 12)),
                                List.of(new Source("Reuters 2020-01-04; AFP 2020-01-05", null, null, null)),
                                Confidence.MEDIUM,
                                new Origin(
                                        "UCDP GED",
                                        "20.1",
                                        "145137",
                                        Map.of("type_of_violence", "1", "date_prec", "2"),
                                        null))),
                        event(new IncidentRecorded(
                                "gdelt-900001",
                                "iraq-ucdp",
                                IncidentType.DIPLOMACY,
                                null,
                                Precision.DAY,
                                LocalDate.parse("2020-01-04"),
                                null,
                                null,
                                List.of(),
                                "Consultation",
                                null,
                                List.of(),
                                Confidence.LOW,
                                new Origin("GDELT", "2.0", "900001", Map.of("EventCode", "040"), null)))));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void versionKeepsTheCalendarDatesAdminAreasPrecisionAndOriginVerbatim() {
        Map<String, Object> row = database.jdbc()
                .queryForMap("SELECT occurred_on, occurred_until, occurred_at, admin1, location_precision,"
                        + " origin ->> 'dataset' AS dataset, origin ->> 'rowId' AS row_id,"
                        + " origin -> 'codes' ->> 'type_of_violence' AS violence"
                        + " FROM incident_version WHERE incident_id = 'ucdp-ged-145137'");
        assertThat(row.get("occurred_on").toString()).isEqualTo("2020-01-03");
        assertThat(row.get("occurred_until").toString()).isEqualTo("2020-01-06");
        assertThat(row.get("admin1")).isEqualTo("Baghdad governorate");
        assertThat(row.get("location_precision")).isEqualTo("1");
        assertThat(row.get("dataset")).isEqualTo("UCDP GED");
        assertThat(row.get("row_id")).isEqualTo("145137");
        assertThat(row.get("violence")).isEqualTo("1");
    }

    @Test
    void citationIsStoredWithoutUrlOrPublicationTimeAndReportedAtIsWhenRecorded() {
        assertThat(database.jdbc()
                        .queryForMap(
                                "SELECT url, published_at FROM incident_source WHERE incident_id = 'ucdp-ged-145137'"))
                .containsEntry("url", null)
                .containsEntry("published_at", null);
        assertThat(database.jdbc()
                        .queryForList(
                                "SELECT DISTINCT reported_at = ?::timestamptz FROM timeline_entry_version",
                                Boolean.class,
                                RECORDED.toString()))
                .containsExactly(true);
    }

    @Test
    void incidentWithoutLocationIsOnItsCrisisTimelineButOnNoCountryOfItsOwn() {
        assertThat(database.jdbc()
                        .queryForList(
                                "SELECT scope || ':' || scope_key FROM timeline_entry_version"
                                        + " WHERE incident_id = 'gdelt-900001'",
                                String.class))
                .containsExactly("crisis:iraq-ucdp");
        assertThat(database.jdbc()
                        .queryForList(
                                "SELECT scope || ':' || scope_key FROM timeline_entry_version"
                                        + " WHERE incident_id = 'ucdp-ged-145137' ORDER BY 1",
                                String.class))
                .containsExactly("actor:ucdp-ged-actor-123", "country:IQ", "crisis:iraq-ucdp");
    }

    @Test
    void timelineEntriesCarryTheDatasetAndCodesTheFiltersMatch() {
        assertThat(database.jdbc()
                        .queryForList(
                                "SELECT DISTINCT incident_id FROM timeline_entry_version"
                                        + " WHERE origin_dataset = 'GDELT' AND origin_codes @> '{\"EventCode\": \"040\"}'",
                                String.class))
                .containsExactly("gdelt-900001");
        assertThat(database.jdbc()
                        .queryForList(
                                "SELECT DISTINCT incident_id FROM timeline_entry_version"
                                        + " WHERE origin_codes @> '{\"EventCode\": \"40\"}'",
                                String.class))
                .isEmpty();
    }

    private static EventEnvelope event(IncidentRecorded incident) {
        return new EventEnvelope(EventType.INCIDENT_RECORDED, incident.incidentId(), 0, RECORDED, incident);
    }
}
