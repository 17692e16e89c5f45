package org.crisistimeline.command.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One row of a data set file as its format's reader understood it, in neutral terms: what the import turns into
 * events. Nothing here is an event yet; the importer decides ids, actors and the crisis.
 *
 * @param line the physical line (1-based) where the row starts in the file, for reports and the audit metadata
 * @param dataset the data set's name as researchers cite it: {@code UCDP GED}, {@code ACLED}, {@code GDELT}
 * @param release the release the row comes from ({@code 18.1}, {@code 2024-06-10}, {@code 2.0})
 * @param rowId the row's own id in its data set, verbatim ({@code 145137}, {@code IRQ12345}, {@code 1034567890})
 * @param type what happened, in our terms (the data set's own classification stays verbatim in {@code codes})
 * @param dateStart the calendar date where it happened, as the data set gives it
 * @param dateEnd the last day of the range; equal to {@code dateStart} for one day
 * @param datePrecision how precisely the data set knows the date
 * @param place where it happened; null when the row has no geography (never a guessed one)
 * @param parties the actors in the data set's order: side_a / actor1 / Actor1 first
 * @param summary a readable line built from the row (notes, headline or the event's description)
 * @param fatalities null when the data set reports none
 * @param citations the row's sources; a citation may have no URL and no publication time
 * @param codes the row's original classification and identity columns, verbatim under their published column names,
 *     in the file's order ({@code type_of_violence}, {@code event_type}, {@code EventCode}, {@code GoldsteinScale}, …)
 * @param revision what tells that a row changed between releases (ACLED's {@code timestamp}); null when the data set
 *     has none, and the row's content is compared instead
 */
public record ImportRow(
        long line,
        String dataset,
        String release,
        String rowId,
        Type type,
        LocalDate dateStart,
        LocalDate dateEnd,
        DatePrecision datePrecision,
        Place place,
        List<Party> parties,
        String summary,
        Fatalities fatalities,
        List<Citation> citations,
        Map<String, String> codes,
        String revision) {

    public ImportRow {
        parties = List.copyOf(parties);
        citations = List.copyOf(citations);
        codes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(codes));
    }

    /**
     * What the data sets are mostly about, in our terms. The importer maps each to an incident type of the same name;
     * the ones the write API already had (STATEMENT, PROTEST, SANCTION, AGREEMENT, STRIKE) keep their meaning.
     */
    public enum Type {
        /** ACLED Battles, UCDP state-based and non-state violence, CAMEO 19 (fight) */
        BATTLE,
        /** ACLED Violence against civilians, UCDP one-sided violence, CAMEO 18 (assault) and 20 (mass violence) */
        VIOLENCE_AGAINST_CIVILIANS,
        /** ACLED Explosions/Remote violence */
        EXPLOSION,
        /** ACLED Riots */
        RIOT,
        /** ACLED Protests, CAMEO 14 */
        PROTEST,
        /** ACLED Strategic developments, CAMEO 15 (force posture) and 17 (coerce) */
        STRATEGIC_DEVELOPMENT,
        /** CAMEO 01–03 and 09–13: statements, appeals, demands, threats */
        STATEMENT,
        /** CAMEO 04, 05, 08: consultations, diplomatic cooperation, yielding */
        DIPLOMACY,
        /** CAMEO 06, 07: material cooperation and aid */
        AGREEMENT,
        /** CAMEO 16: reduced relations, embargoes, sanctions */
        SANCTION
    }

    /** UCDP's date_prec 1–5 and ACLED's time_precision 1–3 fold into these; the original stays in {@code codes}. */
    public enum DatePrecision {
        DAY,
        /** a few days, inside one week */
        WEEK,
        MONTH,
        YEAR
    }

    /**
     * @param country ISO 3166-1 alpha-2; converted from the data set's own codes by a table, never guessed from letters
     * @param precision the data set's own location precision verbatim (UCDP where_prec 1–7, ACLED geo_precision 1–3)
     */
    public record Place(
            String country,
            String admin1,
            String admin2,
            String admin3,
            String name,
            Double lat,
            Double lon,
            String precision) {}

    /**
     * @param key the data set's own id of the actor where it has one (UCDP side_a_new_id, GDELT Actor1Code), else its
     *     name (ACLED)
     * @param name the actor's name as the row gives it
     * @param country ISO 3166-1 alpha-2 where the row says, else null
     * @param role INITIATOR for side_a / actor1 / Actor1, TARGET for side_b / actor2 / Actor2, PARTICIPANT for an
     *     associated actor
     */
    public record Party(String key, String name, String country, String role) {}

    /** Deaths as UCDP gives them (low, best, high); a single figure (ACLED) is low = best = high. */
    public record Fatalities(int low, Integer best, int high) {}

    /**
     * @param publisher the outlet or citation text (UCDP source_article, ACLED source), verbatim
     * @param url null when the data set gives none
     * @param excerpt e.g. UCDP source_headline; null when none
     */
    public record Citation(String publisher, String url, java.time.Instant publishedAt, String excerpt) {}
}
