package org.resolve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's guard, from outside, with a plain HttpClient (and a raw socket where exact bytes
 * matter). Every refused request is paired with the same request done right, which must succeed,
 * so each test fails if the guard refuses everything or nothing.
 */
class WebSecurityTest {
    @TempDir
    static Path tmp;
    static WebServer server;
    static HttpClient http;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        Path ws = tmp.resolve("ws");
        Path outside = tmp.resolve("outside");
        Files.createDirectories(ws.resolve("results/r1"));
        Files.createDirectories(ws.resolve("scenarios"));
        Files.createDirectories(outside);
        Files.writeString(ws.resolve("results/r1/runs.csv"), "sweep_id,run_index\ns,0\n");
        Files.writeString(ws.resolve("results/r1/results.duckdb"), "");
        Files.writeString(outside.resolve("runs.csv"), "SECRET\n");
        Files.writeString(outside.resolve("secret.yaml"), "SECRET: 1\n");
        Files.writeString(ws.resolve("scenarios/mine.yaml"), "resolve: 1\nid: mine\nextends: kursk-2024\n");
        Files.createSymbolicLink(ws.resolve("results/evil"), outside);
        Files.createSymbolicLink(ws.resolve("scenarios/leak.yaml"), outside.resolve("secret.yaml"));
        server = WebServer.start(new WebServer.Options("127.0.0.1", 0, ws, 1, Security.DEFAULT_MAX_BODY));
        base = "http://127.0.0.1:" + server.port();
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String cookie() {
        return "resolve_token_" + server.port() + "=" + server.token();
    }

    private static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends exact bytes and returns the status line. */
    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                line.append((char) c);
            }
            return line.toString().trim();
        }
    }

    @Test
    void aForeignHostIsForbidden() throws Exception {
        assertEquals(403, get("/", "Host", "evil.example:" + server.port(), "Cookie", cookie()).statusCode());
        assertEquals(403, get("/", "Host", "127.0.0.1:1", "Cookie", cookie()).statusCode());
        assertTrue(raw("GET / HTTP/1.1\r\nHost: attacker.example\r\nCookie: " + cookie() + "\r\nConnection: close\r\n\r\n")
                .contains(" 403"));
        assertEquals(200, get("/", "Host", "127.0.0.1:" + server.port(), "Cookie", cookie()).statusCode());
        assertEquals(200, get("/", "Host", "localhost:" + server.port(), "Cookie", cookie()).statusCode());
    }

    @Test
    void theTokenIsRequiredAndThenKeptInAStrictHttpOnlyCookie() throws Exception {
        assertEquals(401, get("/").statusCode());
        assertEquals(401, get("/?token=" + "0".repeat(64)).statusCode());
        assertEquals(401, get("/", "Cookie", "resolve_token_" + server.port() + "=wrong").statusCode());
        assertEquals(401, get("/api/runs/x").statusCode());
        assertEquals(401, get("/assets/app.js").statusCode());
        HttpResponse<String> first = get("/?token=" + server.token());
        assertEquals(302, first.statusCode(), "the first visit drops the token from the address bar");
        String setCookie = first.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(setCookie.startsWith("resolve_token_" + server.port() + "=" + server.token()), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertEquals(200, get("/", "Cookie", cookie()).statusCode());
        assertEquals(200, get("/assets/app.js", "Cookie", cookie()).statusCode());
        assertTrue(server.token().length() >= 64, "32 random bytes as hex");
    }

    @Test
    void stateChangingRequestsNeedTheServersOwnOrigin() throws Exception {
        String yaml = "resolve: 1\nid: x\nextends: kursk-2024\n";
        assertEquals(403, post("/api/validate", yaml, "Cookie", cookie(), "Origin", "http://evil.example").statusCode());
        assertEquals(403, post("/api/validate", yaml, "Cookie", cookie(), "Origin", "http://localhost:" + server.port() + ".evil.example")
                .statusCode());
        assertEquals(403, post("/api/validate", yaml, "Cookie", cookie(), "Origin", "null").statusCode());
        assertEquals(403, post("/api/validate", yaml, "Cookie", cookie()).statusCode(), "no Origin at all");
        assertEquals(403, post("/api/runs", "{\"scenario\":\"kursk-2024\"}", "Cookie", cookie(), "Origin", "http://evil.example")
                .statusCode());
        HttpResponse<String> ok = post("/api/validate", yaml, "Cookie", cookie(), "Origin", base);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("\"ok\":true"), ok.body());
    }

    @Test
    void anOversizedBodyIsRefused() throws Exception {
        String head = "POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nCookie: " + cookie()
                + "\r\nOrigin: " + base + "\r\nContent-Type: text/plain\r\nConnection: close\r\n";
        assertTrue(raw(head + "Content-Length: " + (2 << 20) + "\r\n\r\n").contains(" 413"), "2 MiB declared");
        assertTrue(raw(head + "Content-Length: " + (Security.DEFAULT_MAX_BODY + 1) + "\r\n\r\n").contains(" 413"), "1 MiB + 1");
        String small = "resolve: 1\nid: x\nextends: kursk-2024\n";
        assertTrue(raw(head + "Content-Length: " + small.length() + "\r\n\r\n" + small).contains(" 200"));
        // A body actually streamed past the limit: the server answers 413 and closes. The close can
        // reach the client as a reset before it has read the 413 (the client is still sending), so a
        // closed connection is accepted too; what must never happen is that the body is accepted.
        try {
            HttpResponse<String> big = post("/api/validate", "#".repeat((int) Security.DEFAULT_MAX_BODY + 10), "Cookie", cookie(),
                    "Origin", base);
            assertEquals(413, big.statusCode());
        } catch (IOException closedBeforeTheAnswerWasRead) {
            // refused by closing: acceptable
        }
        assertEquals(200, get("/", "Cookie", cookie()).statusCode(), "the server still answers afterwards");
    }

    @Test
    void pathsLeavingTheWorkspaceAreNotFound() throws Exception {
        String c = cookie();
        HttpResponse<String> ok = get("/download?run=r1&table=runs&format=csv", "Cookie", c);
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().startsWith("sweep_id,run_index"));
        for (String run : new String[] {"../../outside", "..%2F..%2Foutside", "%2e%2e%2f%2e%2e%2foutside", "r1%2f..%2f..%2f..%2foutside",
            "evil", "%2Fetc", "r1%00"}) {
            HttpResponse<String> r = get("/download?run=" + run + "&table=runs&format=csv", "Cookie", c);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400, run + " -> " + r.statusCode());
            assertTrue(!r.body().contains("SECRET"), run);
        }
        assertEquals(200, get("/edit?file=scenarios/mine.yaml", "Cookie", c).statusCode());
        for (String file : new String[] {"../outside/secret.yaml", "%2e%2e%2foutside%2fsecret.yaml", "scenarios/leak.yaml",
            "scenarios/..%2f..%2foutside%2fsecret.yaml", "%2Fetc%2Fpasswd"}) {
            HttpResponse<String> r = get("/edit?file=" + file, "Cookie", c);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400, file + " -> " + r.statusCode());
            assertTrue(!r.body().contains("SECRET"), file);
        }
        assertTrue(raw("GET /assets/..%2f..%2fapp.js HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nCookie: " + c
                + "\r\nConnection: close\r\n\r\n").matches("HTTP/1.1 40[04].*"));
        // an extends in the editor's text may not reach outside the workspace either
        HttpResponse<String> ext = post("/api/validate", "resolve: 1\nid: x\nextends: ../outside/secret.yaml\n", "Cookie", c, "Origin", base);
        assertEquals(200, ext.statusCode());
        assertTrue(ext.body().contains("\"line\":3") && ext.body().contains("is outside the workspace"), ext.body());
        assertTrue(!ext.body().contains("SECRET"), ext.body());
    }

    /** Asserts a response refused the scenario without reading the outside file. */
    private static void refused(HttpResponse<String> r, String what) {
        assertTrue(r.statusCode() == 422 || r.statusCode() == 404 || r.statusCode() == 400, what + " -> " + r.statusCode() + " " + r.body());
        assertTrue(!r.body().contains("SECRET"), what + ": " + r.body());
    }

    @Test
    void noRouteReadsAFileOutsideTheWorkspaceThroughExtends() throws Exception {
        String c = cookie();
        String secret = tmp.resolve("outside/secret.yaml").toRealPath().toString();
        // the editor's text, however the key is written
        for (String text : new String[] {"resolve: 1\nid: x\nextends: " + secret + "\n", "resolve: 1\nid: x\nextends : " + secret + "\n",
            "resolve: 1\nid: x\n\"extends\": " + secret + "\n", "resolve: 1\nid: x\n'extends':   \"" + secret + "\"\n",
            "resolve: 1\nid: x\nextends: ../outside/secret.yaml\n", "{resolve: 1, id: x, extends: " + secret + "}\n",
            "resolve: 1\nid: x\nextends: /dev/zero\n"}) {
            HttpResponse<String> r = post("/api/validate", text, "Cookie", c, "Origin", base);
            assertEquals(200, r.statusCode(), text);
            assertTrue(r.body().contains("is outside the workspace") && !r.body().contains("SECRET"), text + ": " + r.body());
            refused(post("/api/runs", "{\"text\":" + json(text) + ",\"replications\":1}", "Cookie", c, "Origin", base), "run of " + text);
        }
        // a pipe in the workspace is not read (reading it would block)
        Path fifo = tmp.resolve("ws/pipe.yaml");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            HttpResponse<String> r = post("/api/validate", "resolve: 1\nid: x\nextends: pipe.yaml\n", "Cookie", c, "Origin", base);
            assertTrue(r.body().contains("is not a regular file"), r.body());
        }
        // saved files, and a chain of them, through every route that loads a file
        for (String[] f : new String[][] {{"out.yaml", "resolve: 1\nid: out\nextends: " + secret + "\n"},
            {"up.yaml", "resolve: 1\nid: up\nextends: ../../outside/secret.yaml\n"}, {"chain.yaml", "resolve: 1\nid: chain\nextends: up.yaml\n"}}) {
            HttpResponse<String> saved = post("/api/scenarios", "{\"name\":\"" + f[0] + "\",\"text\":" + json(f[1]) + "}", "Cookie", c, "Origin", base);
            assertEquals(200, saved.statusCode(), saved.body());
            String file = "scenarios/" + f[0];
            refused(post("/api/runs", "{\"file\":\"" + file + "\",\"replications\":1}", "Cookie", c, "Origin", base), "run " + file);
            refused(post("/api/compare", "{\"baseline\":\"kursk-2024\",\"scenario\":\"" + file + "\",\"replications\":2}", "Cookie", c,
                    "Origin", base), "compare " + file);
            refused(post("/api/sensitivity", "{\"scenario\":\"" + file + "\",\"trajectories\":2}", "Cookie", c, "Origin", base),
                    "sensitivity " + file);
            refused(get("/provenance?file=" + file, "Cookie", c), "provenance " + file);
            refused(get("/provenance?scenario=" + file, "Cookie", c), "provenance " + file);
            HttpResponse<String> edit = get("/edit?file=" + file, "Cookie", c);
            assertEquals(200, edit.statusCode());
            assertTrue(!edit.body().contains("SECRET"), edit.body());
        }
        // done right: a workspace file that extends a bundled scenario loads everywhere
        assertEquals(200, get("/provenance?file=scenarios/mine.yaml", "Cookie", c).statusCode());
    }

    private static String json(String s) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (HttpResponse<String> r : java.util.List.of(get("/", "Cookie", cookie()), get("/"),
                get("/", "Host", "evil.example", "Cookie", cookie()))) {
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        }
    }

    @Test
    void savingNeverWritesThroughALinkPlantedBesideTheTarget() throws Exception {
        // Before, saving evil.yaml wrote into a fixed evil.yaml.partial: a link planted there to a
        // file outside the workspace made the save overwrite that file. Now the temporary file is
        // created fresh under an unpredictable name, and the planted link is never opened.
        Path ws = tmp.resolve("ws");
        Path victim = tmp.resolve("outside/victim.txt");
        Files.writeString(victim, "KEEP\n");
        Files.createSymbolicLink(ws.resolve("scenarios/evil.yaml.partial"), victim);
        String body = "{\"name\":\"evil.yaml\",\"text\":\"resolve: 1\\nid: evil\\nextends: kursk-2024\\n\"}";
        HttpResponse<String> r = post("/api/scenarios", body, "Cookie", cookie(), "Origin", base);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("KEEP\n", Files.readString(victim), "the file outside the workspace is untouched");
        assertTrue(Files.isSymbolicLink(ws.resolve("scenarios/evil.yaml.partial")), "the planted link is left as it was");
        assertTrue(Files.isRegularFile(ws.resolve("scenarios/evil.yaml"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.readString(ws.resolve("scenarios/evil.yaml")).contains("id: evil"));
        try (var files = Files.list(ws.resolve("scenarios"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".evil.yaml.")), "no temporary file left");
        }
    }
}
