package org.resolve.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.resolve.analysis.Comparison;
import org.resolve.analysis.KpiSummary;
import org.resolve.analysis.sensitivity.MorrisEffect;
import org.resolve.analysis.sensitivity.MorrisResult;
import org.resolve.analysis.sensitivity.SensitivityOptions;
import org.resolve.analysis.sensitivity.SensitivityStudy;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.scenario.Bundled;
import org.resolve.core.scenario.Problem;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioException;
import org.resolve.core.scenario.ScenarioLoader;
import org.resolve.store.EngineSpec;
import org.resolve.store.Ensemble;
import org.resolve.store.ExportFolder;
import org.resolve.store.ResultsStore;
import org.resolve.store.SensitivityFiles;
import org.resolve.store.SweepInfo;
import org.resolve.store.StoreException;
import org.resolve.store.Sweep;
import org.resolve.store.SweepRunner;
import org.resolve.store.SweepSummary;

/**
 * {@code resolve serve}: a local web UI (Javalin) over the services the commands use —
 * {@link ScenarioLoader} for live validation, {@link Ensemble} for runs (streamed as server-sent
 * events with fan charts), {@link Comparison} for comparisons, {@link SensitivityStudy} for Morris
 * screening and {@link ResultsStore}'s exports for downloads. {@link Security} guards every
 * request; see its documentation for the rules, and docs/SECURITY.md for the threat model and the
 * limits on input, files and work.
 *
 * <h2>Routes</h2>
 * Pages: {@code /}, {@code /edit?scenario=ID|file=NAME}, {@code /provenance?...}, {@code /compare},
 * {@code /sensitivity}. API: {@code POST /api/validate} (the YAML as the body), {@code POST
 * /api/scenarios}, {@code POST /api/runs}, {@code GET /api/runs/{id}}, {@code POST
 * /api/runs/{id}/cancel}, {@code GET /api/runs/{id}/events} (SSE), {@code POST /api/compare},
 * {@code POST /api/sensitivity}. Files:
 * {@code GET /download?run=NAME&table=T&format=csv|parquet}, {@code GET /assets/NAME}.
 */
public final class WebServer implements AutoCloseable {
    /** The tables a run's results can be downloaded as. */
    static final List<String> TABLES = List.of("series", "kpis", "runs", "sweep");
    /** The CSV files a results folder may hold: a run's tables, and a sensitivity analysis' indices. */
    static final List<String> CSV_TABLES = List.of("series", "kpis", "runs", "sweep", "sensitivity");
    /** The default port (when free; see {@code resolve serve --port}). */
    public static final int DEFAULT_PORT = 8642;
    /** Reads request bodies: floating-point numbers as exact decimals, so 1.0000000000000001 is not taken for 1. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** The root seed when a request gives none (as {@code resolve run}'s default). */
    static final long DEFAULT_SEED = 20241008L;
    /** The longest horizon a request may ask for, in days (as {@code --days}). */
    static final int MAX_DAYS = 3650;
    /** The folder a run's Parquet export is written to (as {@code resolve export} names it). */
    static final String PARQUET = "export-parquet";
    /** The assets served from the jar, by name: nothing else is served from the class path. */
    private static final Map<String, String[]> ASSETS = Map.of(
            "app.js", new String[] {"/org/resolve/web/static/app.js", "text/javascript; charset=utf-8"},
            "app.css", new String[] {"/org/resolve/web/static/app.css", "text/css; charset=utf-8"},
            "chart.umd.min.js", new String[] {"/META-INF/resources/webjars/chart.js/" + chartJsVersion() + "/dist/chart.umd.min.js",
                "text/javascript; charset=utf-8"});

    /**
     * How to serve.
     *
     * @param host the address to bind (127.0.0.1 by default)
     * @param port the port, 0 for any free one
     * @param workspace the folder with scenario files and {@code results/}
     * @param threads worker threads for runs
     * @param maxBody the request body limit in bytes
     */
    public record Options(String host, int port, Path workspace, int threads, long maxBody) {
        /** @throws IllegalArgumentException for a bad port, thread count or limit */
        public Options {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(workspace, "workspace");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
            if (maxBody < 1) {
                throw new IllegalArgumentException("maxBody must be positive");
            }
        }
    }

    private final Options options;
    private final Workspace workspace;
    private final String token;
    private final AtomicInteger port = new AtomicInteger(-1);
    private final Security security;
    private final RunJobs jobs;
    private final Javalin app;
    /** Held while a download is made on first request (Parquet export, HTML report): one at a time, never behind an analysis. */
    private final Object exportLock = new Object();
    /** Held by a sensitivity analysis for its whole run: one at a time (taken interruptibly, so a cancelled one stops waiting). */
    private final java.util.concurrent.locks.ReentrantLock analysisLock = new java.util.concurrent.locks.ReentrantLock();
    /** Taken by a comparison for its whole run: one at a time, another is refused with 429. */
    private final java.util.concurrent.Semaphore compareSlot = new java.util.concurrent.Semaphore(1);
    /** Runs the comparisons and analyses requested, so that the request's thread can watch for its client leaving. */
    private final java.util.concurrent.ExecutorService analyses = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "resolve-web-analysis");
        t.setDaemon(true);
        return t;
    });
    /** Comparisons and analyses whose work is still running (including one whose client has left and that is stopping). */
    private final AtomicInteger analysesRunning = new AtomicInteger();

    private WebServer(Options options) {
        this.options = options;
        this.workspace = new Workspace(options.workspace());
        this.token = Security.newToken();
        this.security = new Security(token, options.host(), port::get, options.maxBody());
        this.jobs = new RunJobs(workspace);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = options.maxBody();
            cfg.routes.before(security::check);
            cfg.routes.get("/", this::home);
            cfg.routes.get("/edit", this::editor);
            cfg.routes.get("/provenance", ctx -> ctx.html(Pages.provenance(scenario(ctx.queryParam("scenario"), ctx.queryParam("file")))));
            cfg.routes.get("/compare", ctx -> ctx.html(Pages.compare(choices())));
            cfg.routes.get("/sensitivity", ctx -> ctx.html(Pages.sensitivity(choices())));
            cfg.routes.get("/assets/{name}", this::asset);
            cfg.routes.get("/download", this::download);
            cfg.routes.post("/api/validate", this::validate);
            cfg.routes.post("/api/scenarios", this::save);
            cfg.routes.post("/api/runs", this::run);
            cfg.routes.get("/api/runs/{id}", ctx -> ctx.json(jobs.job(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new).status()));
            cfg.routes.post("/api/runs/{id}/cancel", this::cancel);
            cfg.routes.sse("/api/runs/{id}/events", this::events);
            cfg.routes.post("/api/compare", this::compare);
            cfg.routes.post("/api/sensitivity", this::sensitivity);
            cfg.routes.exception(ScenarioException.class, (e, ctx) -> ctx.status(422).json(Map.of("problems", problems(e))));
            cfg.routes.exception(StoreException.class, (e, ctx) -> ctx.status(409).json(Map.of("error", e.getMessage())));
            cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
            // An Error escaping a handler (none should: scenario loads are guarded) still gets a body saying what happened.
            cfg.router.javaLangErrorHandler((res, error) -> {
                try {
                    res.setStatus(500);
                    res.setContentType("application/json");
                    res.getWriter().write(JSON.writeValueAsString(Map.of("error", "internal error: " + error)));
                } catch (IOException | RuntimeException ignored) {
                    // the response is already committed or gone
                }
            });
        });
    }

    /**
     * Starts a server. With the default port taken, any free port is used instead.
     *
     * @param options how to serve
     * @return the running server
     */
    public static WebServer start(Options options) {
        WebServer s = new WebServer(options);
        try {
            s.app.start(options.host(), options.port());
        } catch (RuntimeException e) {
            if (options.port() != DEFAULT_PORT) {
                throw e;
            }
            s.app.stop();
            s = new WebServer(new Options(options.host(), 0, options.workspace(), options.threads(), options.maxBody()));
            s.app.start(options.host(), 0);
        }
        s.port.set(s.app.port());
        return s;
    }

    /** @return the bound port */
    public int port() {
        return port.get();
    }

    /** @return the secret token */
    public String token() {
        return token;
    }

    /** @return the workspace */
    public Workspace workspace() {
        return workspace;
    }

    /** @return the URL to open, with the token (as Jupyter prints it) */
    public String url() {
        String h = options.host().equals("0.0.0.0") || options.host().equals("::") ? "127.0.0.1"
                : options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + h + ":" + port() + "/?token=" + token;
    }

    private final java.util.concurrent.atomic.AtomicInteger warmedUp = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Compiles the engines before the first request needs them: a background thread of the lowest
     * priority runs a few short replications of kursk-2024 in both modes (KPIs only, nothing
     * stored), about one to two seconds of one core. Without it, the first ensemble started from
     * the UI runs partly interpreted while the JIT compiles the day loop (measured: +36% on its wall
     * time; see docs/PERFORMANCE.md). A run started meanwhile is not affected in its results.
     *
     * @return the warm-up thread (already started; a daemon)
     */
    public Thread warmUp() {
        Thread t = new Thread(() -> {
            try {
                Scenario sc = ScenarioLoader.load("kursk-2024").with(Map.of(), 150);
                org.resolve.core.engine.Engine agent = new org.resolve.core.engine.AgentEngine().kpisOnly();
                org.resolve.core.engine.Engine aggregate = org.resolve.core.engine.Engine
                        .of(org.resolve.core.engine.Mode.AGGREGATE).kpisOnly();
                double[] p = org.resolve.core.engine.ParameterSampler.medians(sc);
                long end = System.nanoTime() + 3_000_000_000L;
                for (int i = 0; i < 40 && System.nanoTime() < end; i++) {
                    agent.run(sc, p, i, i);
                    aggregate.run(sc, p, i, i);
                    warmedUp.incrementAndGet();
                }
            } catch (ScenarioException | RuntimeException e) {
                // a warm-up only: the first run will compile what it needs
            }
        }, "resolve-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** @return pairs of warm-up replications (agent and aggregate) done so far */
    public int warmedUp() {
        return warmedUp.get();
    }

    /** Stops the server and the run queue (a running ensemble stops and stays resumable). */
    @Override
    public void close() {
        app.stop();
        jobs.close();
        analyses.shutdownNow();
    }

    // ---- pages

    private void home(Context ctx) throws ScenarioException {
        if (ctx.queryParam("token") != null) {
            ctx.redirect("/"); // the cookie is set: drop the token from the address bar and history
            return;
        }
        Map<String, String> bundled = new LinkedHashMap<>();
        for (String id : Bundled.IDS) {
            bundled.put(id, ScenarioLoader.load(id).title());
        }
        Map<String, List<String>> runs = new LinkedHashMap<>();
        for (String r : workspace.runFolders()) {
            Path dir = workspace.results().resolve(r);
            runs.put(r, CSV_TABLES.stream().filter(t -> Files.isRegularFile(dir.resolve(t + ".csv"))).toList());
        }
        ctx.html(Pages.home(bundled, workspace.scenarioFiles(), runs, workspace.root().toString()));
    }

    private void editor(Context ctx) {
        String id = ctx.queryParam("scenario");
        String file = ctx.queryParam("file");
        String text;
        String label;
        String kind;
        String name;
        int days = 365;
        if (file != null) {
            Path p = workspace.scenarioFile(file);
            label = workspace.root().relativize(p).toString().replace('\\', '/');
            text = Workspace.readText(p, label); // at most MAX_TEXT_BYTES are read; a larger file is a 413
            kind = "file";
            name = label;
        } else {
            String b = id == null ? Bundled.DEFAULT : id;
            if (!Bundled.IDS.contains(b)) {
                throw new NotFoundResponse("no bundled scenario " + b);
            }
            text = Bundled.text(b);
            label = Bundled.label(b);
            kind = "scenario";
            name = b;
        }
        try {
            days = fromEditor(text, kind.equals("scenario") ? name : null, kind.equals("file") ? name : null).days();
        } catch (ScenarioException | RuntimeException e) {
            // the editor opens the text whatever is wrong with it, and shows the problems
        }
        ctx.html(Pages.editor(kind, name, label, text, days));
    }

    private List<String> choices() {
        List<String> c = new ArrayList<>(Bundled.IDS);
        c.addAll(workspace.scenarioFiles());
        return c;
    }

    private void asset(Context ctx) throws IOException {
        String[] a = ASSETS.get(ctx.pathParam("name"));
        if (a == null) {
            throw new NotFoundResponse("not found");
        }
        try (InputStream in = WebServer.class.getResourceAsStream(a[0])) {
            if (in == null) {
                throw new NotFoundResponse("not found");
            }
            ctx.contentType(a[1]).result(in.readAllBytes());
        }
    }

    // ---- scenarios

    /**
     * @return a bundled scenario by id, or a workspace file by name; a file and every file its
     *     {@code extends} chain names must be in the workspace
     */
    private Scenario scenario(String id, String file) throws ScenarioException {
        if (file != null) {
            Path p = workspace.scenarioFile(file);
            return guarded(p.toString(), () -> readOrNull(p), () -> ScenarioLoader.load(p.toString(), workspace.root()));
        }
        if (id == null || !Bundled.IDS.contains(id)) {
            if (id != null && !id.isEmpty() && (id.endsWith(".yaml") || id.endsWith(".yml"))) {
                Path p = workspace.scenarioFile(id);
                return guarded(p.toString(), () -> readOrNull(p), () -> ScenarioLoader.load(p.toString(), workspace.root()));
            }
            throw new NotFoundResponse("no such scenario");
        }
        return ScenarioLoader.load(id);
    }

    /** Loads a scenario; see {@link #guarded}. */
    @FunctionalInterface
    interface Load {
        Scenario load() throws ScenarioException;
    }

    /**
     * Runs a scenario load so that no text a user hands over can take the server down with it: a
     * document nested so deeply that the loader's recursion overflows the stack (the YAML loader
     * limits nesting itself; this is the server's own guard, whatever the loader does) becomes a
     * {@link ScenarioException} located where the nesting is deepest, answered like any other
     * problem, instead of an error that Jetty answers with an empty 500.
     *
     * @param label the file name or label the problem names
     * @param text supplies the text (for the location), or null when it cannot be read
     * @param load the load
     */
    static Scenario guarded(String label, java.util.function.Supplier<String> text, Load load) throws ScenarioException {
        try {
            return load.load();
        } catch (StackOverflowError e) {
            String t = text.get();
            org.resolve.core.scenario.Location at = t == null ? new org.resolve.core.scenario.Location(label, 1, 1) : deepest(label, t);
            throw new ScenarioException(List.of(new Problem(at, "document", "nested too deeply to read",
                    "lists and maps nested at most a few hundred levels")));
        }
    }

    /**
     * @return where the brackets of a YAML flow collection ({@code [} and <code>{</code>) first
     *     reach their greatest depth, ignoring quoted text and comments (block nesting, which needs
     *     a line per level, is reported at the line that is indented deepest)
     */
    static org.resolve.core.scenario.Location deepest(String label, String text) {
        int depth = 0;
        int max = 0;
        int line = 1;
        int col = 1;
        int atLine = 1;
        int atCol = 1;
        int lineStart = 0;
        int maxIndent = -1;
        int indentLine = 1;
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
                lineStart = i + 1;
                comment = false;
                quote = 0;
                continue;
            }
            if (i == lineStart) {
                int indent = 0;
                while (lineStart + indent < text.length() && (text.charAt(lineStart + indent) == ' ' || text.charAt(lineStart + indent) == '-')) {
                    indent++;
                }
                if (indent > maxIndent) {
                    maxIndent = indent;
                    indentLine = line;
                }
            }
            if (comment) {
                col++;
                continue;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                comment = true;
            } else if (c == '[' || c == '{') {
                depth++;
                if (depth > max) {
                    max = depth;
                    atLine = line;
                    atCol = col;
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            col++;
        }
        return max > 1 ? new org.resolve.core.scenario.Location(label, atLine, atCol) : new org.resolve.core.scenario.Location(label, indentLine, 1);
    }

    /**
     * Loads the editor's text, as {@code resolve validate} loads a file (the same
     * {@link ScenarioLoader}), with every {@code extends} confined to bundled scenarios and files in
     * the workspace. {@code id} or {@code file} names what the editor opened: text unchanged from it
     * is loaded from there, so results record the bundled id or the file's real path; edited text is
     * labelled {@link ScenarioLoader#UNSAVED} (results say so and nothing re-reads it), with relative
     * {@code extends} resolved beside the file it was opened from, else in the workspace.
     *
     * @param text the YAML
     * @param id the bundled scenario the editor opened, or null
     * @param file the workspace file the editor opened (confined to the workspace), or null
     */
    private Scenario fromEditor(String text, String id, String file) throws ScenarioException {
        Path origin = null;
        if (file != null) {
            try {
                origin = workspace.scenarioFile(file);
            } catch (HttpResponseException e) {
                origin = null; // deleted or never there: the text is all there is
            }
            if (origin != null && text.equals(readOrNull(origin))) {
                Path o = origin;
                return guarded(o.toString(), () -> text, () -> ScenarioLoader.load(o.toString(), workspace.root()));
            }
        } else if (id != null && Bundled.IDS.contains(id) && text.equals(Bundled.text(id))) {
            return ScenarioLoader.load(id);
        }
        String name = origin != null ? workspace.root().relativize(origin).toString().replace('\\', '/')
                : id != null && Bundled.IDS.contains(id) ? Bundled.label(id) : null;
        String label = ScenarioLoader.UNSAVED + (name == null ? "" : " of " + name);
        Path dir = origin == null ? workspace.root() : origin.getParent();
        return guarded(label, () -> text, () -> ScenarioLoader.fromText(label, text, dir, workspace.root()));
    }

    private static List<Map<String, Object>> problems(ScenarioException e) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Problem p : e.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", p.location().line());
            m.put("column", p.location().column());
            m.put("subject", p.subject());
            m.put("problem", p.problem());
            m.put("expected", p.expected());
            m.put("message", p.toString());
            out.add(m);
        }
        return out;
    }

    private void validate(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            Scenario sc = fromEditor(ctx.body(), ctx.queryParam("scenario"), ctx.queryParam("file"));
            out.put("ok", true);
            out.put("problems", List.of());
            out.put("summary", sc.id() + ", " + sc.parameters().size() + " parameters, " + sc.uncertainParameters().size()
                    + " uncertain, " + sc.sources().size() + " sources");
        } catch (ScenarioException e) {
            out.put("ok", false);
            out.put("problems", problems(e));
        }
        ctx.json(out);
    }

    private void save(Context ctx) throws IOException {
        JsonNode body = body(ctx);
        Path target = workspace.saveTarget(text(body, "name", null));
        String text = text(body, "text", "");
        org.resolve.store.AtomicFiles.write(target, text);
        ctx.json(Map.of("file", workspace.root().relativize(target).toString().replace('\\', '/')));
    }

    // ---- runs

    private void run(Context ctx) throws ScenarioException {
        JsonNode body = body(ctx);
        String text = text(body, "text", null);
        Scenario sc = text != null
                ? fromEditor(text, text(body, "scenario", null), text(body, "file", null))
                : scenario(text(body, "scenario", null), text(body, "file", null));
        sc = withDays(sc, body);
        Mode mode = mode(text(body, "mode", "agent"));
        int replications = intIn(body, "replications", 200, 1, RunJobs.MAX_REPLICATIONS);
        long seed = wholeIn(body, "seed", DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        Ensemble.Settings settings = new Ensemble.Settings(mode, Engine.DEFAULT_BINS, Ensemble.Design.MONTE_CARLO, replications, seed,
                options.threads(), List.of(), "resolve serve: run " + sc.id() + " --mode " + mode.key() + " --replications "
                + replications + " --days " + sc.days() + " --seed " + seed);
        RunJobs.Job job = jobs.start(sc, settings);
        ctx.status(202).json(Map.of("id", job.id, "events", "/api/runs/" + job.id + "/events", "run", job.dir.getFileName().toString()));
    }

    /** {@code POST /api/runs/ID/cancel}: 200 with the status (the state becomes cancelled once the run in hand is stored), 409 if it had finished. */
    private void cancel(Context ctx) {
        RunJobs.Job job = jobs.job(ctx.pathParam("id")).orElseThrow(() -> new NotFoundResponse("no such run"));
        if (!jobs.cancel(job)) {
            ctx.status(409).json(Map.of("error", "run " + job.id + " has already ended: " + job.state(), "state", job.state()));
            return;
        }
        ctx.json(job.status());
    }

    private void events(SseClient client) {
        RunJobs.Job job = jobs.job(client.ctx().pathParam("id")).orElse(null);
        if (job == null) {
            client.sendEvent("failed", "{\"error\":\"no such run\"}");
            client.close();
            return;
        }
        client.keepAlive();
        jobs.listen(job, client, connectionCloser(client.ctx()));
    }

    /**
     * @return closes the request's connection at the socket, which fails a write blocked on a
     *     client that stopped reading (closing the response would wait for that write)
     */
    static Runnable connectionCloser(Context ctx) {
        org.eclipse.jetty.io.EndPoint ep = endPoint(ctx);
        return ep == null ? () -> { } : ep::close;
    }

    /**
     * Runs a request's long work (a comparison, an analysis) on a worker thread while the request's
     * thread watches its client: when the client closes the connection (the tab was closed, the
     * request aborted), the work is cancelled by interrupting its thread, which stops the run
     * executor between runs (as Ctrl-C does), so a request nobody waits for no longer keeps the
     * cores busy.
     *
     * @param ctx the request
     * @param work the work
     * @param after run on the worker when the work has ended, whichever way
     * @return the work's result
     * @throws Exception the work's failure, or 503 when the client left
     */
    private <T> T untilClientLeaves(Context ctx, java.util.concurrent.Callable<T> work, Runnable after) throws Exception {
        java.util.concurrent.Future<T> f;
        analysesRunning.incrementAndGet();
        try {
            f = analyses.submit(() -> {
                try {
                    return work.call();
                } finally {
                    after.run();
                    analysesRunning.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            after.run();
            analysesRunning.decrementAndGet();
            throw e;
        }
        org.eclipse.jetty.io.EndPoint ep = endPoint(ctx);
        try {
            while (true) {
                try {
                    return f.get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    int state = ep == null ? 0 : peek(ep);
                    if (state < 0) {
                        f.cancel(true);
                        throw new HttpResponseException(503, "the client went away: the work was cancelled", Map.of());
                    }
                    if (state > 0) { // bytes of a next request: they were taken, so the connection cannot go on
                        ep = null;
                        ctx.header("Connection", "close");
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof Exception ex) {
                        throw ex;
                    }
                    if (c instanceof Error er) {
                        throw er;
                    }
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        }
    }

    /** @return the request's connection, or null if it cannot be reached */
    private static org.eclipse.jetty.io.EndPoint endPoint(Context ctx) {
        org.eclipse.jetty.server.Request core = org.eclipse.jetty.ee10.servlet.ServletContextRequest.getServletContextRequest(ctx.req());
        return core == null ? null : core.getConnectionMetaData().getConnection().getEndPoint();
    }

    /**
     * Looks at a connection whose request has been read, without waiting: the client has closed it
     * (-1), nothing has come (0), or bytes have come (1; HTTP/1.1 clients send nothing more while
     * they wait for an answer).
     */
    private static int peek(org.eclipse.jetty.io.EndPoint ep) {
        try {
            int n = ep.fill(org.eclipse.jetty.util.BufferUtil.allocate(1));
            return n < 0 ? -1 : n == 0 ? 0 : 1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** @return comparisons and analyses whose work is still running (for tests) */
    int analysesRunning() {
        return analysesRunning.get();
    }

    /** @return the run queue (for tests) */
    RunJobs jobs() {
        return jobs;
    }

    private void compare(Context ctx) throws Exception {
        JsonNode body = body(ctx);
        Scenario a = withDays(scenario(text(body, "baseline", null)), body);
        Scenario b = withDays(scenario(text(body, "scenario", null)), body);
        if (a.days() != b.days() || !a.start().equals(b.start())) {
            throw new IllegalArgumentException("scenarios " + a.id() + " and " + b.id() + " cover different periods; expected the same start and horizon");
        }
        Mode mode = mode(text(body, "mode", "aggregate"));
        int replications = intIn(body, "replications", 50, 2, RunJobs.MAX_REPLICATIONS);
        long seed = wholeIn(body, "seed", DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        long t0 = System.nanoTime();
        if (!compareSlot.tryAcquire()) {
            throw new HttpResponseException(io.javalin.http.HttpStatus.TOO_MANY_REQUESTS.getCode(),
                    "a comparison is already running: one at a time; wait for it to finish", Map.of());
        }
        // the slot is released by the worker when the comparison has really stopped
        Comparison.Result res = untilClientLeaves(ctx, () -> Comparison.run(List.of(a, b), EngineSpec.of(mode).create().kpisOnly(),
                replications, seed, options.threads(), 0.95, done -> { }), compareSlot::release);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Metric m : KpiSummary.HEADLINE) {
            for (Comparison.Row r : res.rows()) {
                if (r.metric() == m && r.scenario().equals(b.id())) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("metric", m.key());
                    row.put("baseline_mean", r.baselineMean());
                    row.put("scenario_mean", r.scenarioMean());
                    row.put("mean_difference", r.meanDifference());
                    row.put("ci_low", r.ciLow());
                    row.put("ci_high", r.ciHigh());
                    row.put("q05", r.q05());
                    row.put("q95", r.q95());
                    row.put("pairs", r.pairs());
                    rows.add(row);
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("baseline", a.id());
        out.put("scenario", b.id());
        out.put("replications", replications);
        out.put("confidence", 0.95);
        out.put("failures", res.failures());
        out.put("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1e3);
        out.put("rows", rows);
        ctx.json(out);
    }

    private void sensitivity(Context ctx) throws Exception {
        JsonNode body = body(ctx);
        Scenario sc = withDays(scenario(text(body, "scenario", null)), body);
        if (sc.uncertainParameters().isEmpty()) {
            throw new IllegalArgumentException("scenario " + sc.id() + " has no uncertain parameter");
        }
        Mode mode = mode(text(body, "mode", "aggregate"));
        int trajectories = intIn(body, "trajectories", 10, 2, 1000);
        long seed = wholeIn(body, "seed", DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        SensitivityStudy study = SensitivityStudy.create(sc, SensitivityStudy.Method.MORRIS, trajectories, 4, false, Map.of(), seed, false);
        Sweep sweep = Sweep.of(sc, study.plan(), mode == Mode.AGENT ? EngineSpec.agent() : EngineSpec.aggregate(Engine.DEFAULT_BINS),
                "resolve serve: sensitivity " + sc.id() + " --method morris --n " + trajectories + " --mode " + mode.key());
        Path dir = workspace.newRunFolder(sc.id(), "morris");
        List<String> keys = KpiSummary.HEADLINE.stream().map(Metric::key).toList();
        Map<String, double[]> outcomes;
        int failed;
        long t0 = System.nanoTime();
        Object[] stored = untilClientLeaves(ctx, () -> {
            analysisLock.lockInterruptibly(); // one analysis at a time; each has its own store
            try (ResultsStore store = ResultsStore.open(dir.resolve(Ensemble.STORE))) {
                SweepSummary done = new SweepRunner(store, options.threads()).run(sweep, sweep.engine().create().kpisOnly(),
                        (n, total) -> { });
                if (!done.complete()) {
                    throw new StoreException("the analysis was interrupted");
                }
                return new Object[] {store.kpiColumns(sweep.id(), keys, study.plan().size()), (int) store.counts(sweep.id()).failedRuns()};
            } finally {
                analysisLock.unlock();
            }
        }, () -> { });
        @SuppressWarnings("unchecked")
        Map<String, double[]> columns = (Map<String, double[]>) stored[0];
        outcomes = columns;
        failed = (int) stored[1];
        SensitivityOptions opts = SensitivityOptions.withSeed(seed);
        SensitivityStudy.Results results = study.analyse(outcomes, opts);
        // sensitivity.csv and meta.json, as resolve sensitivity writes them
        SensitivityFiles.write(dir, sc, study, results, sweep.id(), seed, mode.key(), opts, failed, (System.nanoTime() - t0) / 1e9);
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (MorrisResult r : results.morris()) {
            List<Map<String, Object>> effects = new ArrayList<>();
            for (MorrisEffect e : r.ranking()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("factor", e.factor());
                m.put("mu_star", e.muStar());
                m.put("mu_star_ci_low", e.muStarCiLow());
                m.put("mu_star_ci_high", e.muStarCiHigh());
                m.put("mu", e.mu());
                m.put("sigma", e.sigma());
                effects.add(m);
            }
            metrics.add(Map.of("metric", r.metric(), "reliable", r.reliable(), "effects", effects));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", sc.id());
        out.put("runs", study.plan().size());
        out.put("factors", study.space().groups().size());
        out.put("run", dir.getFileName().toString());
        out.put("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1e3);
        out.put("metrics", metrics);
        ctx.json(out);
    }

    // ---- downloads

    private void download(Context ctx) {
        String table = ctx.queryParam("table");
        String format = Objects.requireNonNullElse(ctx.queryParam("format"), "csv");
        if (table == null || !(CSV_TABLES.contains(table) || table.equals("meta") || table.equals("report"))) {
            throw new BadRequestResponse("table must be one of " + String.join(", ", CSV_TABLES) + ", meta or report");
        }
        Path dir = workspace.runFolder(Objects.requireNonNullElse(ctx.queryParam("run"), ""));
        String name;
        if (table.equals("meta")) {
            name = "meta.json";
        } else if (table.equals("report")) {
            // The self-contained HTML report, as `resolve report DIR` writes it (made on first request).
            name = org.resolve.report.HtmlReport.FILE;
            writeReport(dir);
        } else if (format.equals("csv")) {
            name = table + ".csv";
        } else if (format.equals("parquet") && TABLES.contains(table)) {
            name = PARQUET + "/" + table + ".parquet";
            exportParquet(dir); // a complete export is there now, or this threw
        } else {
            throw new BadRequestResponse("format must be csv, or parquet for " + String.join(", ", TABLES));
        }
        Path file = Workspace.resolveUnder(workspace.results(), dir.getFileName().toString(), name);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundResponse("not found");
        }
        String type = name.endsWith(".csv") ? "text/csv; charset=utf-8" : name.endsWith(".json") ? "application/json"
                : name.endsWith(".html") ? "text/html; charset=utf-8" : "application/vnd.apache.parquet";
        ctx.header("Content-Disposition", "attachment; filename=\"" + dir.getFileName() + "-" + file.getFileName() + "\"");
        try {
            ctx.contentType(type).result(Files.newInputStream(file));
        } catch (IOException e) {
            throw new NotFoundResponse("not found");
        }
    }

    /** The same report as {@code resolve report DIR}, written (atomically, by the report module) on first request. */
    private void writeReport(Path dir) {
        synchronized (exportLock) {
            if (Files.exists(dir.resolve(org.resolve.report.HtmlReport.FILE))) {
                return;
            }
            try {
                org.resolve.report.HtmlReport.write(dir);
            } catch (org.resolve.report.ReportException | IOException e) {
                throw new NotFoundResponse("no report: " + e.getMessage());
            }
        }
    }

    /**
     * The same export as {@code resolve export DIR --format parquet} (the latest sweep's tables),
     * made on first request. A folder {@value #PARQUET} is served only if it is a complete export
     * (its manifest lists every file with its size and SHA-256, see {@link ExportFolder}); one
     * that is not (a 0-byte or truncated file, a file missing, no manifest) is exported again,
     * which replaces it if it is an earlier export and is refused, with a clear error (409), if
     * it holds files that no export wrote. The store writes the export into a temporary folder
     * and moves it into place in one step, so a download never sees a partial export.
     */
    private void exportParquet(Path dir) {
        synchronized (exportLock) {
            Path target = dir.resolve(PARQUET);
            if (ExportFolder.complete(target).isPresent()) {
                return;
            }
            Path storeFile = Workspace.resolveUnder(dir, Ensemble.STORE);
            try (ResultsStore store = ResultsStore.open(storeFile)) {
                SweepInfo latest = store.sweeps().stream().max(java.util.Comparator.comparing(SweepInfo::created))
                        .orElseThrow(() -> new NotFoundResponse("no sweep stored"));
                store.exportParquet(target, latest.sweepId());
            } catch (StoreException e) {
                // One line, with the run's folder named relative to the results folder (no machine path).
                String root = workspace.results().toAbsolutePath().normalize() + java.io.File.separator;
                throw new StoreException("no Parquet export of run " + dir.getFileName() + ": " + e.getMessage().replace(root, ""), e);
            }
        }
    }

    // ---- helpers

    private static JsonNode body(Context ctx) {
        try {
            JsonNode n = JSON.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw new BadRequestResponse("expected a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new BadRequestResponse("expected a JSON object");
        }
    }

    private Scenario scenario(String ref) throws ScenarioException {
        if (ref == null) {
            throw new BadRequestResponse("a scenario is required");
        }
        return Bundled.IDS.contains(ref) ? scenario(ref, null) : scenario(null, ref);
    }

    private static Scenario withDays(Scenario sc, JsonNode body) {
        JsonNode n = body.get("days");
        if (n == null || n.isNull()) {
            return sc;
        }
        return sc.with(Map.of(), intIn(body, "days", sc.days(), 1, MAX_DAYS));
    }

    private static Mode mode(String key) {
        for (Mode m : Mode.values()) {
            if (m.key().equals(key.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode must be agent or aggregate, not " + key);
    }

    /**
     * A whole-number field of a JSON body, read exactly: absent or {@code null} gives the default;
     * otherwise it must be a JSON number without a fraction ({@code 12}, {@code 1.2e1}) or a string
     * of decimal digits with an optional sign (what an HTML number field holds), between
     * {@code lo} and {@code hi}. Anything else (a fraction, text, a boolean, an array, an empty
     * string, a number past the range) is refused, never rounded or replaced by the default.
     *
     * @throws IllegalArgumentException (answered with 400) naming the field and what was expected
     */
    static long wholeIn(JsonNode body, String key, long dflt, long lo, long hi) {
        JsonNode n = body.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        String expected = key + " must be a whole number from " + lo + " to " + hi;
        java.math.BigDecimal d;
        if (n.isNumber()) {
            d = n.decimalValue();
        } else if (n.isTextual() && n.asText().matches("[+-]?[0-9]{1,100}")) {
            d = new java.math.BigDecimal(n.asText());
        } else {
            throw new IllegalArgumentException(expected + ", not " + shown(n));
        }
        // the range first: it is cheap even for 1e999999999, which must never be expanded
        if (d.compareTo(java.math.BigDecimal.valueOf(lo)) < 0 || d.compareTo(java.math.BigDecimal.valueOf(hi)) > 0) {
            throw new IllegalArgumentException(expected + ", not " + shown(n));
        }
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(expected + " (no fraction), not " + shown(n));
        }
        return d.longValueExact();
    }

    /** An {@code int} field: {@link #wholeIn} within int bounds. */
    static int intIn(JsonNode body, String key, int dflt, int lo, int hi) {
        return (int) wholeIn(body, key, dflt, lo, hi);
    }

    /** @return a JSON value as an error message shows it: numbers as written, anything else as JSON (strings quoted), cut short */
    private static String shown(JsonNode n) {
        String s = n.isNumber() ? n.asText() : n.isTextual() ? "the string " + n.toString() : n.getNodeType().toString().toLowerCase(Locale.ROOT)
                + " " + n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /**
     * A text field of a JSON body: absent or {@code null} gives the default; anything but a JSON
     * string is refused (a number or an object is never turned into text).
     *
     * @throws IllegalArgumentException (answered with 400) naming the field
     */
    static String text(JsonNode body, String key, String dflt) {
        JsonNode n = body.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(key + " must be a string, not " + shown(n));
        }
        return n.asText();
    }

    /** @return a workspace file's text, or null if it cannot be read as UTF-8 text of at most {@link Workspace#MAX_TEXT_BYTES} */
    private static String readOrNull(Path p) {
        try {
            return Workspace.readText(p, p.getFileName().toString());
        } catch (HttpResponseException e) {
            return null;
        }
    }

    private static String chartJsVersion() {
        try (InputStream in = WebServer.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version");
            }
        } catch (IOException e) {
            // fall through
        }
        return "4.5.1";
    }
}
