package org.crisistimeline.events;

import java.time.Instant;
import java.util.List;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.details.StrikeDetails;

/** Events as the services meet them, for the tests and benchmarks of every module (shared-events' test-jar). */
public final class SampleIncidents {

    private SampleIncidents() {}

    /** The README's example incident: two actors, two sources, a strike with casualties (about 1 kB of JSON). */
    public static IncidentRecorded missileAttack() {
        return new IncidentRecorded(
                "missile-attack-ain-al-asad-2020-01-08",
                "iran-us-2020",
                IncidentType.STRIKE,
                Instant.parse("2020-01-07T22:30:00Z"),
                Precision.HOUR,
                new Location("IQ", "Ain al-Asad air base", 33.7856, 42.4412),
                List.of(
                        new IncidentActor("iran", ActorRole.INITIATOR),
                        new IncidentActor("united-states", ActorRole.TARGET)),
                "Iran fires ballistic missiles at Ain al-Asad air base, which hosts US troops.",
                new StrikeDetails(
                        StrikeDetails.Method.MISSILE,
                        "Ain al-Asad air base",
                        new StrikeDetails.Casualties(
                                StrikeDetails.Estimate.exactly(0), new StrikeDetails.Estimate(0, 11, 110))),
                List.of(
                        new Source(
                                "Example Wire",
                                "https://example.org/ain-al-asad",
                                Instant.parse("2020-01-08T00:10:00Z"),
                                null),
                        new Source(
                                "Sky News",
                                "https://news.sky.com/story/iran-fires-missiles-at-us-bases-in-iraq",
                                Instant.parse("2020-01-08T01:45:00Z"),
                                "Iran has fired more than a dozen ballistic missiles at two bases in Iraq that house"
                                        + " US troops, the Pentagon said.")),
                Confidence.MEDIUM);
    }
}
