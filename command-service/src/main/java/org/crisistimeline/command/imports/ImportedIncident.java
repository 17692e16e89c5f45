package org.crisistimeline.command.imports;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
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
import org.crisistimeline.events.incident.details.DiplomacyDetails;
import org.crisistimeline.events.incident.details.ExplosionDetails;
import org.crisistimeline.events.incident.details.IncidentDetails;
import org.crisistimeline.events.incident.details.ProtestDetails;
import org.crisistimeline.events.incident.details.RiotDetails;
import org.crisistimeline.events.incident.details.StrategicDevelopmentDetails;
import org.crisistimeline.events.incident.details.StrikeDetails;
import org.crisistimeline.events.incident.details.ViolenceAgainstCiviliansDetails;

/**
 * One row as the incident it records and the actors it names, in our model. Decisions the data sets leave to us:
 *
 * <ul>
 *   <li>confidence is MEDIUM: the data set vouches for the row, no editor has yet;
 *   <li>an actor is registered as an ORGANIZATION under its data set id: the data sets do not sort their actors into
 *       our kinds, and guessing a state from a name would be wrong as often as right;
 *   <li>the types the write API already had keep their details where the row gives them (a protest's crowd is not in
 *       the data sets, so its details are empty); a statement, agreement or sanction from GDELT has no details, its CAMEO
 *       code is in the origin.
 * </ul>
 *
 * @param line where the row starts in the file
 * @param actors the actors the row names, registered with it where they are new
 * @param registersActors false for an NDJSON incident: its actors must exist already, or be registered by the file's
 *     own actor lines
 */
record ImportedIncident(long line, IncidentRecorded incident, List<ActorRegistered> actors, boolean registersActors)
        implements ImportedLine {

    static ImportedIncident of(ImportRow row, String crisisId) {
        List<IncidentActor> named = new ArrayList<>();
        Map<String, ActorRegistered> actors = new LinkedHashMap<>();
        for (ImportRow.Party party : row.parties()) {
            String actorId = ImportIds.actor(row.dataset(), party.key());
            IncidentActor actor = new IncidentActor(actorId, ActorRole.valueOf(party.role()));
            if (!named.contains(actor)) {
                named.add(actor);
            }
            actors.putIfAbsent(
                    actorId,
                    new ActorRegistered(actorId, party.name(), ActorKind.ORGANIZATION, party.country(), List.of()));
        }
        ImportRow.Place place = row.place();
        IncidentType type = IncidentType.valueOf(row.type().name());
        IncidentRecorded incident = new IncidentRecorded(
                ImportIds.incident(row.dataset(), row.rowId()),
                crisisId,
                type,
                row.dateStart() == null
                        ? null
                        : row.dateStart().atStartOfDay(ZoneOffset.UTC).toInstant(),
                Precision.valueOf(row.datePrecision().name()),
                row.dateStart(),
                row.dateEnd(),
                place == null
                        ? null
                        : new Location(
                                place.country(),
                                place.name(),
                                place.lat(),
                                place.lon(),
                                place.admin1(),
                                place.admin2(),
                                place.admin3(),
                                place.precision()),
                named,
                row.summary(),
                details(type, row.fatalities()),
                row.citations().stream()
                        .map(citation -> new Source(
                                citation.publisher(), citation.url(), citation.publishedAt(), citation.excerpt()))
                        .toList(),
                Confidence.MEDIUM,
                new Origin(row.dataset(), row.release(), row.rowId(), row.codes(), row.revision()));
        return new ImportedIncident(row.line(), incident, List.copyOf(actors.values()), true);
    }

    private static IncidentDetails details(IncidentType type, ImportRow.Fatalities fatalities) {
        StrikeDetails.Estimate deaths = fatalities == null
                ? null
                : new StrikeDetails.Estimate(fatalities.low(), fatalities.best(), fatalities.high());
        return switch (type) {
            case BATTLE -> new BattleDetails(deaths);
            case VIOLENCE_AGAINST_CIVILIANS -> new ViolenceAgainstCiviliansDetails(deaths);
            case EXPLOSION -> new ExplosionDetails(deaths);
            case RIOT -> new RiotDetails(deaths);
            case STRATEGIC_DEVELOPMENT -> new StrategicDevelopmentDetails(deaths);
            case DIPLOMACY -> new DiplomacyDetails(null);
            case PROTEST -> new ProtestDetails(null, null);
            case STATEMENT, AGREEMENT, SANCTION, STRIKE, VOTE, STAFFING_CHANGE, TRAVEL_ADVISORY -> null;
        };
    }

    @Override
    public String id() {
        return incident.incidentId();
    }

    /** An NDJSON incident line: recorded as it is, naming actors that exist. */
    static ImportedIncident asWritten(long line, IncidentRecorded incident) {
        return new ImportedIncident(line, incident, List.of(), false);
    }
}
