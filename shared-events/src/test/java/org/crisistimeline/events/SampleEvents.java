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
import org.crisistimeline.events.incident.details.BattleDetails;
import org.crisistimeline.events.incident.details.DiplomacyDetails;
import org.crisistimeline.events.incident.details.ExplosionDetails;
import org.crisistimeline.events.incident.details.IncidentDetails;
import org.crisistimeline.events.incident.details.ProtestDetails;
import org.crisistimeline.events.incident.details.RiotDetails;
import org.crisistimeline.events.incident.details.SanctionDetails;
import org.crisistimeline.events.incident.details.StaffingChangeDetails;
import org.crisistimeline.events.incident.details.StatementDetails;
import org.crisistimeline.events.incident.details.StrategicDevelopmentDetails;
import org.crisistimeline.events.incident.details.StrikeDetails;
import org.crisistimeline.events.incident.details.TravelAdvisoryDetails;
import org.crisistimeline.events.incident.details.ViolenceAgainstCiviliansDetails;
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
        all.add(imported());
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

    /** An incident as a data set import records it: a range of days, admin areas, a citation, its origin. */
    public static IncidentRecorded imported() {
        return new IncidentRecorded(
                "ucdp-ged-145137",
                "iraq-ucdp",
                IncidentType.BATTLE,
                Instant.parse("2020-01-03T00:00:00Z"),
                Precision.WEEK,
                LocalDate.parse("2020-01-03"),
                LocalDate.parse("2020-01-06"),
                new Location("IQ", "Baghdad", 33.34, 44.4, "Baghdad governorate", "Baghdad district", null, "1"),
                List.of(new IncidentActor("ucdp-ged-actor-123", ActorRole.INITIATOR)),
                "Clashes near Baghdad",
                new BattleDetails(new StrikeDetails.Estimate(3, 5, 12)),
                List.of(new Source("Reuters 2020-01-04; AFP 2020-01-05", null, null, "Clashes near Baghdad")),
                Confidence.MEDIUM,
                new org.crisistimeline.events.incident.Origin(
                        "UCDP GED",
                        "20.1",
                        "145137",
                        new java.util.LinkedHashMap<>(java.util.Map.of("type_of_violence", "1", "date_prec", "2")),
                        null));
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
            case BATTLE -> new BattleDetails(new StrikeDetails.Estimate(3, 5, 12));
            case VIOLENCE_AGAINST_CIVILIANS -> new ViolenceAgainstCiviliansDetails(StrikeDetails.Estimate.exactly(2));
            case EXPLOSION -> new ExplosionDetails(new StrikeDetails.Estimate(0, null, 4));
            case RIOT -> new RiotDetails(null);
            case STRATEGIC_DEVELOPMENT -> new StrategicDevelopmentDetails(StrikeDetails.Estimate.exactly(0));
            case DIPLOMACY -> new DiplomacyDetails("prisoner exchange");
        };
    }
}
