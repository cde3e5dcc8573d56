/**
 * The HTML report of a results folder: {@link org.resolve.report.ReportData#load} reads what the
 * folder holds (the results store, the CSV files and meta.json of {@code run}, {@code compare},
 * {@code sensitivity}, {@code calibrate} and {@code backtest}), {@link org.resolve.report.Charts}
 * draws charts with JFreeChart as inline SVG, {@link org.resolve.report.Provenance} lists every
 * parameter with its evidence, and {@link org.resolve.report.HtmlReport} writes one
 * self-contained page. The web UI reuses the same pieces.
 */
package org.resolve.report;
