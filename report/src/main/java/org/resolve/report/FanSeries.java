package org.resolve.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A daily series summarised across an ensemble's replications: for each day the median and the
 * bounds of the central 50% and 90% of replications.
 *
 * @param metric the metric key (see docs/METRICS.md)
 * @param label what the series counts, for the chart's title
 * @param unit the unit of its values, for the axis
 * @param start the date of day 0
 * @param replications how many replications the quantiles are taken over
 * @param days one entry per day recorded, in day order
 */
public record FanSeries(String metric, String label, String unit, LocalDate start, int replications, List<Day> days) {
    /** Copies the list. */
    public FanSeries {
        days = List.copyOf(days);
    }

    /**
     * One day's quantiles across replications.
     *
     * @param day days since the start (0 = the start date)
     * @param q05 5th percentile
     * @param q25 25th percentile
     * @param q50 median
     * @param q75 75th percentile
     * @param q95 95th percentile
     */
    public record Day(int day, double q05, double q25, double q50, double q75, double q95) {
    }
}
