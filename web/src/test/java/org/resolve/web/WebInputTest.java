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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the API does with a user's bad input: numbers that are not whole numbers in range, and
 * scenario files that are too deep or too large. Each is refused with a 4xx (or a 200 listing the
 * problems) and a message naming the field or the file and what was expected, never a 500, an
 * empty body, or a silently substituted value.
 */
class WebInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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
        server = WebServer.start(new WebServer.Options("127.0.0.1", 0, ws, 1, Security.DEFAULT_MAX_BODY));
        base = "http://127.0.0.1:" + server.port();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Cookie", "resolve_token_" + server.port() + "=" + server.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Cookie", "resolve_token_" + server.port() + "=" + server.token()).header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every numeric field of every JSON endpoint, with a valid request around it (cheap to run). */
    private static final Map<String, String> ENDPOINTS = Map.of(
            "/api/runs", "\"scenario\":\"kursk-2024\",\"mode\":\"aggregate\"",
            "/api/compare", "\"baseline\":\"kursk-2024\",\"scenario\":\"kursk-2024-persuasion\",\"mode\":\"aggregate\"",
            "/api/sensitivity", "\"scenario\":\"kursk-2024\",\"mode\":\"aggregate\"");
    private static final Map<String, List<String>> FIELDS = Map.of(
            "/api/runs", List.of("replications", "days", "seed"),
            "/api/compare", List.of("replications", "days", "seed"),
            "/api/sensitivity", List.of("trajectories", "days", "seed"));
    /** Small valid values of the other fields, so a request that is accepted costs little. */
    private static final Map<String, String> SMALL = Map.of("replications", "2", "trajectories", "2", "days", "5", "seed", "7");

    private static String body(String endpoint, String field, String value) {
        StringBuilder b = new StringBuilder("{").append(ENDPOINTS.get(endpoint));
        for (String f : FIELDS.get(endpoint)) {
            if (f.equals(field)) {
                if (value != null) {
                    b.append(",\"").append(f).append("\":").append(value);
                }
            } else {
                b.append(",\"").append(f).append("\":").append(SMALL.get(f));
            }
        }
        return b.append("}").toString();
    }

    @Test
    void everyNumericFieldRefusesWhatIsNotAWholeNumberInRange() throws Exception {
        // Before, "abc" and 99999999999999999999 became the default (and were recorded as chosen),
        // 1.9 became 1 and 10.7 became 10.
        List<String> bad = List.of("\"abc\"", "99999999999999999999", "1.9", "10.7", "2.5e0", "true", "[]", "{}", "[3]", "\"\"", "\"1.5\"",
                "\" 3\"", "1e999999999", "-1e999999999", "1.0000000000000000001");
        for (String endpoint : ENDPOINTS.keySet()) {
            for (String field : FIELDS.get(endpoint)) {
                List<String> values = new java.util.ArrayList<>(bad);
                if (!field.equals("seed")) {
                    values.addAll(List.of("0", "-3", "2147483648", "100001"));
                } else {
                    values.addAll(List.of("9223372036854775808", "-9223372036854775809"));
                }
                if (field.equals("days")) {
                    values.add("3651");
                }
                for (String v : values) {
                    String body = body(endpoint, field, v);
                    HttpResponse<String> r = post(endpoint, body);
                    assertEquals(400, r.statusCode(), endpoint + " " + body + " -> " + r.body());
                    String error = JSON.readTree(r.body()).path("error").asText();
                    assertTrue(error.startsWith(field + " must be a whole number from "), endpoint + " " + body + " -> " + error);
                }
            }
        }
    }

    @Test
    void missingOrNullTakesTheDefaultAndWholeNumbersAreTakenExactly() throws Exception {
        for (String endpoint : ENDPOINTS.keySet()) {
            for (String field : FIELDS.get(endpoint)) {
                if (field.equals("replications") || field.equals("trajectories")) {
                    continue; // their defaults are costly: taken below for runs only
                }
                // (a sensitivity analysis takes a second even when small: fewer there)
                String[] accepted = endpoint.equals("/api/sensitivity") ? new String[] {null, "null", "\"3\"", "30e-1"}
                        : new String[] {null, "null", "3", "\"3\"", "3.0", "30e-1", "\"+3\""};
                for (String v : accepted) {
                    String body = body(endpoint, field, v);
                    HttpResponse<String> r = post(endpoint, body);
                    assertTrue(r.statusCode() == 200 || r.statusCode() == 202, endpoint + " " + body + " -> " + r.statusCode() + " " + r.body());
                    if (r.statusCode() == 202) {
                        awaitDone(JSON.readTree(r.body()));
                    }
                }
            }
        }
        // what a run records: the seed given, exactly, or the default when none is given
        assertEquals(9007199254740993L, rootSeed("{\"scenario\":\"kursk-2024\",\"mode\":\"aggregate\",\"replications\":1,\"days\":5,"
                + "\"seed\":9007199254740993}"), "a seed past 2^53 is not rounded");
        assertEquals(-5L, rootSeed("{\"scenario\":\"kursk-2024\",\"mode\":\"aggregate\",\"replications\":1,\"days\":5,\"seed\":\"-5\"}"));
        assertEquals(20241008L, rootSeed("{\"scenario\":\"kursk-2024\",\"mode\":\"aggregate\",\"replications\":1,\"days\":5}"));
        assertEquals(20241008L, rootSeed("{\"scenario\":\"kursk-2024\",\"mode\":\"aggregate\",\"replications\":1,\"days\":5,"
                + "\"seed\":null}"));
    }

    @Test
    void textFieldsRefuseOtherTypes() throws Exception {
        for (String body : new String[] {"{\"scenario\":\"kursk-2024\",\"mode\":5}", "{\"scenario\":[\"kursk-2024\"]}",
            "{\"text\":{\"resolve\":1}}"}) {
            HttpResponse<String> r = post("/api/runs", body);
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
            assertTrue(JSON.readTree(r.body()).path("error").asText().contains("must be a string"), r.body());
        }
    }

    /** A scenario nested 2,000 deep: before, the loader's recursion overflowed the stack and every route answered 500 with an empty body. */
    static final String DEEP = "resolve: 1\nid: deep\nextends: kursk-2024\nx: " + "[".repeat(2000) + "]".repeat(2000) + "\n";

    /**
     * Asserts a refusal of the deep scenario: a 422 whose JSON lists a located problem. Which
     * problem depends on where the loader gives up, which can change with how warm the JIT is:
     * the YAML reader's own nesting limit (reported by the loader), or a stack overflow first
     * (reported by the server's guard at line 4, where the nesting is; see
     * {@link #theGuardTurnsAStackOverflowIntoAProblemWhereTheNestingIsDeepest}).
     */
    private static void refusedWithAProblem(HttpResponse<String> r, String what) throws IOException {
        assertEquals(422, r.statusCode(), what + " -> " + r.statusCode() + " " + r.body());
        located(JSON.readTree(r.body()).path("problems"), what + ": " + r.body());
    }

    private static void located(JsonNode problems, String what) {
        assertTrue(problems.size() >= 1, what);
        int line = problems.get(0).path("line").asInt();
        assertTrue(line >= 1 && line <= 4, what);
        assertTrue(problems.get(0).path("column").asInt() >= 1, what);
        assertFalse(problems.get(0).path("message").asText().isBlank(), what);
    }

    private static int depth;

    private static Object recurse() {
        depth++;
        return recurse();
    }

    @Test
    void theGuardTurnsAStackOverflowIntoAProblemWhereTheNestingIsDeepest() {
        org.resolve.core.scenario.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.resolve.core.scenario.ScenarioException.class, () -> WebServer.guarded("deep.yaml", () -> DEEP, () -> {
                    recurse(); // a real overflow, as a loader's recursion on a deep document
                    return null;
                }));
        org.resolve.core.scenario.Problem p = e.problems().get(0);
        assertEquals(new org.resolve.core.scenario.Location("deep.yaml", 4, 1 + "x: ".length() + 1999), p.location(), "at the deepest bracket");
        assertTrue(p.toString().contains("nested too deeply to read"), p.toString());
        // block nesting: the deepest-indented line
        assertEquals(3, WebServer.deepest("f", "a:\n  b:\n    c: 1\n  d: 2\n").line());
    }

    @Test
    void aDeeplyNestedScenarioIsAProblemAtItsLineOnEveryRouteAndTheEditorStillOpensIt() throws Exception {
        Files.writeString(ws.resolve("scenarios/deep.yaml"), DEEP);
        HttpResponse<String> v = post("/api/validate", DEEP);
        assertEquals(200, v.statusCode(), v.body());
        JsonNode checked = JSON.readTree(v.body());
        assertFalse(checked.path("ok").asBoolean(true), v.body());
        located(checked.path("problems"), v.body());
        HttpResponse<String> vf = post("/api/validate?file=scenarios/deep.yaml", DEEP);
        assertEquals(200, vf.statusCode(), vf.body());
        located(JSON.readTree(vf.body()).path("problems"), vf.body());
        refusedWithAProblem(post("/api/runs", "{\"text\":" + JSON.writeValueAsString(DEEP) + ",\"replications\":1}"), "run of the text");
        refusedWithAProblem(post("/api/runs", "{\"file\":\"scenarios/deep.yaml\",\"replications\":1}"), "run of the file");
        refusedWithAProblem(post("/api/compare", "{\"baseline\":\"kursk-2024\",\"scenario\":\"scenarios/deep.yaml\",\"replications\":2}"), "compare");
        refusedWithAProblem(post("/api/sensitivity", "{\"scenario\":\"scenarios/deep.yaml\",\"trajectories\":2}"), "sensitivity");
        refusedWithAProblem(get("/provenance?file=scenarios/deep.yaml"), "provenance");
        // the editor opens it, so that it can be fixed
        HttpResponse<String> edit = get("/edit?file=scenarios/deep.yaml");
        assertEquals(200, edit.statusCode(), edit.body());
        assertTrue(edit.body().contains("x: [[[[[["), "the file's text is in the editor");
        // and the server is fine afterwards
        assertEquals(200, post("/api/validate", "resolve: 1\nid: x\nextends: kursk-2024\n").statusCode());
    }

    @Test
    void aHugeFileIsRefusedWithoutBeingRead() throws Exception {
        // Before, /edit?file= on a 1.5 GB file read all of it into memory (6.9 GB of heap) and answered 500.
        Path huge = ws.resolve("scenarios/huge.yaml");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(1_500_000_000L); // sparse: costs no disk
        }
        Path csv = ws.resolve("big.csv");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(csv.toFile(), "rw")) {
            f.setLength(org.resolve.core.scenario.ScenarioLoader.MAX_CONFINED_BYTES + 1); // one byte past the limit
        }
        for (String file : List.of("scenarios/huge.yaml", "big.csv")) {
            HttpResponse<String> edit = get("/edit?file=" + file);
            assertEquals(413, edit.statusCode(), file + ": " + edit.body());
            assertTrue(edit.body().contains(file) && edit.body().contains("larger than 1 MiB"), edit.body());
            HttpResponse<String> run = post("/api/runs", "{\"file\":\"" + file + "\",\"replications\":1}");
            assertEquals(422, run.statusCode(), run.body());
            assertTrue(run.body().contains("larger than 1 MiB"), run.body());
            HttpResponse<String> v = post("/api/validate?file=" + file, "resolve: 1\nid: x\nextends: kursk-2024\n");
            assertEquals(200, v.statusCode(), v.body());
            HttpResponse<String> prov = get("/provenance?file=" + file);
            assertEquals(422, prov.statusCode(), prov.body());
            assertTrue(prov.body().contains("larger than 1 MiB"), prov.body());
        }
        // a file exactly at the limit opens
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(csv.toFile(), "rw")) {
            f.setLength(org.resolve.core.scenario.ScenarioLoader.MAX_CONFINED_BYTES);
        }
        assertEquals(200, get("/edit?file=big.csv").statusCode());
    }

    @Test
    void aDeeplyNestedJsonBodyIsRefusedWith400() throws Exception {
        for (String endpoint : List.of("/api/runs", "/api/compare", "/api/sensitivity", "/api/scenarios")) {
            HttpResponse<String> r = post(endpoint, "{\"seed\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
            assertEquals(400, r.statusCode(), endpoint + ": " + r.body());
            assertFalse(r.body().isBlank(), endpoint);
        }
    }

    @Test
    void markupInAFileAndInItsNameIsEscaped() throws Exception {
        String name = "<img src=x onerror=alert(1)>.yaml";
        Files.writeString(ws.resolve(name), "resolve: 1\nid: x\ntitle: \"</textarea><script>alert(2)</script>\"\nextends: kursk-2024\n");
        String home = get("/").body();
        assertFalse(home.contains("<img src=x"), "the file name is escaped on the home page");
        assertTrue(home.contains("&lt;img src=x onerror=alert(1)&gt;.yaml"), home);
        HttpResponse<String> edit = get("/edit?file=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, edit.statusCode(), edit.body());
        assertFalse(edit.body().contains("<script>alert(2)") || edit.body().contains("<img src=x"), "the editor escapes the text and the name");
        assertTrue(edit.body().contains("&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;"), edit.body());
    }

    /** Starts a run, waits for it, and returns the root seed its meta.json records. */
    private static long rootSeed(String body) throws Exception {
        HttpResponse<String> r = post("/api/runs", body);
        assertEquals(202, r.statusCode(), r.body());
        JsonNode started = JSON.readTree(r.body());
        awaitDone(started);
        return JSON.readTree(ws.resolve("results").resolve(started.path("run").asText()).resolve("meta.json").toFile()).path("root_seed").asLong();
    }

    /** Waits until a run started by {@code POST /api/runs} is done. */
    static void awaitDone(JsonNode started) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode st = JSON.readTree(get("/api/runs/" + started.path("id").asText()).body());
            if (st.path("state").asText().equals("done")) {
                return;
            }
            assertFalse(st.path("state").asText().equals("failed"), st.toString());
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not finish");
    }
}
