package org.crisistimeline.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

/** Events as the command service stores them: at least one of every type, and an incident of every incident type. */
public final class SampleEvents {

    private SampleEvents() {}

    public static List<Record> all() {
        List<Record> all = new ArrayList<>();
        all.add(crisis());
        all.add(new ActorRegistered("raab", "Dominic Raab", ActorKind.PERSON, "GB", List.of("Foreign Secretary")));
        all.add(new ActorRegistered("un", "United Nations", ActorKind.INTERNATIONAL_BODY, null, List.of()));
        for (IncidentType type : IncidentType.values()) {
            all.add(incident(type));
        }
        return all;
    }

    public static CrisisOpened crisis() {
        return new CrisisOpened(
                "iran-us-2020",
                "Iran–US crisis",
                "After the killing of Qassem Soleimani",
                List.of("IR", "IQ", "US", "GB"),
                LocalDate.parse("2020-01-03"));
    }

    public static IncidentRecorded incident(IncidentType type) {
        return new IncidentRecorded(
                type.name().toLowerCase().replace('_', '-') + "-sample",
                "iran-us-2020",
                type,
                Instant.parse("2020-01-03T00:32:00Z"),
                Precision.MINUTE,
                new Location("IQ", "Baghdad International Airport", 33.2625, 44.2346),
                List.of(new IncidentActor("united-states", ActorRole.INITIATOR)),
                "What happened",
                details(type),
                List.of(new Source(
                        "Sky News", "https://news.sky.com/story/x", Instant.parse("2020-01-07T06:00:00Z"), null)),
                Confidence.HIGH);
    }

    public static IncidentDetails details(IncidentType type) {
        return switch (type) {
            case STRIKE ->
                new StrikeDetails(
                        StrikeDetails.Method.DRONE,
                        "convoy leaving the airport",
                        new StrikeDetails.Casualties(
                                StrikeDetails.Estimate.exactly(10), new StrikeDetails.Estimate(2, null, 5)));
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
            case PROTEST -> new ProtestDetails(1000000, "expel US troops");
            case SANCTION -> new SanctionDetails("oil exports", SanctionDetails.Status.THREATENED);
            case AGREEMENT -> new AgreementDetails("JCPOA", AgreementDetails.Status.SUSPENDED);
            case TRAVEL_ADVISORY ->
                new TravelAdvisoryDetails(
                        "IQ", TravelAdvisoryDetails.Level.AGAINST_ALL_TRAVEL, "Leave by commercial means");
        };
    }
}
