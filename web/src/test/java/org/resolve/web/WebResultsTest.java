package org.resolve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.core.scenario.ScenarioLoader;

/**
 * What the server writes and serves for runs and analyses: the scenario each run records, the
 * events a late listener gets, Parquet exports made once under concurrent downloads, and the
 * downloads listed for a sensitivity analysis.
 */
class WebResultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MINE = "resolve: 1\nid: mine\nextends: kursk-2024\n";
    @TempDir
    static Path tmp;
    static Path ws;
    static WebServer server;
    static HttpClient http;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        ws = tmp.resolve("ws");
        Files.createDirectories(ws.resolve("scenarios"));
        Files.writeString(ws.resolve("scenarios/mine.yaml"), MINE);
        server = WebServer.start(new WebServer.Options("127.0.0.1", 0, ws, 1, Security.DEFAULT_MAX_BODY));
        base = "http://127.0.0.1:" + server.port();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Cookie", "resolve_token_" + server.port() + "=" + server.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Cookie", "resolve_token_" + server.port() + "=" + server.token()).header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a run and waits for it to finish; @return its id and results folder */
    private static String[] run(Object body) throws Exception {
        HttpResponse<String> r = post("/api/runs", body);
        assertEquals(202, r.statusCode(), r.body());
        JsonNode started = JSON.readTree(r.body());
        String id = started.path("id").asText();
        for (int i = 0; i < 1200; i++) {
            JsonNode st = JSON.readTree(get("/api/runs/" + id).body());
            if (st.path("state").asText().equals("done")) {
                return new String[] {id, started.path("run").asText()};
            }
            assertFalse(st.path("state").asText().equals("failed"), st.toString());
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    private static String lastScenarioFile(String run) throws Exception {
        JsonNode meta = JSON.readTree(get("/download?run=" + run + "&table=meta").body());
        JsonNode files = meta.path("scenario_files");
        return files.get(files.size() - 1).asText();
    }

    @Test
    void aRunRecordsTheFilesRealPathOrThatItsTextWasNotSaved() throws Exception {
        String real = ws.resolve("scenarios/mine.yaml").toRealPath().toString();
        String[] byFile = run(java.util.Map.of("file", "scenarios/mine.yaml", "replications", 2, "days", 10, "mode", "aggregate"));
        assertEquals(real, lastScenarioFile(byFile[1]));
        String[] unchanged = run(java.util.Map.of("text", MINE, "file", "scenarios/mine.yaml", "replications", 2, "days", 10, "mode", "aggregate"));
        assertEquals(real, lastScenarioFile(unchanged[1]), "the editor's unchanged text is the file");
        String[] edited = run(java.util.Map.of("text", MINE + "title: edited\n", "file", "scenarios/mine.yaml", "replications", 2, "days", 10,
                "mode", "aggregate"));
        assertEquals(ScenarioLoader.UNSAVED + " of scenarios/mine.yaml", lastScenarioFile(edited[1]));
        HttpResponse<String> report = get("/download?run=" + edited[1] + "&table=report");
        assertEquals(200, report.statusCode(), report.body());
        assertTrue(report.body().contains("cannot be re-read"), "the report does not re-read another file");
        // a path from the request body is never taken as the label unconfined
        String[] foreign = run(java.util.Map.of("text", MINE, "file", "../../etc/hostname", "replications", 1, "days", 10, "mode", "aggregate"));
        assertEquals(ScenarioLoader.UNSAVED, lastScenarioFile(foreign[1]));
        String[] bundled = run(java.util.Map.of("text", org.resolve.core.scenario.Bundled.text("kursk-2024"), "scenario", "kursk-2024",
                "replications", 1, "days", 10, "mode", "aggregate"));
        assertEquals(org.resolve.core.scenario.Bundled.label("kursk-2024"), lastScenarioFile(bundled[1]), "unchanged bundled text is the bundled scenario");
    }

    @Test
    void aLateListenerGetsOnlyTheLatestFanAndParquetIsExportedOnceUnderConcurrentDownloads() throws Exception {
        String[] r = run(java.util.Map.of("scenario", "kursk-2024", "replications", 40, "days", 30, "mode", "aggregate"));
        String events = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs/" + r[0] + "/events")).timeout(Duration.ofSeconds(60))
                .header("Cookie", "resolve_token_" + server.port() + "=" + server.token()).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertEquals(1, count(events, "event: fan"), events.length() > 400 ? events.substring(0, 400) : events);
        assertTrue(events.contains("\"runs\":40"), "the latest fan, over every run");
        assertEquals(1, count(events, "event: done"));

        List<CompletableFuture<HttpResponse<byte[]>>> downloads = new ArrayList<>();
        for (String table : List.of("kpis", "runs", "kpis", "sweep", "series", "runs")) {
            downloads.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/download?run=" + r[1] + "&table=" + table + "&format=parquet"))
                    .header("Cookie", "resolve_token_" + server.port() + "=" + server.token()).timeout(Duration.ofSeconds(120)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (CompletableFuture<HttpResponse<byte[]>> f : downloads) {
            HttpResponse<byte[]> d = f.get();
            assertEquals(200, d.statusCode(), new String(d.body(), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("PAR1", new String(d.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        }
        Path dir = ws.resolve("results").resolve(r[1]);
        assertTrue(Files.isDirectory(dir.resolve(WebServer.PARQUET)));
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".partial")), "no temporary folder left: " + names);
        }
    }

    @Test
    void anIncompleteParquetExportIsNeverServedButReExportedOrRefusedWithAClearError() throws Exception {
        String[] r = run(java.util.Map.of("scenario", "kursk-2024", "replications", 3, "days", 20, "mode", "aggregate"));
        Path export = ws.resolve("results").resolve(r[1]).resolve(WebServer.PARQUET);
        // A folder left by an interrupted export of an older version: 0-byte files, no manifest.
        Files.createDirectories(export);
        Files.write(export.resolve("kpis.parquet"), new byte[0]);
        Files.write(export.resolve("series.parquet"), new byte[0]);
        HttpResponse<byte[]> refused = download(r[1], "kpis");
        String body = new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(409, refused.statusCode(), body);
        assertTrue(body.contains(r[1] + "/" + WebServer.PARQUET) && body.contains("series.parquet, which the export would overwrite") && body.contains("no valid manifest.json"), body);
        assertFalse(body.contains(tmp.toString()), "no machine path: " + body);
        assertEquals(0, Files.size(export.resolve("kpis.parquet")), "a folder the server did not write is left as it is");
        Files.delete(export.resolve("kpis.parquet"));
        Files.delete(export.resolve("series.parquet"));

        // An export of its own, damaged since (a file emptied, another truncated), is made again.
        HttpResponse<byte[]> first = download(r[1], "series");
        assertEquals(200, first.statusCode());
        assertTrue(first.body().length > 4 && new String(first.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("PAR1"));
        org.resolve.store.ExportFolder.verify(export);
        byte[] series = Files.readAllBytes(export.resolve("series.parquet"));
        Files.write(export.resolve("kpis.parquet"), new byte[0]);
        Files.write(export.resolve("series.parquet"), java.util.Arrays.copyOf(series, series.length / 2));
        for (String table : List.of("kpis", "series")) {
            HttpResponse<byte[]> d = download(r[1], table);
            assertEquals(200, d.statusCode(), table);
            assertEquals(Files.size(export.resolve(table + ".parquet")), d.body().length, table);
            assertTrue(d.body().length > 4 && new String(d.body(), d.body().length - 4, 4, java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("PAR1"), table + ": a whole Parquet file ends with its magic too");
        }
        assertTrue(java.util.Arrays.equals(series, Files.readAllBytes(export.resolve("series.parquet"))), "exported again, whole");
        org.resolve.store.ExportFolder.verify(export);
    }

    private static HttpResponse<byte[]> download(String run, String table) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/download?run=" + run + "&table=" + table + "&format=parquet"))
                .header("Cookie", "resolve_token_" + server.port() + "=" + server.token()).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aSensitivityAnalysisWritesItsFilesAndEveryListedDownloadExists() throws Exception {
        HttpResponse<String> r = post("/api/sensitivity", java.util.Map.of("scenario", "kursk-2024", "trajectories", 2, "days", 10));
        assertEquals(200, r.statusCode(), r.body());
        String run = JSON.readTree(r.body()).path("run").asText();
        Path dir = ws.resolve("results").resolve(run);
        assertTrue(Files.readString(dir.resolve("sensitivity.csv")).startsWith("metric,method,index,factor"));
        JsonNode meta = JSON.readTree(dir.resolve("meta.json").toFile());
        assertEquals("morris", meta.path("method").asText());
        assertEquals("kursk-2024", meta.path("scenario").asText());
        String home = get("/").body();
        Matcher m = Pattern.compile("href=\"(/download\\?run=" + Pattern.quote(run) + "[^\"]*)\"").matcher(home);
        List<String> links = new ArrayList<>();
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        assertTrue(links.stream().anyMatch(l -> l.contains("table=sensitivity")), links.toString());
        assertTrue(links.stream().noneMatch(l -> l.contains("table=series&format=csv")), "no CSV that was not written: " + links);
        for (String link : links) {
            HttpResponse<String> d = get(link);
            assertEquals(200, d.statusCode(), link + ": " + d.body());
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
