package org.resolve.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Charts drawn by JFreeChart and rendered to SVG by JFreeSVG, as strings to inline in a page.
 * Texts drawn into a chart (titles, factor names, report ids) are escaped by JFreeSVG; the SVG
 * element scales to its container's width (a view box, no fixed size).
 */
public final class Charts {
    /** Default chart width in SVG user units. */
    public static final int WIDTH = 760;
    private static final Color BAND90 = new Color(0xc6, 0xdb, 0xef);
    private static final Color BAND50 = new Color(0x6b, 0xae, 0xd6);
    private static final Color MEDIAN = new Color(0x08, 0x30, 0x6b);
    private static final Color[] SERIES = {new Color(0x21, 0x66, 0xac), new Color(0xd6, 0x60, 0x4d), new Color(0x1b, 0x78, 0x37),
        new Color(0x76, 0x2a, 0x83)};
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Charts() {
    }

    /**
     * A fan chart: the median across replications as a line, the central 50% and 90% of
     * replications as bands, over dates.
     *
     * @param id the SVG element's id (unique in the page; also prefixes its internal ids)
     * @param fan the series
     * @param width width in SVG user units (pixels at 100%), at least 200
     * @param height height in SVG user units, at least 120
     * @return the {@code <svg>} element
     */
    public static String fanChartSvg(String id, FanSeries fan, int width, int height) {
        YIntervalSeries s90 = new YIntervalSeries("90% of replications");
        YIntervalSeries s50 = new YIntervalSeries("50% of replications");
        YIntervalSeries med = new YIntervalSeries("median");
        for (FanSeries.Day d : fan.days()) {
            double x = millis(fan.start().plusDays(d.day()));
            s90.add(x, d.q50(), d.q05(), d.q95());
            s50.add(x, d.q50(), d.q25(), d.q75());
            med.add(x, d.q50(), d.q50(), d.q50());
        }
        YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
        ds.addSeries(s90);
        ds.addSeries(s50);
        ds.addSeries(med);
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(1f);
        r.setSeriesFillPaint(0, BAND90);
        r.setSeriesFillPaint(1, BAND50);
        r.setSeriesFillPaint(2, MEDIAN);
        r.setSeriesPaint(0, BAND90);
        r.setSeriesPaint(1, BAND50);
        r.setSeriesPaint(2, MEDIAN);
        r.setSeriesLinesVisible(0, false);
        r.setSeriesLinesVisible(1, false);
        r.setSeriesStroke(2, new BasicStroke(2f));
        DateAxis x = new DateAxis("date");
        x.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        SimpleDateFormat f = new SimpleDateFormat("d MMM yyyy", Locale.ENGLISH);
        f.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        x.setDateFormatOverride(f);
        x.setLowerMargin(0);
        x.setUpperMargin(0);
        NumberAxis y = new NumberAxis(fan.unit());
        y.setNumberFormatOverride(new HumanFormat());
        y.setAutoRangeIncludesZero(true);
        y.setAutoRangeMinimumSize(1);
        XYPlot plot = new XYPlot(ds, x, y, r);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // the 50% band over the 90% band, the median over both
        style(plot);
        LegendItemCollection legend = new LegendItemCollection();
        Rectangle2D swatch = new Rectangle2D.Double(-7, -5, 14, 10);
        legend.add(new LegendItem("90% of replications", null, null, null, swatch, BAND90));
        legend.add(new LegendItem("50% of replications", null, null, null, swatch, BAND50));
        legend.add(new LegendItem("median", null, null, null, new Line2D.Double(-7, 0, 7, 0), new BasicStroke(2f), MEDIAN));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(fan.label(), TITLE, plot, true);
        chart.addSubtitle(new TextTitle("median, 50% and 90% of " + fan.replications() + " replications, by day", LABEL));
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.setBackgroundPaint(Color.WHITE);
        return svg(id, chart, width, height);
    }

    /**
     * A dot-and-whisker chart: one row per category, one dot per series with its interval.
     *
     * @param id the SVG element's id (unique in the page)
     * @param title the chart's title
     * @param valueLabel the value axis' label (with its unit)
     * @param points the points; categories and series are shown in order of first appearance
     * @param zeroLine whether to mark the value 0 (for differences)
     * @param width width in SVG user units, at least 200
     * @return the {@code <svg>} element; its height grows with the number of categories
     */
    public static String intervalChartSvg(String id, String title, String valueLabel, List<Interval> points, boolean zeroLine, int width) {
        Map<String, Integer> categories = new LinkedHashMap<>();
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        for (Interval p : points) {
            categories.putIfAbsent(p.category(), categories.size());
            series.computeIfAbsent(p.series(), YIntervalSeries::new);
        }
        int ns = series.size();
        List<String> seriesKeys = new ArrayList<>(series.keySet());
        for (Interval p : points) {
            int k = seriesKeys.indexOf(p.series());
            double offset = ns == 1 ? 0 : (k - (ns - 1) / 2.0) * (0.5 / ns);
            double lo = Double.isNaN(p.low()) ? p.value() : p.low();
            double hi = Double.isNaN(p.high()) ? p.value() : p.high();
            series.get(p.series()).add(categories.get(p.category()) + offset, p.value(), lo, hi);
        }
        YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
        series.values().forEach(ds::addSeries);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setCapLength(5);
        r.setErrorStroke(new BasicStroke(1.5f));
        for (int k = 0; k < ns; k++) {
            r.setSeriesPaint(k, SERIES[k % SERIES.length]);
            r.setSeriesShape(k, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        }
        SymbolAxis cat = new SymbolAxis(null, categories.keySet().toArray(new String[0]));
        cat.setGridBandsVisible(false);
        cat.setInverted(true);
        cat.setTickLabelFont(LABEL);
        cat.setLowerMargin(0);
        cat.setUpperMargin(0);
        cat.setRange(-0.6, Math.max(0.6, categories.size() - 0.4));
        cat.setAutoRange(false);
        NumberAxis val = new NumberAxis(valueLabel);
        val.setAutoRangeIncludesZero(zeroLine);
        boolean allZero = true;
        for (Interval p : points) {
            allZero &= p.value() == 0 && (Double.isNaN(p.low()) || p.low() == 0) && (Double.isNaN(p.high()) || p.high() == 0);
        }
        if (allZero) {
            val.setRange(-1, 1); // otherwise the axis zooms into rounding noise
        }
        XYPlot plot = new XYPlot(ds, cat, val, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        style(plot);
        if (zeroLine) {
            ValueMarker m = new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1f));
            plot.addRangeMarker(m);
        }
        JFreeChart chart = new JFreeChart(title, TITLE, plot, ns > 1);
        if (chart.getLegend() != null) {
            chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        }
        chart.setBackgroundPaint(Color.WHITE);
        int height = 110 + 28 * categories.size() + (ns > 1 ? 24 : 0);
        return svg(id, chart, width, height);
    }

    /**
     * Renders any chart to an SVG element.
     *
     * @param id the element's id; also the prefix of the ids JFreeSVG gives clip paths and
     *     gradients, so several charts can share a page and the output is repeatable
     * @param chart the chart
     * @param width width in SVG user units
     * @param height height in SVG user units
     * @return the {@code <svg>} element with a view box and no fixed size
     */
    public static String svg(String id, JFreeChart chart, int width, int height) {
        if (width < 200 || height < 120) {
            throw new IllegalArgumentException("chart size " + width + " x " + height + " is too small; expected at least 200 x 120");
        }
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setOutlineVisible(false);
        plot.getDomainAxis().setLabelFont(LABEL);
        plot.getRangeAxis().setLabelFont(LABEL);
    }

    private static double millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** Axis numbers as {@link Format#human} writes them. */
    private static final class HumanFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(Format.human(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(Format.human(number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null; // axes only format
        }
    }
}
