package org.resolve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run queue under clients that misbehave: event listeners that stop reading, runs that are
 * cancelled, more work than the queue takes, and comparisons whose client goes away.
 */
class WebJobsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path tmp;
    static WebServer server;
    static HttpClient http;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        Path ws = tmp.resolve("ws");
        Files.createDirectories(ws);
        server = WebServer.start(new WebServer.Options("127.0.0.1", 0, ws, 1, Security.DEFAULT_MAX_BODY));
        base = "http://127.0.0.1:" + server.port();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String cookie() {
        return "resolve_token_" + server.port() + "=" + server.token();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Cookie", cookie()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).header("Cookie", cookie())
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode startRun(String body) throws Exception {
        HttpResponse<String> r = post("/api/runs", body);
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static JsonNode status(String id) throws Exception {
        return JSON.readTree(get("/api/runs/" + id).body());
    }

    /** Waits (at most {@code seconds}) until a run is no longer queued or running; @return its status */
    static JsonNode awaitEnd(String id, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            JsonNode st = status(id);
            String state = st.path("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return st;
            }
            Thread.sleep(50);
        }
        return status(id);
    }

    /** Opens an event stream with a raw socket and a tiny receive buffer, and reads nothing. */
    static Socket silentListener(String id) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(1024);
        s.connect(new InetSocketAddress("127.0.0.1", server.port()));
        OutputStream out = s.getOutputStream();
        out.write(("GET /api/runs/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nCookie: " + cookie()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return s;
    }

    /** Reads a socket until the server closes it (or resets it); @return what was read, or null if it stayed open for {@code seconds} */
    static String readToEnd(Socket s, int seconds) throws IOException {
        s.setSoTimeout(1000);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        InputStream in = s.getInputStream();
        while (System.nanoTime() < end) {
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException reset) {
                return got.toString(StandardCharsets.ISO_8859_1);
            }
            if (n < 0) {
                return got.toString(StandardCharsets.ISO_8859_1);
            }
            got.write(buf, 0, n);
        }
        return null;
    }

    @Test
    void listenersThatStopReadingNeverStallARun() throws Exception {
        // Before, the job sent every event to every client while holding its lock, with a blocking
        // write: three clients that never read froze the ensemble and its store writes until the
        // writes timed out. Here three such clients (with tiny receive buffers) listen while the
        // job's event stream carries 20 MB, far more than their sockets hold (standing in for the
        // hours of progress and fan events of a long run), and the run must still finish in a
        // time comparable to the same run alone.
        String body = "{\"scenario\":\"kursk-2024\",\"mode\":\"aggregate\",\"replications\":300,\"days\":60}";
        long t0 = System.nanoTime();
        JsonNode alone = startRun(body);
        assertEquals("done", awaitEnd(alone.path("id").asText(), 300).path("state").asText());
        double aloneSeconds = (System.nanoTime() - t0) / 1e9;

        t0 = System.nanoTime();
        JsonNode started = startRun(body);
        String id = started.path("id").asText();
        List<Socket> silent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            silent.add(silentListener(id));
        }
        Socket late = silentListener(id); // reads only after the flood: it must still get the terminal event
        CompletableFuture<HttpResponse<String>> reader = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id + "/events"))
                .timeout(Duration.ofSeconds(300)).header("Cookie", cookie()).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.jobs().listeners() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(5, server.jobs().listeners(), "every listener is connected");
        RunJobs.Job job = server.jobs().job(id).orElseThrow();
        Map<String, String> filler = Map.of("filler", "x".repeat(100_000));
        Thread flood = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                job.emit("fan", filler);
            }
        });
        long f0 = System.nanoTime();
        flood.start();
        flood.join(60_000);
        double floodSeconds = (System.nanoTime() - f0) / 1e9;
        assertFalse(flood.isAlive(), "emitting events waited on clients for a minute");
        assertTrue(floodSeconds < 5, "emitting 20 MB of events took " + floodSeconds + " s");
        String lateEvents = readToEnd(late, 120);
        JsonNode end = awaitEnd(id, 300);
        double withSeconds = (System.nanoTime() - t0) / 1e9;
        assertEquals("done", end.path("state").asText(), end.toString());
        assertTrue(withSeconds < 2 * aloneSeconds + 10, "alone " + aloneSeconds + " s, with silent listeners " + withSeconds + " s");
        // a listener that reads gets the terminal event, and so does one that catches up late
        String events = reader.get(60, TimeUnit.SECONDS).body();
        assertTrue(events.contains("event: done"), events.length() > 300 ? events.substring(events.length() - 300) : events);
        assertTrue(lateEvents != null && lateEvents.contains("event: done"), "the late reader got the end");
        // the silent ones are disconnected once their writes have been blocked for the limit
        deadline = System.nanoTime() + RunJobs.SLOW_LISTENER_NANOS + 15_000_000_000L;
        while (server.jobs().listeners() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, server.jobs().listeners(), "every listener is gone");
        for (Socket s : silent) {
            assertTrue(readToEnd(s, 30) != null, "the server closed a listener that stopped reading");
            s.close();
        }
        late.close();
    }

    /** A run long enough never to finish during a test (it is always cancelled). */
    static final String LONG = "{\"scenario\":\"kursk-2024\",\"mode\":\"agent\",\"replications\":10000}";

    static HttpResponse<String> cancel(String id) throws Exception {
        return post("/api/runs/" + id + "/cancel", "");
    }

    @Test
    void cancellingARunningRunStopsItPromptlyAndLeavesItsStoreInterruptedAndResumable() throws Exception {
        JsonNode started = startRun(LONG);
        String id = started.path("id").asText();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (status(id).path("done").asInt() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(status(id).path("done").asInt() >= 3, "the run is under way: " + status(id));
        CompletableFuture<HttpResponse<String>> events = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id + "/events"))
                .timeout(Duration.ofSeconds(60)).header("Cookie", cookie()).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        // a cancel is a state-changing request: another site's page cannot send it
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id + "/cancel")).header("Cookie", cookie())
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, foreign.statusCode());
        assertEquals("running", status(id).path("state").asText());

        long t0 = System.nanoTime();
        HttpResponse<String> c = cancel(id);
        assertEquals(200, c.statusCode(), c.body());
        assertTrue(JSON.readTree(c.body()).path("cancel_requested").asBoolean(), c.body());
        JsonNode end = awaitEnd(id, 10);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals("cancelled", end.path("state").asText(), end.toString());
        assertTrue(seconds < 10, "stopped " + seconds + " s after the cancel");
        int done = end.path("done").asInt();
        assertTrue(done < 10_000, "it stopped before the end: " + done);
        String stream = events.get(30, TimeUnit.SECONDS).body();
        assertTrue(stream.contains("event: cancelled"), stream.length() > 300 ? stream.substring(stream.length() - 300) : stream);
        assertEquals(409, cancel(id).statusCode(), "a run that has ended is not cancelled again");
        assertEquals(404, cancel("nosuchrun").statusCode());
        // the store holds what was computed, marked interrupted (resumable), never complete
        Path store = server.workspace().results().resolve(started.path("run").asText()).resolve(org.resolve.store.Ensemble.STORE);
        try (org.resolve.store.ResultsStore rs = org.resolve.store.ResultsStore.open(store)) {
            org.resolve.store.SweepInfo sweep = rs.sweeps().get(0);
            assertEquals(org.resolve.store.SweepInfo.INTERRUPTED, sweep.status());
            long stored = rs.counts(sweep.sweepId()).runs();
            assertTrue(stored > 0 && stored < 10_000, "runs stored: " + stored);
        }
        assertFalse(Files.exists(store.resolveSibling("meta.json")), "no meta.json: the run is not finished");
    }

    @Test
    void theQueueIsBoundedAndAQueuedRunCanBeCancelledBeforeItStarts() throws Exception {
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < RunJobs.MAX_ACTIVE; i++) {
                ids.add(startRun(LONG).path("id").asText());
            }
            HttpResponse<String> refused = post("/api/runs", LONG);
            assertEquals(429, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("at most " + RunJobs.MAX_ACTIVE), refused.body());
            HttpResponse<String> tooMany = post("/api/runs", "{\"scenario\":\"kursk-2024\",\"replications\":" + (RunJobs.MAX_REPLICATIONS + 1) + "}");
            assertEquals(400, tooMany.statusCode(), tooMany.body());
            assertTrue(tooMany.body().contains("replications must be a whole number from 1 to " + RunJobs.MAX_REPLICATIONS), tooMany.body());
            HttpResponse<String> bigCompare = post("/api/compare", "{\"baseline\":\"kursk-2024\",\"scenario\":\"kursk-2024-persuasion\","
                    + "\"replications\":" + (RunJobs.MAX_REPLICATIONS + 1) + "}");
            assertEquals(400, bigCompare.statusCode(), bigCompare.body());
            // the last one is still queued: cancelled, it never starts, and its empty folder is gone
            String last = ids.get(ids.size() - 1);
            JsonNode queued = status(last);
            assertEquals("queued", queued.path("state").asText());
            assertEquals(200, cancel(last).statusCode());
            assertEquals("cancelled", status(last).path("state").asText());
            assertFalse(Files.exists(server.workspace().results().resolve(queued.path("run").asText())));
            // a place is free again
            ids.add(startRun(LONG).path("id").asText());
        } finally {
            for (String id : ids) {
                cancel(id);
            }
            for (String id : ids) {
                assertEquals("cancelled", awaitEnd(id, 30).path("state").asText());
            }
        }
    }

    /** Posts a comparison on a raw socket; the caller closes it to leave. */
    static Socket compareOnASocket(String json) throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(("POST /api/compare HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nCookie: " + cookie() + "\r\nOrigin: "
                + base + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().write(body);
        s.getOutputStream().flush();
        return s;
    }

    static long liveRunThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals("resolve-run")).count();
    }

    /** Posts a long comparison on a raw socket and waits until its runs are computing. */
    static Socket longCompare() throws Exception {
        String big = "{\"baseline\":\"kursk-2024\",\"scenario\":\"kursk-2024-persuasion\",\"mode\":\"agent\",\"replications\":10000}";
        Socket s = compareOnASocket(big);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while ((server.analysesRunning() < 1 || liveRunThreads() < 1) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, server.analysesRunning(), "the comparison is running");
        assertTrue(liveRunThreads() >= 1, "its runs are computing");
        return s;
    }

    /** Closes a comparison's socket and asserts its work stops within 5 s. */
    static void leave(Socket s) throws Exception {
        s.close(); // the tab is closed
        long t0 = System.nanoTime();
        long deadline = t0 + 10_000_000_000L;
        while ((server.analysesRunning() > 0 || liveRunThreads() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, server.analysesRunning(), "the comparison stopped");
        assertEquals(0, liveRunThreads(), "no run is computing");
        assertTrue(seconds < 5, "stopped " + seconds + " s after the client left");
    }

    @Test
    void aComparisonWhoseClientLeavesStopsAndOnlyOneRunsAtATime() throws Exception {
        // Before, a comparison went on to its end (both cores busy) after its client had gone.
        Socket s = longCompare();
        Thread.sleep(1000);
        assertEquals(1, server.analysesRunning(), "still running a second later");
        leave(s);
        // one at a time: a second one meanwhile is refused
        s = longCompare();
        HttpResponse<String> second = post("/api/compare", "{\"baseline\":\"kursk-2024\",\"scenario\":\"kursk-2024-persuasion\",\"replications\":2,"
                + "\"days\":5}");
        assertEquals(429, second.statusCode(), second.body());
        assertTrue(second.body().contains("one at a time"), second.body());
        leave(s);
        // and the next comparison runs
        HttpResponse<String> next = post("/api/compare", "{\"baseline\":\"kursk-2024\",\"scenario\":\"kursk-2024-persuasion\",\"replications\":2,"
                + "\"days\":5,\"mode\":\"aggregate\"}");
        assertEquals(200, next.statusCode(), next.body());
    }
}
