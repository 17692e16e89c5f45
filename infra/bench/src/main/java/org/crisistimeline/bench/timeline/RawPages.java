package org.crisistimeline.bench.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The raw SQL of a timeline page, as the query service sends it (TimelineQueries, TimelineView): the range scan of
 * timeline_entry_version joined to the versions, then the names of the page's actors. One per connection.
 */
final class RawPages implements AutoCloseable {

    private static final String PAGE = """
            SELECT v.incident_id, v.version, v.crisis_id, v.type, v.occurred_at, v.occurred_precision, v.country,
                   v.place, v.lat, v.lon, v.actors, v.summary, v.confidence, v.status, v.reported_at, v.recorded_at
            FROM %s
            JOIN incident_version v ON v.incident_id = e.incident_id AND v.version = e.version
            ORDER BY e.occurred_at, e.incident_id LIMIT ?""";
    private static final String ENTRIES = "SELECT e.occurred_at, e.incident_id, e.version, e.type"
            + " FROM timeline_entry_version e WHERE e.scope = ? AND e.scope_key = ? AND e.occurred_at >= ? %s";
    private static final String ORDER = " ORDER BY e.occurred_at, e.incident_id LIMIT ?";
    /**
     * The entries each view reads: current ones, and for asOf the superseded ones too, read only up to where the
     * first page of current ones ends (or to the end when there are fewer).
     */
    private static final Map<PageRequest.View, String> VIEWS = Map.of(
            PageRequest.View.CURRENT,
            "(" + ENTRIES.formatted("AND e.valid_to = 'infinity' AND NOT e.retracted") + ORDER + ") AS e",
            PageRequest.View.AS_OF,
            "(WITH current_entries AS ("
                    + ENTRIES.formatted(
                            "AND e.valid_to = 'infinity' AND e.valid_from <= ? AND NOT e.retracted"
                                    + " AND e.occurred_at <= CAST(? AS timestamptz) + (SELECT after_recorded FROM occurred_lead)")
                    + ORDER + ") SELECT * FROM current_entries UNION ALL ("
                    + ENTRIES.formatted(
                            "AND e.valid_to <> 'infinity' AND e.valid_from <= ? AND e.valid_to > ? AND NOT e.retracted"
                                    + " AND e.occurred_at <= CAST(? AS timestamptz)"
                                    + " + (SELECT after_recorded FROM occurred_lead)"
                                    + " AND e.occurred_at <= (SELECT CASE WHEN count(*) < ? THEN 'infinity'"
                                    + " ELSE max(occurred_at) END FROM current_entries)")
                    + ORDER + ")) AS e",
            PageRequest.View.KNOWN_AT,
            "("
                    + ENTRIES.formatted(
                            "AND e.valid_to = 'infinity' AND e.reported_at <= ? AND NOT e.retracted"
                                    + " AND e.occurred_at <= CAST(? AS timestamptz) + (SELECT after_reported FROM occurred_lead)")
                    + ORDER + ") AS e");

    private final ObjectMapper json = new ObjectMapper();
    private final Connection connection;
    private final Map<PageRequest.View, PreparedStatement> pages = new EnumMap<>(PageRequest.View.class);
    private final Map<PageRequest.View, PreparedStatement> plans = new EnumMap<>(PageRequest.View.class);

    RawPages(Connection connection) throws SQLException {
        this.connection = connection;
        for (var view : PageRequest.View.values()) {
            String sql = PAGE.formatted(VIEWS.get(view));
            pages.put(view, connection.prepareStatement(sql));
            plans.put(view, connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql));
        }
    }

    /** The plan PostgreSQL chose for the page's query, and what running it cost. */
    String explain(PageRequest request) throws SQLException {
        PreparedStatement plan = plans.get(request.view());
        bind(plan, request);
        var text = new StringBuilder();
        try (ResultSet lines = plan.executeQuery()) {
            while (lines.next()) {
                text.append(lines.getString(1)).append('\n');
            }
        }
        return text.toString();
    }

    /** @return the number of incidents on the page */
    int page(PageRequest request) throws SQLException, JsonProcessingException {
        PreparedStatement page = pages.get(request.view());
        bind(page, request);
        Set<String> actors = new LinkedHashSet<>();
        int rows = 0;
        try (ResultSet result = page.executeQuery()) {
            while (result.next()) {
                rows++;
                for (int c = 1; c <= 16; c++) {
                    result.getString(c);
                }
                json.readTree(result.getString("actors"))
                        .forEach(actor -> actors.add(actor.path("actorId").asText()));
            }
        }
        if (!actors.isEmpty()) {
            try (PreparedStatement names =
                    connection.prepareStatement("SELECT actor_id, name, country FROM actor WHERE actor_id = ANY (?)")) {
                names.setArray(1, connection.createArrayOf("text", actors.toArray()));
                try (ResultSet result = names.executeQuery()) {
                    while (result.next()) {
                        result.getString(2);
                    }
                }
            }
        }
        return rows;
    }

    private static void bind(PreparedStatement page, PageRequest request) throws SQLException {
        Timestamp at = request.at() == null ? null : Timestamp.from(request.at());
        int p = 1;
        p = bindEntries(
                page,
                p,
                request,
                switch (request.view()) {
                    case CURRENT -> new Timestamp[0];
                    case AS_OF, KNOWN_AT -> new Timestamp[] {at, at};
                });
        page.setInt(p++, PageRequest.LIMIT + 1);
        if (request.view() == PageRequest.View.AS_OF) {
            p = bindEntries(page, p, request, new Timestamp[] {at, at, at});
            page.setInt(p++, PageRequest.LIMIT + 1);
            page.setInt(p++, PageRequest.LIMIT + 1);
        }
        page.setInt(p, PageRequest.LIMIT + 1);
    }

    /** One part of the entries: its scope, its start, its view's instants. */
    private static int bindEntries(PreparedStatement page, int first, PageRequest request, Timestamp[] instants)
            throws SQLException {
        int p = first;
        page.setString(p++, request.scope());
        page.setString(p++, request.key());
        page.setTimestamp(p++, Timestamp.from(request.from()));
        for (Timestamp instant : instants) {
            page.setTimestamp(p++, instant);
        }
        return p;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
