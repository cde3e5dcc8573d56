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
}
