package org.resolve.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resolve.analysis.scoring.Ensemble;
import org.resolve.core.ModelVersion;
import org.resolve.core.engine.Metric;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.Source;
import org.resolve.core.scenario.Wave;
import org.resolve.store.SweepInfo;

/**
 * Writes the report of a results folder as one self-contained HTML file: styles inline, charts
 * inline SVG, no script, nothing fetched from elsewhere (it reads the same offline). The page is
 * also well-formed XML, so tools and tests can parse it. Every text taken from a scenario, a CSV
 * file or meta.json is escaped ({@link Html#escape}).
 *
 * <p>Sections, each present only when the folder holds what it needs: intended use and limits;
 * headline numbers with their 5-95% ranges; fan charts of the daily series; what drives each
 * headline number; comparison; sensitivity indices; calibration; backtest; the provenance of every
 * parameter; and what is needed to reproduce the results.
 */
public final class HtmlReport {
    /** The report's file name in a results folder. */
    public static final String FILE = "report.html";
    /** The generator mark in the page's head; only a file carrying it is ever replaced. */
    public static final String GENERATOR = "Resolve report";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final int MAX_FACTORS = 12;

    private HtmlReport() {
    }

    /**
     * Writes {@code resultsDir/report.html}.
     *
     * @param resultsDir a results folder
     * @return the file written
     * @throws ReportException if the folder holds no results or cannot be read, or if
     *     report.html exists and is not a Resolve report (it is then left alone)
     * @throws IOException if the file cannot be written
     */
    public static Path write(Path resultsDir) throws IOException {
        return write(resultsDir, resultsDir.resolve(FILE));
    }

    /**
     * Writes the report of a results folder to a file, atomically (a temporary file beside it,
     * then a rename).
     *
     * @param resultsDir a results folder
     * @param target the file to write; replaced only when it is an earlier Resolve report
     * @return the file written
     * @throws ReportException if the folder holds no results or cannot be read, or if the target
     *     exists and is not a Resolve report
     * @throws IOException if the file cannot be written
     */
    public static Path write(Path resultsDir, Path target) throws IOException {
        if (Files.exists(target) && !isReport(target)) {
            throw new ReportException(target + " exists and is not a Resolve report; not overwritten (choose another file)");
        }
        String html = render(ReportData.load(resultsDir));
        org.resolve.store.AtomicFiles.write(target, html);
        return target;
    }

    /** @return whether the file starts like a page this class wrote */
    static boolean isReport(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] head = new byte[600];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return new String(head, 0, n, StandardCharsets.UTF_8).contains("<meta name=\"generator\" content=\"" + GENERATOR);
    }

    /**
     * @param data what a results folder holds
     * @return the page
     */
    public static String render(ReportData data) {
        return new Page(data).render();
    }

    /** One page being written. */
    private static final class Page {
        private final ReportData d;
        private final StringBuilder h = new StringBuilder(1 << 16);
        private final Scenario sc;
        private int charts;

        Page(ReportData d) {
            this.d = d;
            this.sc = d.scenario().map(ReportData.ScenarioCheck::scenario).orElse(null);
        }

        String render() {
            String id = scenarioId();
            String title = first(d.meta().get("title"), sc == null ? null : sc.title(), "");
            h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                    .append("<meta name=\"generator\" content=\"").append(GENERATOR).append(' ').append(e(ModelVersion.get())).append("\"/>\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                    .append("<title>Resolve report: ").append(e(id.isEmpty() ? d.dir().getFileName().toString() : id)).append("</title>\n")
                    .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
            h.append("<header>\n<p class=\"kicker\">Resolve report</p>\n<h1>").append(e(id.isEmpty() ? "Results" : id)).append("</h1>\n");
            if (!title.isEmpty()) {
                h.append("<p class=\"subtitle\">").append(e(title)).append("</p>\n");
            }
            h.append("<p>").append(e(summaryLine())).append("</p>\n</header>\n");
            intendedUse();
            contents();
            headline();
            fans();
            drivers();
            comparison();
            sensitivity();
            calibration();
            backtest();
            provenance();
            reproduce();
            h.append("<footer><p>Written by Resolve ").append(e(ModelVersion.get()))
                    .append(" from the results folder ").append(e(d.dir().getFileName().toString()))
                    .append(". Charts drawn with JFreeChart. Read every number with the intended use and the provenance above.</p></footer>\n");
            h.append("</main>\n</body>\n</html>\n");
            // Wide tables scroll sideways on narrow screens. Escaped texts and SVG text cannot hold "<table".
            return h.toString().replace("<table", "<div class=\"tw\"><table").replace("</table>", "</table></div>");
        }

        // ------------------------------------------------------------ header

        private String scenarioId() {
            if (d.scenario().isPresent()) {
                return d.scenario().get().id();
            }
            return first(d.meta().get("scenario"), d.ensemble().map(SweepInfo::scenarioId).orElse(null), "");
        }

        private String summaryLine() {
            List<String> parts = new ArrayList<>();
            d.ensemble().ifPresent(s -> parts.add("An ensemble of " + d.completedRuns() + " completed replications"
                    + (d.failedRuns() > 0 ? " (" + d.failedRuns() + " failed)" : "") + " in " + s.mode() + " mode over " + s.days()
                    + " days from " + DATE.format(start()) + " (design " + s.design() + ")."));
            d.table("compare").ifPresent(t -> parts.add("A comparison of scenarios under common random numbers."));
            d.table("sensitivity").ifPresent(t -> parts.add("A sensitivity analysis ("
                    + (t.size() > 0 ? t.get(0, "method") : "") + ")."));
            if (d.table("posterior").isPresent() || d.table("fit").isPresent()) {
                parts.add("A calibration to dated reports.");
            }
            d.table("backtest").ifPresent(t -> parts.add("A backtest against later reports."));
            return String.join(" ", parts);
        }

        private LocalDate start() {
            try {
                if (d.meta().containsKey("start")) {
                    return LocalDate.parse(d.meta().get("start"));
                }
            } catch (java.time.format.DateTimeParseException ex) {
                // fall back below
            }
            if (!d.fans().isEmpty()) {
                return d.fans().get(0).start();
            }
            return sc != null ? sc.start() : LocalDate.of(2024, 10, 8);
        }

        private void intendedUse() {
            String use = first(d.meta().get("intended_use"), d.ensemble().map(SweepInfo::intendedUse).orElse(null),
                    sc == null ? null : sc.intendedUse(), "");
            h.append("<section class=\"use\" id=\"intended-use\">\n<h2>Intended use and limits</h2>\n");
            if (!use.isEmpty()) {
                h.append("<p><strong>Intended use, as the scenario states it:</strong> ").append(e(use)).append("</p>\n");
            }
            h.append("<ul>\n<li>Resolve is a tool for <strong>exploring scenarios</strong> and their uncertainty. It is "
                    + "<strong>not a prediction</strong>: every number here follows from the scenario's stated assumptions, "
                    + "listed with their sources under <a href=\"#provenance\">Where every number comes from</a>.</li>\n"
                    + "<li>It is <strong>not an operational or targeting tool</strong>, and must not be used as one.</li>\n"
                    + "<li>Ranges show how widely outcomes spread across the scenario's stated uncertainty and chance; they are "
                    + "not confidence intervals of a forecast. Many parameters are assumptions (marked as such), and the "
                    + "sourced ones come from parties with reasons to inflate or minimise.</li>\n</ul>\n");
            if (d.failedRuns() > 0) {
                h.append("<p class=\"warn\"><strong>").append(d.failedRuns())
                        .append(" replication(s) failed</strong> and are left out of every number below (see runs.csv for their errors).</p>\n");
            }
            d.scenario().filter(c -> !c.exact()).ifPresent(c -> h.append("<p class=\"warn\">").append(e(c.note())).append(".</p>\n"));
            h.append("</section>\n");
        }

        private void contents() {
            Map<String, String> toc = new LinkedHashMap<>();
            if (!d.headlines().isEmpty()) {
                toc.put("headline", "Headline outcomes");
            }
            if (!d.fans().isEmpty()) {
                toc.put("fans", "Day by day");
            }
            if (!d.drivers().isEmpty()) {
                toc.put("drivers", "What drives each number");
            }
            d.table("compare").ifPresent(t -> toc.put("comparison", "Comparison"));
            d.table("sensitivity").ifPresent(t -> toc.put("sensitivity", "Sensitivity"));
            if (d.table("posterior").isPresent() || d.table("fit").isPresent()) {
                toc.put("calibration", "Calibration");
            }
            d.table("backtest").ifPresent(t -> toc.put("backtest", "Backtest"));
            toc.put("provenance", "Where every number comes from");
            toc.put("reproduce", "Reproducing these results");
            h.append("<nav><strong>Contents:</strong> ");
            boolean firstItem = true;
            for (Map.Entry<String, String> en : toc.entrySet()) {
                h.append(firstItem ? "" : " · ").append("<a href=\"#").append(en.getKey()).append("\">").append(e(en.getValue())).append("</a>");
                firstItem = false;
            }
            h.append("</nav>\n");
        }

        // ------------------------------------------------------------ headline and fans

        private void headline() {
            if (d.headlines().isEmpty()) {
                if (d.ensemble().isEmpty() && !d.sweeps().isEmpty()) {
                    h.append("<section id=\"headline\">\n<h2>Headline outcomes</h2>\n<p>This folder holds no ensemble of replications "
                            + "drawn from the scenario's distributions (a sensitivity or calibration design is not one), so no headline "
                            + "ranges are shown. <code>resolve run</code> makes one.</p>\n</section>\n");
                }
                return;
            }
            SweepInfo s = d.ensemble().orElseThrow();
            LocalDate end = start().plusDays(s.days() - 1L);
            h.append("<section id=\"headline\">\n<h2>Headline outcomes</h2>\n<p>At the horizon, ").append(e(DATE.format(end)))
                    .append(" (day ").append(s.days()).append("), across ").append(d.completedRuns())
                    .append(" completed replications: the median replication's value, and the range that holds the middle 90% "
                            + "of replications (5th to 95th percentile).</p>\n<ul class=\"plain\">\n");
            for (ReportData.Headline r : d.headlines()) {
                h.append("<li><strong class=\"big\">").append(e(Format.human(r.median()))).append("</strong> ")
                        .append(e(Format.phrase(r.metric()))).append(" <span class=\"range\">(5–95% range ")
                        .append(e(Format.human(r.q05()))).append(" to ").append(e(Format.human(r.q95()))).append(")</span></li>\n");
            }
            h.append("</ul>\n<table>\n<thead><tr><th>outcome</th><th>what it counts</th><th>unit</th><th class=\"num\">median</th>"
                    + "<th class=\"num\">5–95% range</th><th>driven most by</th></tr></thead>\n<tbody>\n");
            for (ReportData.Headline r : d.headlines()) {
                h.append("<tr id=\"headline-").append(e(r.metric().key())).append("\"><td><code>").append(e(r.metric().key()))
                        .append("</code></td><td>").append(e(r.metric().description())).append("</td><td>").append(e(Format.unit(r.metric())))
                        .append("</td><td class=\"num\">").append(e(Format.human(r.median()))).append("</td><td class=\"num\">")
                        .append(e(Format.human(r.q05()))).append(" – ").append(e(Format.human(r.q95()))).append("</td><td>");
                ReportData.Drivers dr = d.drivers().get(r.metric());
                if (dr != null) {
                    List<String> names = new ArrayList<>();
                    for (ReportData.Driver x : dr.top()) {
                        names.add("<code>" + e(x.factor()) + "</code> (" + e(symbol(dr.method())) + " " + e(driverValue(dr.method(), x.value())) + ")");
                    }
                    h.append(String.join(", ", names));
                }
                h.append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n</section>\n");
        }

        private void fans() {
            if (d.fans().isEmpty()) {
                return;
            }
            h.append("<section id=\"fans\">\n<h2>How the outcomes unfold, day by day</h2>\n<p class=\"howto\"><strong>How to read a "
                    + "fan chart:</strong> the dark line is the median replication on each day; the darker band holds the middle 50% "
                    + "of replications and the lighter band 90%. A wide band means the outcome depends strongly on uncertain "
                    + "assumptions or on chance; it is not a forecast error.</p>\n");
            for (FanSeries f : d.fans()) {
                h.append("<figure>\n").append(Charts.fanChartSvg(chartId("fan-" + f.metric()), f, Charts.WIDTH, 360))
                        .append("\n<figcaption><code>").append(e(f.metric())).append("</code>, in ").append(e(f.unit()))
                        .append(", cumulative since the start unless a level (soldiers at the front).</figcaption>\n</figure>\n");
            }
            h.append("</section>\n");
        }

        // ------------------------------------------------------------ drivers

        private void drivers() {
            if (d.drivers().isEmpty()) {
                return;
            }
            String method = d.drivers().values().iterator().next().method();
            h.append("<section id=\"drivers\">\n<h2>What drives each headline number</h2>\n<p>").append(methodText(method)).append("</p>\n");
            h.append("<table>\n<thead><tr><th>outcome</th><th>strongest</th><th>second</th><th>third</th></tr></thead>\n<tbody>\n");
            for (ReportData.Headline r : d.headlines().isEmpty() ? headlineless() : d.headlines()) {
                ReportData.Drivers dr = d.drivers().get(r.metric());
                if (dr == null) {
                    continue;
                }
                h.append("<tr id=\"drivers-").append(e(r.metric().key())).append("\"><td><code>").append(e(r.metric().key())).append("</code></td>");
                for (int i = 0; i < ReportData.TOP_DRIVERS; i++) {
                    h.append("<td>");
                    if (i < dr.top().size()) {
                        ReportData.Driver x = dr.top().get(i);
                        h.append("<code>").append(e(x.factor())).append("</code><br/>").append(e(symbol(dr.method()))).append(" = ")
                                .append(e(driverValue(dr.method(), x.value())));
                        if (!Double.isNaN(x.low())) {
                            h.append(" [").append(e(driverValue(dr.method(), x.low()))).append(", ").append(e(driverValue(dr.method(), x.high())))
                                    .append(']');
                        }
                        if (method.equals("spearman") && Math.abs(x.value()) < chance()) {
                            h.append(" <span class=\"weak\">(within chance)</span>");
                        }
                    }
                    h.append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n</section>\n");
        }

        /** Headline rows for a folder without an ensemble (drivers from a sensitivity analysis). */
        private List<ReportData.Headline> headlineless() {
            List<ReportData.Headline> l = new ArrayList<>();
            for (Metric m : ReportData.HEADLINE) {
                l.add(new ReportData.Headline(m, Double.NaN, Double.NaN, Double.NaN, 0));
            }
            return l;
        }

        private double chance() {
            return 2 / Math.sqrt(Math.max(1, d.completedRuns() - 1));
        }

        private String methodText(String method) {
            return switch (method) {
                case "sobol" -> "Method: <strong>Sobol total-order indices</strong> (S<sub>T</sub>) from the sensitivity analysis in this "
                        + "folder: the share of the outcome's variance that is due to the parameter, its interactions included, with "
                        + "the bootstrap interval in brackets. 1 means everything, 0 nothing.";
                case "morris" -> "Method: <strong>Morris screening</strong> (μ*, the mean absolute elementary effect, in the outcome's "
                        + "units per step of the parameter across its range) from the sensitivity analysis in this folder, with the "
                        + "bootstrap interval in brackets. It ranks parameters; its values are not shares of variance.";
                default -> "Method: <strong>Spearman rank correlation</strong> (ρ) between each uncertain parameter's sampled value and "
                        + "the outcome across the " + d.completedRuns() + " completed replications of this ensemble. +1 means the outcome "
                        + "rises with the parameter in every replication, -1 that it falls. It is a cheap screen, not a variance "
                        + "decomposition; with few replications |ρ| below " + String.format(Locale.ROOT, "%.2f", chance())
                        + " (2/√(n-1)) is within chance. <code>resolve sensitivity</code> gives Sobol indices instead.";
            };
        }

        private static String symbol(String method) {
            return switch (method) {
                case "sobol" -> "ST";
                case "morris" -> "μ*";
                default -> "ρ";
            };
        }

        private static String driverValue(String method, double v) {
            if (method.equals("spearman")) {
                return String.format(Locale.ROOT, "%+.2f", v);
            }
            return method.equals("morris") ? Format.sig(v) : Format.index(v);
        }

        // ------------------------------------------------------------ comparison

        private void comparison() {
            CsvTable t = d.table("compare").orElse(null);
            if (t == null) {
                return;
            }
            String conf = d.meta().getOrDefault("confidence", "0.95");
            int pct = (int) Math.round(parse(conf, 0.95) * 100);
            h.append("<section id=\"comparison\">\n<h2>Comparison of scenarios</h2>\n<p>Every scenario was run with the same random "
                    + "numbers (replication <em>i</em> of each uses the same seed), so a difference is the scenarios', not chance's. "
                    + "Differences are the scenario's value minus the baseline's, paired replication by replication; the interval is "
                    + "the ").append(pct).append("% confidence interval of the mean difference, and the 5–95% range shows how much the "
                    + "effect itself varies across the stated uncertainty.</p>\n");
            List<String> others = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                if (!others.contains(t.get(i, "scenario"))) {
                    others.add(t.get(i, "scenario"));
                }
            }
            for (String other : others) {
                String base = "";
                List<Interval> pts = new ArrayList<>();
                StringBuilder rows = new StringBuilder();
                for (Metric m : ReportData.HEADLINE) {
                    for (int i = 0; i < t.size(); i++) {
                        if (!t.get(i, "scenario").equals(other) || !t.get(i, "metric").equals(m.key())) {
                            continue;
                        }
                        base = t.get(i, "baseline");
                        double bm = t.number(i, "baseline_mean");
                        double diff = t.number(i, "mean_difference");
                        double lo = t.number(i, "ci_low");
                        double hi = t.number(i, "ci_high");
                        if (bm != 0 && !Double.isNaN(bm)) {
                            pts.add(new Interval(m.key(), "change of the mean", 100 * diff / bm, 100 * lo / bm, 100 * hi / bm));
                        }
                        rows.append("<tr><td><code>").append(e(m.key())).append("</code></td><td>").append(e(Format.unit(m)))
                                .append("</td><td class=\"num\">").append(e(Format.human(bm))).append("</td><td class=\"num\">")
                                .append(e(Format.human(t.number(i, "scenario_mean")))).append("</td><td class=\"num\">")
                                .append(e(Format.signed(diff))).append(" [").append(e(Format.signed(lo))).append(", ")
                                .append(e(Format.signed(hi))).append("]</td><td class=\"num\">").append(e(Format.signed(t.number(i, "q05_difference"))))
                                .append(" – ").append(e(Format.signed(t.number(i, "q95_difference")))).append("</td></tr>\n");
                        if (m == Metric.KILLED && !Double.isNaN(diff)) {
                            double saved = -diff;
                            h.append("<p class=\"plain\">In plain words: against <code>").append(e(base)).append("</code>, <code>")
                                    .append(e(other)).append("</code> ").append(saved >= 0 ? "saves " : "costs ")
                                    .append(e(Format.human(Math.abs(saved)))).append(" lives on average (").append(pct)
                                    .append("% interval ").append(e(Format.human(saved >= 0 ? -hi : lo))).append(" to ")
                                    .append(e(Format.human(saved >= 0 ? -lo : hi))).append(") under these assumptions.</p>\n");
                        }
                    }
                }
                h.append("<h3><code>").append(e(other)).append("</code> against <code>").append(e(base)).append("</code></h3>\n");
                if (!pts.isEmpty()) {
                    h.append("<figure>\n").append(Charts.intervalChartSvg(chartId("compare-" + other), other + " against " + base,
                            "change of the mean, % of the baseline's mean (" + pct + "% interval)", pts, true, Charts.WIDTH))
                            .append("\n<figcaption>Each dot is the change of an outcome's mean, as a percentage of the baseline's mean; "
                                    + "the whisker is its ").append(pct).append("% interval. Outcomes whose baseline mean is 0 are "
                                    + "only in the table.</figcaption>\n</figure>\n");
                }
                h.append("<table>\n<thead><tr><th>outcome</th><th>unit</th><th class=\"num\">baseline mean</th><th class=\"num\">scenario mean</th>"
                        + "<th class=\"num\">difference of means [").append(pct).append("% interval]</th><th class=\"num\">5–95% of paired "
                        + "differences</th></tr></thead>\n<tbody>\n").append(rows).append("</tbody>\n</table>\n");
            }
            h.append("<p class=\"note\">Every KPI's row is in compare.csv.</p>\n</section>\n");
        }

        // ------------------------------------------------------------ sensitivity

        private void sensitivity() {
            CsvTable t = d.table("sensitivity").orElse(null);
            if (t == null) {
                return;
            }
            String method = t.size() > 0 ? t.get(0, "method") : "";
            h.append("<section id=\"sensitivity\">\n<h2>Sensitivity analysis</h2>\n<p>");
            if (method.equals("sobol")) {
                h.append("Sobol indices over the scenario's uncertain parameters: the <strong>first-order index</strong> "
                        + "(S<sub>1</sub>) is the share of an outcome's variance a parameter causes alone, the <strong>total index</strong> "
                        + "(S<sub>T</sub>) the share it causes with its interactions. Whiskers are bootstrap intervals; wide ones "
                        + "mean the design was too small to tell. Indices describe this model under the scenario's stated ranges, "
                        + "not the world.");
            } else {
                h.append("Morris screening over the scenario's uncertain parameters: <strong>μ*</strong> is the mean absolute "
                        + "change of the outcome (in its units) per step of the parameter across its range, with a bootstrap "
                        + "interval; σ (in the table) measures how much that effect depends on the other parameters. It ranks "
                        + "parameters; it does not split variance.");
            }
            h.append(" The ").append(MAX_FACTORS).append(" strongest factors are charted for each outcome.</p>\n");
            List<String> metrics = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                if (!metrics.contains(t.get(i, "metric"))) {
                    metrics.add(t.get(i, "metric"));
                }
            }
            for (String m : metrics) {
                String rankIndex = method.equals("sobol") ? "ST" : "mu_star";
                List<Integer> rank = new ArrayList<>();
                for (int i = 0; i < t.size(); i++) {
                    if (t.get(i, "metric").equals(m) && t.get(i, "index").equals(rankIndex)) {
                        rank.add(i);
                    }
                }
                rank.sort((a, b) -> Double.compare(nz(t.number(b, "value")), nz(t.number(a, "value"))));
                List<String> factors = new ArrayList<>();
                for (int i : rank.subList(0, Math.min(MAX_FACTORS, rank.size()))) {
                    factors.add(t.get(i, "factor"));
                }
                List<Interval> pts = new ArrayList<>();
                StringBuilder rows = new StringBuilder();
                int excluded = 0;
                int used = 0;
                double maxValue = 0;
                for (String f : factors) {
                    for (int i = 0; i < t.size(); i++) {
                        if (!t.get(i, "metric").equals(m) || !t.get(i, "factor").equals(f) || t.get(i, "index").equals("S2")) {
                            continue;
                        }
                        String label = switch (t.get(i, "index")) {
                            case "S1" -> "first order (S1)";
                            case "ST" -> "total (ST)";
                            default -> "μ*";
                        };
                        double v = t.number(i, "value");
                        maxValue = Math.max(maxValue, Math.abs(nz(v)));
                        pts.add(new Interval(f, label, v, t.number(i, "ci_low"), t.number(i, "ci_high")));
                        excluded = Math.max(excluded, (int) nz(t.number(i, "n_excluded")));
                        used = Math.max(used, (int) nz(t.number(i, "n_used")));
                        rows.append("<tr><td><code>").append(e(f)).append("</code></td><td>").append(e(label)).append("</td><td class=\"num\">")
                                .append(e(Format.index(v))).append("</td><td class=\"num\">[").append(e(Format.index(t.number(i, "ci_low"))))
                                .append(", ").append(e(Format.index(t.number(i, "ci_high")))).append("]</td>");
                        if (method.equals("morris")) {
                            rows.append("<td class=\"num\">").append(e(Format.sig(t.number(i, "mu")))).append("</td><td class=\"num\">")
                                    .append(e(Format.sig(t.number(i, "sigma")))).append("</td>");
                        }
                        rows.append("</tr>\n");
                    }
                }
                Metric metric = Metric.byKey(m);
                h.append("<h3><code>").append(e(m)).append("</code>").append(metric == null ? "" : " – " + e(Format.phrase(metric))).append("</h3>\n");
                if (maxValue == 0) {
                    h.append("<p class=\"warn\">Every index of this outcome is 0: it did not vary across the design (for example no "
                            + "surrenders without a campaign), so it has no drivers to rank.</p>\n");
                } else {
                    if (used > 0 && excluded > 0.1 * (used + excluded)) {
                        h.append("<p class=\"warn\">").append(excluded).append(" of ").append(used + excluded)
                                .append(" design rows were excluded (failed or non-finite runs): these indices are unreliable.</p>\n");
                    }
                    h.append("<figure>\n").append(Charts.intervalChartSvg(chartId("sens-" + m), m + ": "
                            + (method.equals("sobol") ? "Sobol indices" : "Morris μ*"), method.equals("sobol") ? "index (share of variance)"
                            : "μ* (" + (metric == null ? "outcome units" : Format.unit(metric)) + ")", pts, method.equals("sobol"), Charts.WIDTH))
                            .append("\n</figure>\n");
                }
                h.append("<details><summary>Table</summary>\n<table>\n<thead><tr><th>factor</th><th>index</th><th class=\"num\">value</th>"
                        + "<th class=\"num\">interval</th>").append(method.equals("morris") ? "<th class=\"num\">μ</th><th class=\"num\">σ</th>" : "")
                        .append("</tr></thead>\n<tbody>\n").append(rows).append("</tbody>\n</table>\n</details>\n");
            }
            h.append("<p class=\"note\">Every index is in sensitivity.csv.</p>\n</section>\n");
        }

        private static double nz(double v) {
            return Double.isNaN(v) ? 0 : v;
        }

        // ------------------------------------------------------------ calibration

        private void calibration() {
            CsvTable post = d.table("posterior").orElse(null);
            CsvTable fit = d.table("fit").orElse(null);
            if (post == null && fit == null) {
                return;
            }
            Map<String, String> m = d.meta();
            h.append("<section id=\"calibration\">\n<h2>Calibration to dated reports</h2>\n<p>The scenario's uncertain parameters and "
                    + "each claimant's multiplicative bias were fitted to the reports of an observation ledger");
            if (m.containsKey("until")) {
                h.append(" published by ").append(e(m.get("until")));
            }
            if (m.containsKey("observations")) {
                h.append(" (").append(e(Path.of(m.get("observations")).getFileName().toString())).append(')');
            }
            h.append(", by ").append(e(m.getOrDefault("method", "sequential Monte Carlo"))).append(".</p>\n");
            if ("false".equals(m.get("reached_posterior"))) {
                h.append("<p class=\"warn\">The sampler stopped before reaching the posterior (too few tempering stages): the intervals "
                        + "below are not yet the posterior's.</p>\n");
            }
            if (post != null && post.has("weight")) {
                h.append("<h3>Parameters after calibration</h3>\n<table>\n<thead><tr><th>parameter</th><th>prior (the scenario's)</th>"
                        + "<th class=\"num\">posterior median</th><th class=\"num\">90% interval</th></tr></thead>\n<tbody>\n");
                double[] w = new double[post.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = post.number(i, "weight");
                }
                for (String col : post.header()) {
                    if (List.of("particle", "weight", "distance").contains(col)) {
                        continue;
                    }
                    double[] v = new double[post.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = post.number(i, col);
                    }
                    Ensemble en = Ensemble.weighted(v, w);
                    Param p = Param.byKey(col);
                    String prior = p != null && sc != null ? sc.spec(p).distribution().describe()
                            : col.startsWith("bias:") ? "claimant's bias (reported / model value)"
                            : col.startsWith("noise:") ? "claimant's noise (log-sd)" : "";
                    h.append("<tr><td><code>").append(e(col)).append("</code></td><td>").append(e(prior)).append("</td><td class=\"num\">")
                            .append(e(Format.sig(en.quantile(0.5)))).append("</td><td class=\"num\">").append(e(Format.sig(en.quantile(0.05))))
                            .append(" – ").append(e(Format.sig(en.quantile(0.95)))).append("</td></tr>\n");
                }
                h.append("</tbody>\n</table>\n");
            }
            if (fit != null) {
                h.append("<h3>Fit to each report</h3>\n<p>For each report used, the posterior predictive of the reported value (the "
                        + "claimant's bias included): the dot is its median and the whisker its 90% interval; the report itself is the "
                        + "second dot (its range for a range report).</p>\n");
                reportsVsModel(fit, "predicted_q50", "predicted_q05", "predicted_q95", "fit", "model (median, 90% predictive)");
            }
            h.append("</section>\n");
        }

        /** Charts per quantity and a table of reports against the model's predictive intervals. */
        private void reportsVsModel(CsvTable t, String q50, String q05, String q95, String idPrefix, String modelLabel) {
            Map<String, List<Interval>> byQuantity = new LinkedHashMap<>();
            for (int i = 0; i < t.size(); i++) {
                String cat = t.get(i, "id") + " (" + t.get(i, "date") + ")";
                List<Interval> l = byQuantity.computeIfAbsent(t.get(i, "quantity"), k -> new ArrayList<>());
                l.add(new Interval(cat, modelLabel, t.number(i, q50), t.number(i, q05), t.number(i, q95)));
                double lo = t.number(i, "low");
                double hi = t.number(i, "high");
                double mid = Double.isNaN(lo) ? hi : Double.isNaN(hi) ? lo : (lo + hi) / 2;
                if (!Double.isNaN(mid)) {
                    l.add(new Interval(cat, "reported", mid, Double.isNaN(lo) ? mid : lo, Double.isNaN(hi) ? mid : hi));
                }
            }
            for (Map.Entry<String, List<Interval>> en : byQuantity.entrySet()) {
                h.append("<figure>\n").append(Charts.intervalChartSvg(chartId(idPrefix + "-" + en.getKey()), en.getKey(),
                        en.getKey() + " (as reported)", en.getValue(), true, Charts.WIDTH)).append("\n</figure>\n");
            }
            h.append("<table>\n<thead><tr><th>report</th><th>date</th><th>claimant</th><th>quantity</th><th>kind</th>"
                    + "<th class=\"num\">reported</th><th class=\"num\">model median [90%]</th>");
            boolean scored = t.has("crps");
            if (scored) {
                h.append("<th>inside 90%</th><th class=\"num\">CRPS</th><th class=\"num\">interval score: model</th>"
                        + "<th class=\"num\">linear baseline</th><th class=\"num\">no-change baseline</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            for (int i = 0; i < t.size(); i++) {
                h.append("<tr><td>").append(e(t.get(i, "id"))).append("</td><td>").append(e(t.get(i, "date"))).append("</td><td>")
                        .append(e(t.get(i, "claimant"))).append("</td><td><code>").append(e(t.get(i, "quantity"))).append("</code></td><td>")
                        .append(e(t.get(i, "kind"))).append("</td><td class=\"num\">").append(e(reported(t, i))).append("</td><td class=\"num\">")
                        .append(e(Format.sig(t.number(i, q50)))).append(" [").append(e(Format.sig(t.number(i, q05)))).append(", ")
                        .append(e(Format.sig(t.number(i, q95)))).append("]</td>");
                if (scored) {
                    h.append("<td>").append("true".equalsIgnoreCase(t.get(i, "in90")) ? "yes" : "no").append("</td><td class=\"num\">")
                            .append(e(Format.sig(t.number(i, "crps")))).append("</td><td class=\"num\">")
                            .append(e(Format.sig(t.number(i, "interval_score")))).append("</td><td class=\"num\">")
                            .append(e(Format.sig(t.number(i, "linear_interval_score")))).append("</td><td class=\"num\">")
                            .append(e(Format.sig(t.number(i, "none_interval_score")))).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }

        private static String reported(CsvTable t, int i) {
            String lo = Format.sig(t.number(i, "low"));
            String hi = Format.sig(t.number(i, "high"));
            return switch (t.get(i, "kind")) {
                case "lower" -> "≥ " + lo;
                case "upper" -> "≤ " + hi;
                case "range" -> lo + " – " + hi;
                default -> lo;
            };
        }

        // ------------------------------------------------------------ backtest

        private void backtest() {
            CsvTable t = d.table("backtest").orElse(null);
            if (t == null) {
                return;
            }
            int in90 = 0;
            int in50 = 0;
            double crps = 0;
            for (int i = 0; i < t.size(); i++) {
                in90 += "true".equalsIgnoreCase(t.get(i, "in90")) ? 1 : 0;
                in50 += "true".equalsIgnoreCase(t.get(i, "in50")) ? 1 : 0;
                crps += nz(t.number(i, "crps"));
            }
            h.append("<section id=\"backtest\">\n<h2>Backtest against later reports</h2>\n<p>The model was calibrated on the reports known by ");
            h.append(e(t.has("cutoff") && t.size() > 0 ? t.get(0, "cutoff") : "the cut-off"))
                    .append(" and its forecasts scored against every later report, in the claimants' terms (their bias included): ")
                    .append(in90).append(" of ").append(t.size()).append(" reports fall inside the model's 90% interval and ").append(in50)
                    .append(" inside its 50% interval; the mean CRPS is ").append(e(Format.sig(t.size() == 0 ? Double.NaN : crps / t.size())))
                    .append(" (lower is better). The two naive baselines extrapolate the last reported daily rate (linear) or assume "
                            + "no further change. A backtest checks the model against what was reported later; it does not make it a "
                            + "forecaster.</p>\n");
            reportsVsModel(t, "q50", "q05", "q95", "backtest", "model (median, 90% predictive)");
            h.append("</section>\n");
        }

        // ------------------------------------------------------------ provenance

        private void provenance() {
            h.append("<section id=\"provenance\">\n<h2>Where every number comes from</h2>\n");
            ReportData.ScenarioCheck check = d.scenario().orElse(null);
            if (check == null || sc == null) {
                h.append("<p class=\"warn\">").append(check == null ? "This folder does not record its scenario" : e(check.note()))
                        .append("; the parameters' provenance cannot be shown. Run <code>resolve report</code> on the folder of a "
                                + "<code>resolve run</code>.</p>\n</section>\n");
                return;
            }
            List<Provenance.Row> rows = Provenance.rows(sc);
            long uncertain = rows.stream().filter(Provenance.Row::uncertain).count();
            long assumed = rows.stream().filter(Provenance.Row::assumption).count();
            long sourced = rows.stream().filter(r -> !r.evidence().isEmpty()).count();
            h.append("<p>Scenario <code>").append(e(sc.id())).append("</code> (").append(e(check.note())).append("). Each of its ")
                    .append(rows.size()).append(" parameters cites its evidence — who claimed it, when, where, in their words — or is "
                            + "marked an <strong>assumption</strong> with the reason. ").append(sourced).append(" cite sources, ")
                    .append(assumed).append(" are (also) assumptions, and ").append(uncertain).append(" are uncertain (given a "
                            + "distribution, drawn anew in every replication).</p>\n");
            h.append("<table class=\"prov\">\n<thead><tr><th>parameter</th><th>value or distribution</th><th>evidence or assumption</th></tr>"
                    + "</thead>\n<tbody>\n");
            for (Provenance.Row r : rows) {
                provenanceRow(r, "param-");
            }
            h.append("</tbody>\n</table>\n");
            waves();
            for (ReportData.ScenarioCheck c : d.compared()) {
                h.append("<h3>What <code>").append(e(c.id())).append("</code> changes</h3>\n");
                if (c.scenario() == null) {
                    h.append("<p class=\"warn\">").append(e(c.note())).append(".</p>\n");
                    continue;
                }
                h.append("<p>").append(e(c.note())).append(". The parameters whose value, distribution or evidence differ from <code>")
                        .append(e(sc.id())).append("</code>:</p>\n<table class=\"prov\">\n<thead><tr><th>parameter</th><th>value or "
                                + "distribution</th><th>evidence or assumption</th></tr></thead>\n<tbody>\n");
                List<Provenance.Row> base = rows;
                for (Provenance.Row r : Provenance.rows(c.scenario())) {
                    if (!base.contains(r)) {
                        provenanceRow(r, "param-" + c.id() + "-");
                    }
                }
                h.append("</tbody>\n</table>\n");
            }
            h.append("</section>\n");
        }

        private void provenanceRow(Provenance.Row r, String idPrefix) {
            h.append("<tr id=\"").append(e(idPrefix + r.key())).append("\"><td><code>").append(e(r.key())).append("</code><br/><span class=\"desc\">")
                    .append(e(r.description())).append("</span></td><td>");
            if (r.components().isEmpty()) {
                h.append(e(r.value()));
            } else {
                h.append("a mixture of conflicting estimates:<ul>");
                for (String c : r.components()) {
                    h.append("<li>").append(e(c)).append("</li>");
                }
                h.append("</ul>");
            }
            h.append(" <span class=\"unit\">").append(e(r.unit())).append("</span>");
            if (r.uncertain()) {
                h.append(" <span class=\"tag\">uncertain</span>");
            }
            h.append("</td><td>");
            for (Provenance.Evidence ev : r.evidence()) {
                h.append("<div class=\"ev\">");
                if (ev.claimant().isEmpty()) {
                    h.append("source <code>").append(e(ev.id())).append("</code> (not in the scenario's sources)");
                } else {
                    h.append("<strong>").append(e(ev.claimant())).append("</strong>, ").append(e(ev.date())).append(", <em>")
                            .append(e(ev.publication())).append("</em>: <q>").append(e(ev.quote())).append("</q>");
                    if (!ev.reliability().isEmpty()) {
                        h.append(" <span class=\"rel\">").append(e(ev.reliability())).append("</span>");
                    }
                    h.append(" <span class=\"srcid\">[").append(e(ev.id())).append("]</span>");
                }
                h.append("</div>");
            }
            if (r.assumption()) {
                h.append("<div class=\"assume\"><strong>assumption</strong>: ").append(e(r.reason())).append("</div>");
            }
            if (!r.note().isEmpty()) {
                h.append("<div class=\"note\">").append(e(r.note())).append("</div>");
            }
            h.append("</td></tr>\n");
        }

        private void waves() {
            if (sc.waves().isEmpty()) {
                return;
            }
            h.append("<h3>Deployment waves</h3>\n<table class=\"prov\">\n<thead><tr><th>wave</th><th>departs</th><th class=\"num\">soldiers</th>"
                    + "<th>drawn from</th><th>evidence or assumption</th></tr></thead>\n<tbody>\n");
            for (Wave w : sc.waves()) {
                h.append("<tr><td>").append(e(w.id())).append("</td><td>").append(e(w.date().toString()))
                        .append(w.repeatTimes() > 0 ? " (then " + w.repeatTimes() + " more, every " + w.repeatEveryDays() + " days)" : "")
                        .append("</td><td class=\"num\">").append(e(Format.human(w.size()))).append("</td><td>").append(e(w.unitType().key()))
                        .append("</td><td>");
                for (String id : w.provenance().evidence()) {
                    Source s = sc.sources().get(id);
                    h.append("<div class=\"ev\">");
                    if (s == null) {
                        h.append("<code>").append(e(id)).append("</code>");
                    } else {
                        h.append("<strong>").append(e(s.claimant())).append("</strong>, ").append(e(s.date())).append(", <em>")
                                .append(e(s.publication())).append("</em>: <q>").append(e(s.quote())).append("</q>");
                    }
                    h.append("</div>");
                }
                if (w.provenance().assumption()) {
                    h.append("<div class=\"assume\"><strong>assumption</strong>: ").append(e(w.provenance().reason())).append("</div>");
                }
                h.append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }

        // ------------------------------------------------------------ reproduce

        private void reproduce() {
            SweepInfo s = d.ensemble().orElse(d.sweeps().isEmpty() ? null : d.sweeps().get(d.sweeps().size() - 1));
            Map<String, String> m = d.meta();
            Map<String, String> rows = new LinkedHashMap<>();
            rows.put("model version", first(m.get("model_version"), s == null ? null : s.modelVersion(), "not recorded"));
            rows.put("root seed", first(m.get("root_seed"), s == null ? null : Long.toString(s.rootSeed()), "not recorded"));
            rows.put("scenario", scenarioId().isEmpty() ? "not recorded" : scenarioId());
            rows.put("scenario hash (SHA-256)", first(m.get("scenario_hash"), s == null ? null : s.scenarioHash(),
                    d.scenario().map(c -> c.scenario() == null ? null : c.scenario().hash()).orElse(null), "not recorded"));
            rows.put("command line", first(m.get("command_line"), s == null ? null : s.commandLine(), "not recorded"));
            if (s != null) {
                rows.put("sweep id", s.sweepId());
                rows.put("design", s.design());
                rows.put("engine", s.engine());
                rows.put("attrition law", s.attritionLaw());
                rows.put("replications (planned)", Integer.toString(s.runs()));
                rows.put("days", Integer.toString(s.days()));
                rows.put("status", s.status());
            }
            h.append("<section id=\"reproduce\">\n<h2>Reproducing these results</h2>\n<p>The same model version, scenario (checked by "
                    + "its hash), seed and command give the same numbers, on any number of threads.</p>\n<table class=\"kv\">\n<tbody>\n");
            for (Map.Entry<String, String> en : rows.entrySet()) {
                h.append("<tr><th>").append(e(en.getKey())).append("</th><td><code>").append(e(en.getValue())).append("</code></td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
            if (!m.isEmpty()) {
                h.append("<details><summary>Everything in meta.json</summary>\n<table class=\"kv\">\n<tbody>\n");
                for (Map.Entry<String, String> en : m.entrySet()) {
                    h.append("<tr><th>").append(e(en.getKey())).append("</th><td>").append(e(en.getValue())).append("</td></tr>\n");
                }
                h.append("</tbody>\n</table>\n</details>\n");
            }
            if (d.sweeps().size() > 1) {
                h.append("<details><summary>Every sweep in the results store</summary>\n<table>\n<thead><tr><th>sweep id</th><th>scenario</th>"
                        + "<th>design</th><th>engine</th><th class=\"num\">runs</th><th>status</th><th>command line</th></tr></thead>\n<tbody>\n");
                for (SweepInfo x : d.sweeps()) {
                    h.append("<tr><td><code>").append(e(x.sweepId())).append("</code></td><td>").append(e(x.scenarioId())).append("</td><td>")
                            .append(e(x.design())).append("</td><td>").append(e(x.engine())).append("</td><td class=\"num\">").append(x.runs())
                            .append("</td><td>").append(e(x.status())).append("</td><td><code>").append(e(x.commandLine())).append("</code></td></tr>\n");
                }
                h.append("</tbody>\n</table>\n</details>\n");
            }
            h.append("</section>\n");
        }

        // ------------------------------------------------------------ helpers

        private String chartId(String name) {
            return "chart" + (++charts) + "-" + name.replaceAll("[^A-Za-z0-9_-]", "_");
        }

        private static String e(String s) {
            return Html.escape(s);
        }

        private static double parse(String s, double dflt) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException | NullPointerException ex) {
                return dflt;
            }
        }

        private static String first(String... values) {
            for (String v : values) {
                if (v != null && !v.isEmpty()) {
                    return v;
                }
            }
            return "";
        }
    }

    /** The page's styles: readable on screen and on paper, no external fonts. */
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1a1a1a;background:#fff;\
            margin:0;line-height:1.5}
            main{max-width:62rem;margin:0 auto;padding:1.5rem}
            h1{font-size:1.9rem;margin:.2rem 0}
            h2{font-size:1.4rem;margin-top:2.4rem;border-bottom:2px solid #08306b;padding-bottom:.2rem}
            h3{font-size:1.1rem;margin-top:1.6rem}
            .kicker{text-transform:uppercase;letter-spacing:.08em;color:#555;font-size:.8rem;margin:0}
            .subtitle{font-size:1.15rem;color:#333;margin:.2rem 0 .6rem}
            .use{border:2px solid #b35806;background:#fff7ec;padding:.3rem 1.1rem;margin:1.2rem 0;border-radius:4px}
            .use h2{border:none;margin-top:.6rem;color:#7f3b08}
            nav{font-size:.95rem;margin:1rem 0}
            .warn{background:#fde0dd;border-left:4px solid #c51b7d;padding:.4rem .8rem}
            .howto{background:#eef4fa;border-left:4px solid #2166ac;padding:.4rem .8rem}
            ul.plain{list-style:none;padding-left:0}
            ul.plain li{margin:.25rem 0}
            .big{font-size:1.2rem}
            .range,.desc,.rel,.srcid,.unit,.note{color:#555}
            .desc,.rel,.srcid{font-size:.88rem}
            .tag{font-size:.75rem;background:#e0ecf4;border-radius:3px;padding:0 .3rem}
            table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.92rem}
            th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
            thead th{background:#f0f0f0}
            td.num,th.num{text-align:right}
            td.num{white-space:nowrap}
            .tw{overflow-x:auto}
            table.kv th{width:14rem;background:#f7f7f7}
            .prov td{font-size:.88rem}
            .prov ul{margin:.2rem 0;padding-left:1.1rem}
            .ev{margin-bottom:.35rem}
            .assume{color:#7f3b08}
            .weak{color:#777;font-size:.85rem}
            figure{margin:1rem 0;page-break-inside:avoid}
            figure svg{width:100%;height:auto;display:block}
            figcaption{font-size:.88rem;color:#444}
            details{margin:.5rem 0}
            code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em}
            footer{margin-top:3rem;font-size:.85rem;color:#555;border-top:1px solid #ccc}
            """;
}
