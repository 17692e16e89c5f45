package org.crisistimeline.command.imports;

import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.crisis.CrisisOpened;

/**
 * One line of an import file as what it records: an incident (a data set row, or an NDJSON incident line), an actor or
 * a crisis (NDJSON only).
 */
sealed interface ImportedLine permits ImportedIncident, ImportedLine.Actor, ImportedLine.Crisis {

    /** where it starts in the file */
    long line();

    /** the id it is stored under */
    String id();

    record Actor(long line, ActorRegistered actor) implements ImportedLine {
        @Override
        public String id() {
            return actor.actorId();
        }
    }

    record Crisis(long line, CrisisOpened crisis) implements ImportedLine {
        @Override
        public String id() {
            return crisis.crisisId();
        }
    }
}
