package org.crisistimeline.bench.timeline;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.crisistimeline.bench.Context;
import org.crisistimeline.bench.Scenario;
import org.crisistimeline.bench.WarmUp;
import org.crisistimeline.bench.load.OpenLoad;
import org.crisistimeline.bench.report.Figures;
import org.crisistimeline.bench.report.Row;

/**
 * Timeline pages (limit 50) at a fixed rate over HTTP, against the same SQL sent straight to the read model at the
 * same rate, as the read model grows to each size of the mode; then the asOf and knownAt views at the largest size,
 * where 20 % of the incidents have been amended.
 */
public final class TimelinePages implements Scenario {

    private static final int RAW_CONNECTIONS = 8;
    private static final List<Integer> GOAL_SIZES = List.of(10_000, 100_000, 1_000_000);

    @Override
    public String name() {
        return "timeline";
    }

    @Override
    public List<Row> run(Context context) throws Exception {
        context.awaitProjectionIdle();
        var readModel = new ScaleReadModel();
        List<Row> rows = new ArrayList<>();
        List<Integer> sizes = context.mode().timelineSizes();
        long currentP99AtFirst = 0;
        for (int size : GOAL_SIZES) {
            if (!sizes.contains(size)) {
                rows.add(Row.skipped(
                        "timeline page at " + count(size) + " incidents",
                        "p99 over HTTP vs raw SQL",
                        goal(size),
                        "full run only"));
                continue;
            }
            try (Connection query = context.stack().query()) {
                double seconds = readModel.growTo(query, size);
                context.note(String.format(
                        Locale.ROOT, "timeline: read model grown to %,d synthetic incidents in %.0f s", size, seconds));
            }
            Measured page = measure(context, PageRequest.View.CURRENT, "timeline " + count(size));
            if (currentP99AtFirst == 0) {
                currentP99AtFirst = page.oursP99();
            }
            boolean flat = page.oursP99() <= 2 * currentP99AtFirst + 2_000_000L;
            rows.add(page.row(
                    "timeline page at " + count(size) + " incidents",
                    goal(size),
                    size < 1_000_000 ? null : page.oursP99() < 10_000_000L && flat));
        }
        String at = count(context.mode().largestTimeline());
        explain(context, at);
        for (var view : List.of(PageRequest.View.AS_OF, PageRequest.View.KNOWN_AT)) {
            String label = view == PageRequest.View.AS_OF ? "asOf" : "knownAt";
            Measured page = measure(context, view, "timeline " + label + " " + at);
            boolean goalSize = context.mode().largestTimeline() >= 1_000_000;
            rows.add(page.row(
                    label + " timeline page at " + at + " incidents, 20 % amended",
                    "< 25 ms" + (goalSize ? "" : " (at 1M)"),
                    goalSize ? page.oursP99() < 25_000_000L : null));
        }
        return rows;
    }

    private Measured measure(Context context, PageRequest.View view, String label) throws Exception {
        double rate = context.mode().timelineRate();
        var requests = new Random(42);
        List<PageRequest> schedule = new ArrayList<>();
        int count = (int) Math.ceil(rate * context.mode().measure().toSeconds()) + 1;
        for (int i = 0; i < count; i++) {
            schedule.add(PageRequest.random(requests, view));
        }
        // warm-up: the same pages at the same rate until the compilers are done with them, so no side is measured cold
        WarmUp.untilCompiled(
                context,
                label,
                context.mode().warmUpAtMost(),
                () -> httpAtRate(context, schedule, rate, context.mode().warmUp()));
        OpenLoad.Result http =
                httpAtRate(context, schedule, rate, context.mode().measure());
        context.failures(label, http.failed() + http.refused());
        OpenLoad.Result raw = sqlAtRate(context, schedule, rate);
        context.failures(label + " (raw)", raw.failed() + raw.refused());
        context.note(label + ": HTTP " + Figures.latencies(http.latencies()));
        context.note(label + ": raw SQL " + Figures.latencies(raw.latencies()));
        return new Measured(http.latencies(), raw.latencies());
    }

    private static OpenLoad.Result httpAtRate(
            Context context, List<PageRequest> schedule, double rate, Duration duration) {
        return OpenLoad.run(
                rate,
                duration,
                2_000,
                i -> context.http()
                        .sendAsync(context.http()
                                .get(schedule.get((int) (i % schedule.size()))
                                        .uri(context.stack().queryUrl())))
                        .thenApply(context::succeeded));
    }

    private static OpenLoad.Result sqlAtRate(Context context, List<PageRequest> schedule, double rate)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RAW_CONNECTIONS);
        List<RawPages> opened = new CopyOnWriteArrayList<>();
        ThreadLocal<RawPages> pages = new ThreadLocal<>();
        OpenLoad.Request page = i -> CompletableFuture.supplyAsync(
                () -> {
                    try {
                        if (pages.get() == null) {
                            pages.set(new RawPages(context.stack().query()));
                            opened.add(pages.get());
                        }
                        return pages.get().page(schedule.get((int) (i % schedule.size()))) >= 0;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                pool);
        try {
            OpenLoad.run(rate, context.mode().warmUp(), 2_000, page);
            return OpenLoad.run(rate, context.mode().measure(), 2_000, page);
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            for (RawPages connection : opened) {
                connection.close();
            }
        }
    }

    /** The plans of one page of each view at the largest size: what the doc shows of the timeline queries. */
    private static void explain(Context context, String size) throws Exception {
        var middle = Instant.parse("2021-01-01T00:00:00Z");
        var at = Instant.parse("2021-06-01T00:00:00Z");
        try (var raw = new RawPages(context.stack().query())) {
            for (var view : PageRequest.View.values()) {
                var request = new PageRequest(
                        "crisis", "bench-scale", middle, view, view == PageRequest.View.CURRENT ? null : at);
                String label = switch (view) {
                    case CURRENT -> "current";
                    case AS_OF -> "asOf";
                    case KNOWN_AT -> "knownAt";
                };
                context.appendix(
                        "Plan of a " + label + " page of the crisis timeline at " + size + " incidents (from 2021-01-01"
                                + (request.at() == null ? "" : ", at 2021-06-01") + ")",
                        raw.explain(request));
            }
        }
    }

    private static String goal(int size) {
        return size < 1_000_000 ? "flat as the data grows" : "< 10 ms, flat as the data grows";
    }

    private static String count(int size) {
        return size >= 1_000_000 ? size / 1_000_000 + "M" : size / 1_000 + "k";
    }

    private record Measured(Histogram ours, Histogram raw) {

        long oursP99() {
            return ours.getValueAtPercentile(99);
        }

        Row row(String scenario, String goal, Boolean met) {
            long rawP99 = raw.getValueAtPercentile(99);
            return new Row(
                    scenario,
                    "p99 over HTTP vs raw SQL",
                    Figures.ms(oursP99()),
                    Figures.ms(rawP99),
                    Figures.times(oursP99(), rawP99),
                    goal,
                    met);
        }
    }
}
