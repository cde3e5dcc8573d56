package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Bundled;
import org.resolve.core.scenario.Distribution;
import org.resolve.core.scenario.ParameterSpec;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;
import org.resolve.core.scenario.Source;
import org.resolve.report.ReportData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/** {@code resolve report} and {@code resolve run --report}: the self-contained HTML report. */
class ReportCommandTest {
    private static final String LEDGER = "../core/src/test/resources/observations/observations-to-2025-01-13.csv";

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    /** One fixed-seed run with its report, shared by the tests that only read it. */
    private static Path run;
    private static String html;
    private static Document doc;

    @BeforeAll
    static void runWithReport() throws Exception {
        run = shared.resolve("r");
        Cli c = Cli.run("run", "--replications", "20", "--days", "60", "--seed", "7", "--threads", "2", "--report", "--out", run.toString());
        assertEquals(0, c.code, c.toString());
        assertTrue(c.out.contains("report: "), c.out);
        html = Files.readString(run.resolve("report.html"));
        doc = parse(html);
    }

    @Test
    void theReportOfARunCitesEveryParametersEvidenceAndShowsTheHeadlineNumbersOfTheCsv() throws Exception {
        Scenario sc = ScenarioLoader.load("kursk-2024");
        for (Param p : Param.values()) {
            ParameterSpec spec = sc.spec(p);
            Element row = byId(doc, "param-" + p.key());
            assertNotNull(row, "a provenance row for " + p.key());
            String text = row.getTextContent();
            assertTrue(text.contains(p.key()), p.key());
            Set<String> ids = new LinkedHashSet<>(spec.provenance().evidence());
            if (spec.distribution() instanceof Distribution.Mixture m) {
                m.components().forEach(comp -> ids.addAll(comp.evidence()));
            }
            for (String id : ids) {
                Source s = sc.sources().get(id);
                for (String part : List.of(s.claimant(), s.publication(), s.quote())) {
                    assertTrue(text.contains(part), p.key() + " cites " + id + ": expected '" + part + "' in: " + text);
                }
            }
            if (spec.provenance().assumption()) {
                assertTrue(text.contains("assumption") && text.contains(spec.provenance().reason()), p.key() + ": " + text);
            }
            assertTrue(spec.provenance().assumption() || !ids.isEmpty(), p.key() + " is sourced or assumed");
        }
        for (String metric : List.of("killed", "wounded", "regime_revenue_usd")) {
            double median = median(kpis(run.resolve("kpis.csv"), metric));
            String expected = median >= 1e6 ? String.format(Locale.ROOT, "%.1fM", median / 1e6) : String.format(Locale.ROOT, "%,.0f", median);
            assertTrue(median >= 10, metric + " median " + median + " (the format below assumes at least 10)");
            Element row = byId(doc, "headline-" + metric);
            assertNotNull(row, "a headline row for " + metric);
            assertEquals(expected, cells(row).get(3), metric + ": the median of kpis.csv");
        }
        Map<String, String> meta = new TreeMap<>();
        for (String key : List.of("root_seed", "scenario_hash", "model_version", "command_line")) {
            String json = Files.readString(run.resolve("meta.json"));
            var m = Pattern.compile("\"" + key + "\" : \"?([^\",\\n]*)").matcher(json);
            assertTrue(m.find(), key);
            meta.put(key, m.group(1));
        }
        String reproduce = byId(doc, "reproduce").getTextContent();
        meta.values().forEach(v -> assertTrue(reproduce.contains(v), "reproduce section holds " + v));
        assertTrue(byId(doc, "drivers").getTextContent().contains("Spearman rank correlation"), "the method of the drivers is named");
        assertTrue(byId(doc, "intended-use").getTextContent().contains(sc.intendedUse()));
    }

    @Test
    void theReportIsSelfContainedWellFormedAndHasASvgPerFanChart() {
        assertEquals(0, doc.getElementsByTagName("script").getLength(), "no script");
        for (String tag : List.of("link", "img", "iframe", "object", "embed", "image", "use")) {
            assertEquals(0, doc.getElementsByTagName(tag).getLength(), "no <" + tag + ">");
        }
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attrs = all.item(i).getAttributes();
            for (int a = 0; a < attrs.getLength(); a++) {
                String name = attrs.item(a).getNodeName();
                String value = attrs.item(a).getNodeValue();
                if (name.equals("src") || name.endsWith("href")) {
                    assertTrue(value.startsWith("#"), "only in-page links: " + name + "=" + value);
                }
            }
        }
        assertFalse(html.contains("@import"), "no imported styles");
        assertFalse(Pattern.compile("url\\(\\s*['\"]?(?!#)").matcher(html).find(), "url() only to in-page ids");
        NodeList svgs = doc.getElementsByTagName("svg");
        int fans = 0;
        for (int i = 0; i < svgs.getLength(); i++) {
            Element svg = (Element) svgs.item(i);
            if (svg.getAttribute("id").contains("-fan-")) {
                fans++;
                assertFalse(svg.getAttribute("viewBox").isEmpty(), "scales with the page");
                assertTrue(svg.getElementsByTagName("path").getLength() > 3, "bands and a line are drawn");
            }
        }
        assertEquals(ReportData.FAN_METRICS.size(), fans, "one svg per fan chart");
        assertTrue(byId(doc, "fans").getTextContent().contains("How to read a fan chart"));
        assertTrue(html.indexOf("id=\"intended-use\"") < html.indexOf("id=\"headline\""), "intended use and limits first");
    }

    @Test
    void optionalSectionsAreAbsentFromARunsReport() {
        for (String id : List.of("comparison", "sensitivity", "calibration", "backtest")) {
            assertEquals(null, byId(doc, id), "no " + id + " section without its results");
        }
    }

    @Test
    void aSensitivityFolderGetsASensitivitySectionAndItsIndicesAsDrivers() throws Exception {
        Path out = tmp.resolve("sens");
        Cli s = Cli.run("sensitivity", "kursk-2024", "--method", "morris", "--n", "2", "--days", "30", "--resamples", "20",
                "--threads", "2", "--out", out.toString());
        assertEquals(0, s.code, s.toString());
        Cli r = Cli.run("report", out.toString());
        assertEquals(0, r.code, r.toString());
        Document d = parse(Files.readString(out.resolve("report.html")));
        assertNotNull(byId(d, "sensitivity"));
        assertTrue(byId(d, "sensitivity").getElementsByTagName("svg").getLength() > 0, "index charts");
        assertTrue(byId(d, "drivers").getTextContent().contains("Morris"), "drivers come from the indices");
        for (String id : List.of("fans", "comparison", "calibration", "backtest")) {
            assertEquals(null, byId(d, id), "no " + id + " section");
        }
        assertNotNull(byId(d, "param-regime_share"), "the provenance of the scenario analysed");
    }

    @Test
    void aComparisonFolderGetsAComparisonSectionAndWhatTheOtherScenarioChanges() throws Exception {
        Path out = tmp.resolve("cmp");
        Cli c = Cli.run("compare", "kursk-2024", "kursk-2024-persuasion", "--mode", "aggregate", "--replications", "3", "--days", "30",
                "--out", out.toString());
        assertEquals(0, c.code, c.toString());
        assertEquals(0, Cli.run("report", out.toString()).code);
        Document d = parse(Files.readString(out.resolve("report.html")));
        assertNotNull(byId(d, "comparison"));
        assertTrue(byId(d, "comparison").getElementsByTagName("svg").getLength() > 0);
        assertNotNull(byId(d, "param-kursk-2024-persuasion-campaign.leaflets_per_day"), "the campaign's parameters are listed");
        for (String id : List.of("headline", "fans", "sensitivity", "calibration", "backtest")) {
            assertEquals(null, byId(d, id), "no " + id + " section");
        }
    }

    @Test
    void calibrationAndBacktestFoldersGetTheirSections() throws Exception {
        Path cal = tmp.resolve("cal");
        Cli c = Cli.run("calibrate", "kursk-2024", "--observations", LEDGER, "--particles", "20", "--generations", "2",
                "--threads", "2", "--out", cal.toString());
        assertEquals(0, c.code, c.toString());
        assertEquals(0, Cli.run("report", cal.toString()).code);
        Document d = parse(Files.readString(cal.resolve("report.html")));
        assertTrue(byId(d, "calibration").getTextContent().contains("regime_share"), "the posterior of each parameter");
        assertTrue(byId(d, "calibration").getElementsByTagName("svg").getLength() > 0, "the fit per report");
        assertEquals(null, byId(d, "backtest"));

        Path bt = tmp.resolve("bt");
        Cli b = Cli.run("backtest", "kursk-2024", "--observations", LEDGER, "--cutoff", "2024-12-20", "--particles", "20", "--draws", "20",
                "--threads", "2", "--out", bt.toString());
        assertEquals(0, b.code, b.toString());
        assertEquals(0, Cli.run("report", bt.toString()).code);
        Document e = parse(Files.readString(bt.resolve("report.html")));
        assertTrue(byId(e, "backtest").getTextContent().contains("B12a"), "every later report is scored");
        assertEquals(null, byId(e, "calibration"));
        assertNotNull(byId(e, "param-regime_share"), "the backtest's store table records its scenario");
    }

    @Test
    void textFromAScenarioIsEscaped() throws Exception {
        String yaml = Bundled.text("kursk-2024")
                .replace("quote: Nearly all would raise their hands to go", "quote: 'Nearly all <script>alert(1)</script> & \"go\"'")
                .replace("title: North Korean deployment to Kursk, knowledge as of 2025-01-13", "title: '<img src=x onerror=alert(1)>Kursk'");
        assertTrue(yaml.contains("<script>") && yaml.contains("<img"), "the test edits the scenario");
        Path file = tmp.resolve("evil.yaml");
        Files.writeString(file, yaml);
        Path out = tmp.resolve("evil");
        Cli c = Cli.run("run", file.toString(), "--mode", "aggregate", "--replications", "3", "--days", "10", "--report", "--out", out.toString());
        assertEquals(0, c.code, c.toString());
        String page = Files.readString(out.resolve("report.html"));
        assertFalse(page.contains("<script"), "no markup from the quote");
        assertFalse(page.contains("<img"), "no markup from the title");
        assertTrue(page.contains("Nearly all &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;go&quot;"), "the quote, escaped");
        Document d = parse(page);
        assertEquals(0, d.getElementsByTagName("script").getLength());
        assertEquals(0, d.getElementsByTagName("img").getLength());
        assertTrue(byId(d, "param-volunteer.intercept").getTextContent().contains("Nearly all <script>alert(1)</script> & \"go\""),
                "the quote reads as written");
        assertTrue(d.getElementsByTagName("title").item(0).getTextContent().length() > 0);
    }

    @Test
    void aFolderWithoutResultsIsAOneLineErrorAndOtherFilesAreNeverWritten() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Cli c = Cli.run("report", empty.toString());
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.startsWith("error: ") && c.err.contains("holds no results"), c.err);
        assertEquals(1, c.err.strip().lines().count(), "one line, no stack trace: " + c.err);
        assertFalse(Files.exists(empty.resolve("report.html")));

        Cli missing = Cli.run("report", tmp.resolve("nowhere").toString());
        assertEquals(Main.INVALID_INPUT, missing.code, missing.toString());
        assertEquals(1, missing.err.strip().lines().count(), missing.err);

        Path mine = tmp.resolve("mine.html");
        Files.writeString(mine, "my own page");
        Cli refused = Cli.run("report", run.toString(), "--to", mine.toString());
        assertEquals(Main.INVALID_INPUT, refused.code, refused.toString());
        assertTrue(refused.err.contains("not a Resolve report"), refused.err);
        assertEquals("my own page", Files.readString(mine), "not overwritten");

        Path notAFolder = Files.writeString(tmp.resolve("a-file"), "x");
        Cli unwritable = Cli.run("report", run.toString(), "--to", notAFolder.resolve("r.html").toString());
        assertEquals(Main.INVALID_INPUT, unwritable.code, unwritable.toString());
        assertEquals(1, unwritable.err.strip().lines().count(), "one line, no stack trace: " + unwritable.err);
        assertTrue(unwritable.err.contains("cannot write"), unwritable.err);

        Map<String, String> before = digests(run);
        Cli again = Cli.run("report", run.toString());
        assertEquals(0, again.code, again.toString());
        assertEquals(before, digests(run), "the store and the other files are left as they were; only report.html is rewritten");
    }

    // ------------------------------------------------------------------ helpers

    private static Document parse(String page) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document d, String id) {
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    private static List<String> cells(Element row) {
        List<String> out = new ArrayList<>();
        NodeList tds = row.getElementsByTagName("td");
        for (int i = 0; i < tds.getLength(); i++) {
            out.add(tds.item(i).getTextContent().strip());
        }
        return out;
    }

    private static double[] kpis(Path csv, String metric) throws Exception {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")).filter(f -> f[2].equals(metric))
                .mapToDouble(f -> Double.parseDouble(f[3])).toArray();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static Map<String, String> digests(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("report.html")).toList()) {
                out.put(f.getFileName().toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }
}
