package org.resolve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.resolve.core.engine.Metric;

/**
 * The UI in Debian's Chromium, driven by Selenium with the driver given explicitly (Selenium
 * Manager never downloads anything): open it with the token, break a parameter in the editor and
 * see the error at its line, fix it, run a small ensemble and watch the fan charts fill in, then
 * download the results. Screenshots go to {@code target/screenshots/}. Without Chromium the test
 * fails, unless {@code RESOLVE_SKIP_BROWSER=1} is set.
 *
 * <p>With {@code -Dresolve.measure=true} it also times a 200-replication kursk-2024 run from the
 * UI (first chart update and completion) against the same run through the service the CLI calls,
 * and prints the numbers (docs/PERFORMANCE.md); it asserts no timing.
 */
class WebBrowserTest {
    static final String CHROMIUM = System.getProperty("resolve.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("resolve.chromedriver", "/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path tmp;
    static WebServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            String why = "Chromium (" + CHROMIUM + ") or ChromeDriver (" + CHROMEDRIVER + ") is missing: "
                    + "apt-get install chromium chromium-driver (or set RESOLVE_SKIP_BROWSER=1 to skip)";
            Assumptions.assumeFalse("1".equals(System.getenv("RESOLVE_SKIP_BROWSER")), why);
            fail(why);
        }
        Files.createDirectories(SHOTS);
        server = WebServer.start(new WebServer.Options("127.0.0.1", 0, tmp.resolve("ws"), Runtime.getRuntime().availableProcessors(),
                Security.DEFAULT_MAX_BODY));
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run", "--window-size=1400,1800");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(50));
    }

    static String attr(String id, String name) {
        return driver.findElement(By.id(id)).getDomAttribute(name);
    }

    /** Replaces text in the editor as typing would, and fires its input event. */
    static void edit(String from, String to) {
        Object done = js("const ta = document.getElementById('yaml');"
                + "if (!ta.value.includes(arguments[0])) { return false; }"
                + "ta.focus(); ta.value = ta.value.replace(arguments[0], arguments[1]);"
                + "ta.dispatchEvent(new Event('input', {bubbles: true})); return true;", from, to);
        assertEquals(Boolean.TRUE, done, "the editor holds '" + from + "'");
    }

    static int lineOf(String needle) {
        String text = (String) js("return document.getElementById('yaml').value;");
        int at = text.indexOf(needle);
        assertTrue(at >= 0, needle);
        return 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
    }

    @Test
    void editValidateRunWatchTheChartsAndDownload() throws Exception {
        driver.get("http://127.0.0.1:" + server.port() + "/?token=" + server.token());
        assertEquals("http://127.0.0.1:" + server.port() + "/", driver.getCurrentUrl(), "the token leaves the address bar");
        assertTrue(driver.findElement(By.id("scenarios")).getText().contains("kursk-2024"));
        shot("01-scenarios");

        driver.findElement(By.linkText("kursk-2024")).click();
        waiting(20).until(d -> "valid".equals(attr("validity", "data-state")));
        shot("02-editor-valid");

        // a parameter set to an invalid value: the error appears at its line
        String broken = "distribution: {type: uniform, low: 0.95, high: 0.9}";
        edit("distribution: {type: uniform, low: 0.3, high: 0.9}", broken);
        int line = lineOf(broken);
        waiting(20).until(d -> "invalid".equals(attr("validity", "data-state")));
        List<WebElement> problems = driver.findElements(By.cssSelector("#problems li"));
        assertEquals(1, problems.size(), "one problem");
        assertEquals(String.valueOf(line), problems.get(0).getDomAttribute("data-line"));
        assertTrue(problems.get(0).getText().startsWith("line " + line + ", column 40: parameters.informed_share.distribution.low"),
                problems.get(0).getText());
        WebElement marker = driver.findElement(By.cssSelector("#gutter .ln.error"));
        assertEquals(String.valueOf(line), marker.getDomAttribute("data-line"), "the gutter marks the line");
        assertEquals(1, driver.findElements(By.cssSelector("#gutter .ln.error")).size());
        js("arguments[0].click();", problems.get(0));
        shot("03-editor-error-at-line-" + line);

        // fixed: valid again, no marker
        edit(broken, "distribution: {type: uniform, low: 0.3, high: 0.9}");
        waiting(20).until(d -> "valid".equals(attr("validity", "data-state")));
        assertEquals(0, driver.findElements(By.cssSelector("#gutter .ln.error")).size());
        assertEquals(0, driver.findElements(By.cssSelector("#problems li")).size());

        // a small ensemble: the charts fill in as runs complete
        setValue("replications", "20");
        setValue("days", "60");
        driver.findElement(By.id("run")).click();
        waiting(60).until(d -> Integer.parseInt(attr("fans", "data-updates")) >= 1);
        shot("04-run-first-chart-update");
        waiting(120).until(d -> "done".equals(attr("fans", "data-state")) || "failed".equals(attr("fans", "data-state")));
        assertEquals("done", attr("fans", "data-state"), driver.findElement(By.id("run-error")).getText());
        int updates = Integer.parseInt(attr("fans", "data-updates"));
        assertTrue(updates >= 2, "the charts were updated " + updates + " times");
        assertEquals("20", attr("fans", "data-runs"));
        String[] history = attr("fans", "data-history").split(",");
        for (int i = 1; i < history.length; i++) {
            assertTrue(Integer.parseInt(history[i]) > Integer.parseInt(history[i - 1]), "runs drawn grow: " + String.join(",", history));
        }
        assertTrue(Integer.parseInt(history[0]) < 20, "the first update came before the last run: " + String.join(",", history));
        assertEquals("20", history[history.length - 1]);
        assertEquals(Fan.METRICS.size(), driver.findElements(By.cssSelector("#fans canvas")).size());
        @SuppressWarnings("unchecked")
        List<Object> shape = (List<Object>) js("const c = Chart.getChart(document.getElementById('fan-killed'));"
                + "return [c.data.labels.length, c.data.datasets.length, c.data.datasets[4].data.length];");
        assertEquals(List.of(60L, 5L, 60L), shape, "60 days, median and two bands");
        assertTrue(driver.findElement(By.id("summary")).getText().contains("killed"));
        shot("05-run-done");

        // download the results as CSV: one row per run, one per run and metric
        assertEquals(21, rows(link("csv", "runs")), "runs.csv: header + 20 runs");
        assertEquals(1 + 20 * Metric.COUNT, rows(link("csv", "kpis")), "kpis.csv");
        assertEquals(1 + 20 * 60 * Metric.COUNT, rows(link("csv", "series")), "series.csv");
        Map<?, ?> parquet = fetch(link("parquet", "series"));
        assertEquals(200L, parquet.get("status"));
        assertTrue(((String) parquet.get("head")).startsWith("PAR1"), "a Parquet file");
        // the HTML report of the run, as `resolve report` writes it
        Map<?, ?> report = fetch(link("html", "report"));
        assertEquals(200L, report.get("status"));
        String html = Files.readString(server.workspace().results().resolve(attr("fans", "data-run")).resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"), "an HTML page");
        assertTrue(html.contains("informed_share") && html.contains("assumption"), "the report's provenance table");
        assertTrue(Files.exists(server.workspace().results().resolve(attr("fans", "data-run")).resolve("results.duckdb")),
                "the run wrote its results store into the workspace");
    }

    @Test
    void provenanceCompareAndSensitivity() throws Exception {
        String base = "http://127.0.0.1:" + server.port();
        driver.get(base + "/provenance?scenario=kursk-2024&token=" + server.token());
        WebElement row = driver.findElement(By.cssSelector("#provenance tr[data-param='informed_share']"));
        assertTrue(row.getText().contains("uniform(0.3, 0.9)") && row.getText().contains("assumption"), row.getText());
        assertTrue(driver.findElement(By.cssSelector("#provenance tr[data-param='regime_share']")).getText().contains("×"),
                "a mixture shows its components");
        shot("06-provenance");

        driver.get(base + "/compare");
        setValue("replications", "10");
        setValue("days", "120");
        driver.findElement(By.cssSelector("#compare-form button")).click();
        waiting(120).until(d -> !d.findElements(By.cssSelector("#compare-result tr")).isEmpty());
        String table = driver.findElement(By.id("compare-result")).getText();
        assertTrue(table.contains("killed") && table.contains("95% interval of mean"), table);
        assertTrue(driver.findElement(By.id("compare-status")).getText().contains("kursk-2024-persuasion minus kursk-2024"));
        assertEquals(Boolean.TRUE, js("return !!Chart.getChart(document.getElementById('compare-chart'));"));
        shot("07-compare");

        driver.get(base + "/sensitivity");
        setValue("trajectories", "2");
        setValue("days", "120");
        driver.findElement(By.cssSelector("#sensitivity-form button")).click();
        waiting(120).until(d -> !d.findElements(By.cssSelector("#sensitivity-result tr")).isEmpty());
        String status = driver.findElement(By.id("sensitivity-status")).getText();
        // One factor per uncertain parameter of kursk-2024; Morris runs (factors + 1) per trajectory.
        int factors = org.resolve.core.scenario.ScenarioLoader.load("kursk-2024").uncertainParameters().size();
        assertTrue(status.contains(factors + " factors, " + 2 * (factors + 1) + " runs"), status);
        assertEquals(factors + 1L, js("return document.querySelectorAll('#sensitivity-result tr').length;"),
                "header + " + factors + " factors");
        assertEquals((long) factors, js("return Chart.getChart(document.getElementById('sensitivity-chart')).data.labels.length;"));
        shot("08-sensitivity");
    }

    @Test
    void cancelARunFromTheUi() throws Exception {
        driver.get("http://127.0.0.1:" + server.port() + "/edit?scenario=kursk-2024&token=" + server.token());
        waiting(20).until(d -> "valid".equals(attr("validity", "data-state")));
        WebElement cancel = driver.findElement(By.id("cancel"));
        assertTrue(!cancel.isEnabled(), "nothing to cancel yet");
        setValue("replications", String.valueOf(RunJobs.MAX_REPLICATIONS));
        driver.findElement(By.id("run")).click();
        waiting(60).until(d -> ((Number) js("return document.getElementById('progress').value;")).doubleValue() >= 2);
        assertTrue(cancel.isEnabled(), "a running run can be cancelled");
        cancel.click();
        waiting(30).until(d -> "cancelled".equals(attr("fans", "data-state")) || "done".equals(attr("fans", "data-state"))
                || "failed".equals(attr("fans", "data-state")));
        assertEquals("cancelled", attr("fans", "data-state"), driver.findElement(By.id("run-error")).getText());
        assertTrue(driver.findElement(By.id("run-error")).getText().startsWith("cancelled"), driver.findElement(By.id("run-error")).getText());
        assertTrue(!cancel.isEnabled(), "the button is off again");
        shot("09-run-cancelled");
        // the server says so too
        Object state = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/runs/' + arguments[0], {credentials: 'same-origin'}).then(r => r.json()).then(j => done(j.state))"
                + ".catch(e => done(String(e)));", attr("fans", "data-id"));
        assertEquals("cancelled", state);
    }

    /** Starts the run with a plain HTTP client (no browser drawing) and returns the server's time for it. */
    static double apiRun() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port();
        String cookie = "resolve_token_" + server.port() + "=" + server.token();
        String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/runs")).header("Cookie", cookie)
                .header("Origin", base).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"scenario\":\"kursk-2024\",\"replications\":200}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String id = body.replaceAll(".*\"id\":\"([0-9a-f]+)\".*", "$1");
        while (true) {
            Thread.sleep(1000);
            String st = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/runs/" + id)).header("Cookie", cookie)
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            if (st.contains("\"state\":\"done\"")) {
                return Double.parseDouble(st.replaceAll(".*\"seconds\":([0-9.]+).*", "$1"));
            }
            assertTrue(!st.contains("failed"), st);
        }
    }

    static double serviceRun(org.resolve.core.scenario.Scenario sc, org.resolve.store.Ensemble.Settings settings, int round) throws Exception {
        long t0 = System.nanoTime();
        org.resolve.store.Ensemble.run(sc, settings, tmp.resolve("cli-" + round), org.resolve.store.SweepProgress.NONE);
        return (System.nanoTime() - t0) / 1e9;
    }

    static void setValue(String id, String v) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(v);
    }

    static String link(String format, String table) {
        return driver.findElement(By.cssSelector("#downloads a.download[data-format='" + format + "'][data-table='" + table + "']"))
                .getDomAttribute("href");
    }

    static Map<?, ?> fetch(String href) {
        Object r = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {"
                + "  const b = new Uint8Array(await r.arrayBuffer());"
                + "  const text = new TextDecoder('latin1').decode(b);"
                + "  done({status: r.status, head: text.substring(0, 4), lines: text.split('\\n').filter(l => l.length > 0).length});"
                + "}).catch(e => done({status: -1, head: String(e), lines: 0}));", href);
        return (Map<?, ?>) r;
    }

    static int rows(String href) {
        Map<?, ?> r = fetch(href);
        assertEquals(200L, r.get("status"), href);
        return ((Number) r.get("lines")).intValue();
    }

    @Test
    void measureA200RunFromTheUi() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("resolve.measure"), "a measurement, run with -Dresolve.measure=true");
        if (!Boolean.getBoolean("resolve.measure.cold")) {
            server.warmUp().join(); // as `resolve serve` does when it starts, before anyone clicks Run
        }
        int threads = Runtime.getRuntime().availableProcessors();
        // the same run through the service `resolve run` calls
        org.resolve.core.scenario.Scenario sc = org.resolve.core.scenario.ScenarioLoader.load("kursk-2024");
        org.resolve.store.Ensemble.Settings settings = new org.resolve.store.Ensemble.Settings(org.resolve.core.engine.Mode.AGENT, 2,
                org.resolve.store.Ensemble.Design.MONTE_CARLO, 200, 20241008L, threads, List.of(), "measure");
        for (int round = 1; round <= 3; round++) {
            // alternate the order, so neither side always runs on a warmer JVM
            double cli = round % 2 == 0 ? serviceRun(sc, settings, round) : Double.NaN;
            driver.get("http://127.0.0.1:" + server.port() + "/edit?scenario=kursk-2024&token=" + server.token());
            waiting(20).until(d -> "valid".equals(attr("validity", "data-state")));
            setValue("replications", "200");
            driver.findElement(By.id("run")).click();
            new WebDriverWait(driver, Duration.ofSeconds(600), Duration.ofSeconds(1)).until(d -> "done".equals(attr("fans", "data-state")));
            double headless = apiRun();
            if (round % 2 == 1) {
                cli = serviceRun(sc, settings, round);
            }
            System.out.printf(java.util.Locale.ROOT, "MEASURE round %d (%d threads): service (as resolve run) %.2f s; UI: first chart update %s ms "
                    + "after the click, done %s ms after the click, server-side %s s, %s chart updates; the same POSTed without a browser: "
                    + "%.2f s%n", round, threads, cli,
                    attr("fans", "data-first-update-ms"), attr("fans", "data-done-ms"), attr("fans", "data-server-seconds"),
                    attr("fans", "data-updates"), headless);
            shot("10-measure-200-round-" + round);
        }
    }
}
