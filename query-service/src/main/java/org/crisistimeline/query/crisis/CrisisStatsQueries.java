package org.crisistimeline.query.crisis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.query.timeline.TimelineView;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Counts the crisis timeline in the database, grouped once by day, type and country; the totals are added here. */
@Component
class CrisisStatsQueries {

    private final NamedParameterJdbcTemplate jdbc;

    CrisisStatsQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    CrisisStats stats(String crisisId, TimelineView view) {
        var parameters = new MapSqlParameterSource("key", crisisId);
        String sql = "SELECT (e.occurred_at AT TIME ZONE 'UTC')::date AS day, e.type, v.country, count(*) AS incidents"
                + " FROM " + view.entries(" AND e.scope = 'crisis' AND e.scope_key = :key", false, parameters)
                + " JOIN incident_version v ON v.incident_id = e.incident_id AND v.version = e.version"
                + " GROUP BY 1, 2, 3";
        List<Cell> cells = jdbc.query(
                sql,
                parameters,
                (row, number) -> new Cell(
                        row.getObject("day", LocalDate.class),
                        IncidentType.valueOf(row.getString("type")),
                        row.getString("country"),
                        row.getLong("incidents")));

        return new CrisisStats(
                crisisId,
                view.asOf(),
                view.knownAt(),
                view.includeRetracted(),
                cells.stream().mapToLong(Cell::count).sum(),
                sum(cells, Cell::day, Comparator.naturalOrder()).entrySet().stream()
                        .map(entry -> new CrisisStats.PerDay(entry.getKey(), entry.getValue()))
                        .toList(),
                mostFirst(sum(cells, Cell::type, Comparator.naturalOrder())).stream()
                        .map(entry -> new CrisisStats.PerType(entry.getKey(), entry.getValue()))
                        .toList(),
                mostFirst(sum(cells, Cell::country, Comparator.naturalOrder())).stream()
                        .map(entry -> new CrisisStats.PerCountry(entry.getKey(), entry.getValue()))
                        .toList(),
                sum(
                                cells,
                                cell -> new DayAndType(cell.day(), cell.type()),
                                Comparator.comparing(DayAndType::day).thenComparing(DayAndType::type))
                        .entrySet()
                        .stream()
                        .map(entry -> new CrisisStats.PerDayAndType(
                                entry.getKey().day(), entry.getKey().type(), entry.getValue()))
                        .toList());
    }

    private static <K> TreeMap<K, Long> sum(List<Cell> cells, Function<Cell, K> key, Comparator<K> order) {
        return cells.stream()
                .collect(Collectors.groupingBy(key, () -> new TreeMap<>(order), Collectors.summingLong(Cell::count)));
    }

    /** The largest counts first; equal counts in the map's order, so the answer is the same every time. */
    private static <K> List<Map.Entry<K, Long>> mostFirst(TreeMap<K, Long> counts) {
        List<Map.Entry<K, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<K, Long>comparingByValue().reversed());
        return entries;
    }

    private record Cell(LocalDate day, IncidentType type, String country, long count) {}

    private record DayAndType(LocalDate day, IncidentType type) {}
}
