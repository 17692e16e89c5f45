package org.crisistimeline.bench.report;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** How the table writes numbers: rates without decimals, latencies in ms with one decimal. */
public final class Figures {

    private Figures() {}

    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    public static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }

    public static String percent(double ours, double raw) {
        return raw <= 0 ? "" : String.format(Locale.ROOT, "%.0f %%", 100 * ours / raw);
    }

    /** ours / raw for latencies: how many times slower the service is than the raw engine. */
    public static String times(double ours, double raw) {
        return raw <= 0 ? "" : String.format(Locale.ROOT, "%.1f×", ours / raw);
    }

    /** p50 / p99 / p99.9 / max of a histogram of nanoseconds, and how many it holds. */
    public static String latencies(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format(
                Locale.ROOT,
                "p50 %.1f / p99 %.1f / p99.9 %.1f / max %.1f ms (n=%,d)",
                histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6,
                histogram.getValueAtPercentile(99.9) / 1e6,
                histogram.getMaxValue() / 1e6,
                histogram.getTotalCount());
    }
}
