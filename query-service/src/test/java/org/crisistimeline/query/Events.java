package org.crisistimeline.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.crisis.CrisisOpened;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.details.AgreementDetails;
import org.crisistimeline.events.incident.details.IncidentDetails;
import org.crisistimeline.events.incident.details.ProtestDetails;
import org.crisistimeline.events.incident.details.SanctionDetails;
import org.crisistimeline.events.incident.details.StaffingChangeDetails;
import org.crisistimeline.events.incident.details.StatementDetails;
import org.crisistimeline.events.incident.details.StrikeDetails;
import org.crisistimeline.events.incident.details.TravelAdvisoryDetails;
import org.crisistimeline.events.incident.details.VoteDetails;

/** Events for the tests, with ids unique to the test that asks for them: the tests share one database. */
public final class Events {

    private Events() {}

    /** A suffix that makes the ids of one test its own. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static CrisisOpened crisis(String crisisId) {
        return new CrisisOpened(
                crisisId,
                "Iran–US crisis",
                "A strike and its aftermath",
                List.of("IQ", "IR", "US", "GB"),
                LocalDate.parse("2020-01-03"));
    }

    public static ActorRegistered actor(String actorId, String name, String country) {
        return new ActorRegistered(actorId, name, ActorKind.PERSON, country, List.of());
    }

    public static IncidentActor role(String actorId, ActorRole role) {
        return new IncidentActor(actorId, role);
    }

    public static IncidentRecorded incident(
            String incidentId,
            String crisisId,
            IncidentType type,
            String occurredAt,
            String country,
            IncidentActor... actors) {
        return new IncidentRecorded(
                incidentId,
                crisisId,
                type,
                Instant.parse(occurredAt),
                Precision.MINUTE,
                new Location(country, "Baghdad", 33.3152, 44.3661),
                List.of(actors),
                "What happened: " + incidentId,
                details(type),
                List.of(new Source(
                        "Sky News", "https://news.sky.com/story/" + incidentId, Instant.parse(occurredAt), null)),
                Confidence.HIGH);
    }

    public static IncidentDetails details(IncidentType type) {
        return switch (type) {
            case STRIKE ->
                new StrikeDetails(
                        StrikeDetails.Method.DRONE,
                        "convoy leaving the airport",
                        new StrikeDetails.Casualties(StrikeDetails.Estimate.exactly(10), null));
            case VOTE ->
                new VoteDetails(
                        "Council of Representatives", "expel US troops", VoteDetails.Outcome.PASSED, 170, 0, null);
            case STATEMENT ->
                new StatementDetails(
                        "raab",
                        "We urge all parties to de-escalate",
                        StatementDetails.Channel.WRITTEN_STATEMENT,
                        StatementDetails.Stance.CONCILIATORY);
            case STAFFING_CHANGE ->
                new StaffingChangeDetails(
                        "British Embassy Tehran",
                        StaffingChangeDetails.Personnel.DIPLOMATIC,
                        StaffingChangeDetails.Change.REDUCED,
                        null,
                        null);
            case PROTEST -> new ProtestDetails(1000, "expel US troops");
            case SANCTION -> new SanctionDetails("oil exports", SanctionDetails.Status.THREATENED);
            case AGREEMENT -> new AgreementDetails("JCPOA", AgreementDetails.Status.SUSPENDED);
            case TRAVEL_ADVISORY ->
                new TravelAdvisoryDetails(
                        "IQ", TravelAdvisoryDetails.Level.AGAINST_ALL_TRAVEL, "Leave by commercial means");
            // the data sets' types (IncidentRecorded v3), as shared-events samples them
            case BATTLE, VIOLENCE_AGAINST_CIVILIANS, EXPLOSION, RIOT, STRATEGIC_DEVELOPMENT, DIPLOMACY ->
                org.crisistimeline.events.SampleEvents.details(type);
        };
    }
}
