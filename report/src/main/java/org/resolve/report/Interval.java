package org.resolve.report;

/**
 * A value with an interval, for dot-and-whisker charts (indices with confidence intervals,
 * differences with their intervals, predictions with their predictive intervals).
 *
 * @param category the row it belongs to (a factor, a metric, a report)
 * @param series which series (a legend entry: "first order", "total", "reported", ...)
 * @param value the point
 * @param low the interval's lower end, or NaN for none
 * @param high the interval's upper end, or NaN for none
 */
public record Interval(String category, String series, double value, double low, double high) {
}
