package org.resolve.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.resolve.analysis.KpiSummary;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.RunResult;
import org.resolve.core.scenario.Scenario;
import org.resolve.store.Ensemble;
import org.resolve.store.SweepProgress;

/**
 * Ensembles started from the UI. Each runs, one at a time, through {@link Ensemble#run} — the
 * steps {@code resolve run} takes — into a new folder under the workspace's {@code results/}.
 * Listeners (server-sent event clients) get {@code progress} events as runs finish, {@code fan}
 * events with the fan charts (the first after {@value #FIRST_FAN} runs, then at most one a second,
 * and a last one when all runs are done; see {@link Fan} for what they draw), and finally
 * {@code done} (with the headline outcomes and the folder), {@code failed} or {@code cancelled}. A
 * listener that connects late gets the latest event of each kind first. Finished jobs are kept in
 * memory, the latest {@value #KEPT}, for late listeners; queued and running ones always are.
 *
 * <h2>Bounds and cancelling</h2>
 * At most {@value #MAX_ACTIVE} jobs are queued or running at once, each of at most
 * {@value #MAX_REPLICATIONS} replications; a request beyond either is refused (429, 400). A job
 * is cancelled by {@link #cancel}: a queued one never starts; a running one stops between runs,
 * the way Ctrl-C stops {@code resolve run}: the runs already computed are committed, the sweep is
 * marked {@code interrupted} (resumable, never complete) and the job's state becomes
 * {@code cancelled}.
 */
final class RunJobs implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The events after which a job sends nothing more: its listeners are closed once they have it. */
    static final java.util.Set<String> TERMINAL = java.util.Set.of("done", "failed", "cancelled");

    /** One ensemble and its listeners. */
    static final class Job {
        final String id;
        final Scenario scenario;
        final Ensemble.Settings settings;
        final Path dir;
        final Fan fan;
        final long created = System.nanoTime();
        private final List<Listener> listeners = new CopyOnWriteArrayList<>();
        /** Events so far, for listeners that connect late: the latest of each kind. */
        private final Map<String, String> latest = new LinkedHashMap<>();
        private volatile String state = "queued";
        /** Set by {@link RunJobs#cancel}: a queued job never starts, a running one stops after the run in hand. */
        private volatile boolean cancelRequested;
        private volatile int done;
        private long lastProgress;
        /** When the latest fan update was sent (System.nanoTime), or 0 before the first. */
        private long lastFan;
        private volatile double firstFanSeconds = Double.NaN;
        private volatile double seconds = Double.NaN;

        Job(String id, Scenario scenario, Ensemble.Settings settings, Path dir) {
            this.id = id;
            this.scenario = scenario;
            this.settings = settings;
            this.dir = dir;
            this.fan = new Fan(scenario.start(), settings.replications());
        }

        /** @return the state: queued, running, done, failed or cancelled */
        String state() {
            return state;
        }

        /** @return whether the job is done, failed or cancelled */
        boolean finished() {
            return state.equals("done") || state.equals("failed") || state.equals("cancelled");
        }

        /** @return a status for {@code GET /api/runs/ID} */
        Map<String, Object> status() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("scenario", scenario.id());
            m.put("state", state);
            m.put("cancel_requested", cancelRequested);
            m.put("done", done);
            m.put("total", settings.replications());
            m.put("run", dir.getFileName().toString());
            m.put("first_chart_seconds", Double.isNaN(firstFanSeconds) ? null : firstFanSeconds);
            m.put("seconds", Double.isNaN(seconds) ? null : seconds);
            return m;
        }

        /**
         * Records an event and hands it to every listener's queue. Never blocks on a client: each
         * listener has its own sender thread (see {@link Listener}).
         */
        synchronized void emit(String event, Object data) {
            String json;
            try {
                json = JSON.writeValueAsString(data);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            latest.put(event, json);
            boolean last = TERMINAL.contains(event);
            for (Listener l : listeners) {
                l.offer(event, json, last);
            }
            if (last) {
                listeners.clear(); // each closes itself once it has sent this
            }
        }

        /** Sets the final state and sends its event, in one step (a listener subscribing meanwhile sees both or neither). */
        synchronized void end(String finalState, String event, Object data) {
            state = finalState;
            emit(event, data);
        }

        /** Gives a new listener the latest event of each kind, and every later one unless the job has ended. */
        synchronized void subscribe(Listener l) {
            for (Map.Entry<String, String> e : latest.entrySet()) { // progress, fan, then done, failed or cancelled
                l.offer(e.getKey(), e.getValue(), TERMINAL.contains(e.getKey()));
            }
            if (!finished()) {
                listeners.add(l);
            }
        }

        private void unsubscribe(Listener l) {
            listeners.remove(l);
        }
    }

    /**
     * One server-sent-event client, with a sender thread of its own, so that a client that reads
     * slowly or not at all never holds up the job, its store writes or the other clients. Its queue
     * is bounded by coalescing: it holds at most the latest event of each kind (a newer progress or
     * fan event replaces one not yet sent), so a client that falls behind skips to the latest
     * state, and the terminal event ({@code done} or {@code failed}) is never dropped: the client
     * gets it when it catches up, and is then closed. A client whose write has been blocked for
     * longer than the server's limit (it stopped reading) is disconnected by the watchdog.
     */
    static final class Listener {
        private final SseClient client;
        /** Closes the connection under a blocked write. */
        private final Runnable abort;
        private final LinkedHashMap<String, String> pending = new LinkedHashMap<>();
        private boolean last;
        private boolean closed;
        /** When the write in progress began (System.nanoTime, never 0), or 0 when none is. */
        private volatile long sendingSince;

        Listener(SseClient client, Runnable abort) {
            this.client = client;
            this.abort = abort;
        }

        /** Queues an event, replacing one of the same kind not yet sent; nothing is queued after a terminal event. */
        synchronized void offer(String event, String json, boolean terminal) {
            if (closed || last) {
                return;
            }
            pending.remove(event);
            pending.put(event, json);
            last = terminal;
            notifyAll();
        }

        /** Stops the sender; what is still queued is dropped (the client is gone or being cut off). */
        synchronized void close() {
            closed = true;
            pending.clear();
            notifyAll();
        }

        /** @return whether a write has been blocked for longer than {@code limitNanos} */
        boolean stalled(long now, long limitNanos) {
            long since = sendingSince;
            return since != 0 && now - since > limitNanos;
        }

        /** Disconnects a client that stopped reading: its blocked write fails and its sender ends. */
        void cutOff() {
            close();
            abort.run();
        }

        /** The sender: writes queued events in order until the terminal one is written or the client is gone. */
        void drain() {
            try {
                while (true) {
                    String event;
                    String json;
                    boolean end;
                    synchronized (this) {
                        while (pending.isEmpty() && !closed) {
                            wait();
                        }
                        if (closed) {
                            return;
                        }
                        java.util.Iterator<Map.Entry<String, String>> it = pending.entrySet().iterator();
                        Map.Entry<String, String> e = it.next();
                        it.remove();
                        event = e.getKey();
                        json = e.getValue();
                        end = last && pending.isEmpty();
                    }
                    if (client.terminated()) {
                        return;
                    }
                    sendingSince = System.nanoTime() | 1L;
                    try {
                        client.sendEvent(event, json);
                    } finally {
                        sendingSince = 0;
                    }
                    if (end) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the write failed: the client is gone
            }
        }
    }

    private final Workspace workspace;
    /** The first fan update comes after this many runs (or sooner), so the charts start early. */
    static final int FIRST_FAN = 4;
    /** Later fan updates come at most this often (nanoseconds): one a second. */
    static final long FAN_INTERVAL = 1_000_000_000L;
    /** At most this many jobs are queued or running at once; another is refused with 429. */
    static final int MAX_ACTIVE = 4;
    /** At most this many replications per run or comparison requested from the UI (the commands have no such bound). */
    static final int MAX_REPLICATIONS = 10_000;
    /** Jobs kept in memory (with their events). */
    private static final int KEPT = 8;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();
    private final ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "resolve-web-ensemble");
        t.setDaemon(true);
        return t;
    });
    /** At most this many event listeners at once (each has a sender thread); more are refused. */
    static final int MAX_LISTENERS = 16;
    /** A listener whose write has been blocked this long (it stopped reading) is disconnected: 10 s. */
    static final long SLOW_LISTENER_NANOS = 10_000_000_000L;
    private final java.util.Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.Semaphore listenerSlots = new java.util.concurrent.Semaphore(MAX_LISTENERS);
    private final java.util.concurrent.atomic.AtomicInteger senders = new java.util.concurrent.atomic.AtomicInteger();
    /** Disconnects listeners that stopped reading. */
    private final java.util.concurrent.ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "resolve-web-sse-watchdog");
        t.setDaemon(true);
        return t;
    });

    RunJobs(Workspace workspace) {
        this.workspace = workspace;
        watchdog.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            for (Listener l : listeners) {
                if (l.stalled(now, SLOW_LISTENER_NANOS)) {
                    l.cutOff();
                }
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
    }

    /**
     * Adds an event listener to a job: it gets the job's latest events and every later one, from a
     * sender thread of its own. Beyond {@value #MAX_LISTENERS} listeners at once, it gets a
     * {@code failed} event saying so and is closed.
     *
     * @param job the job
     * @param client the client
     * @param abort closes the client's connection (used when it stops reading)
     */
    void listen(Job job, SseClient client, Runnable abort) {
        if (!listenerSlots.tryAcquire()) {
            client.sendEvent("failed", "{\"error\":\"too many event listeners: at most " + MAX_LISTENERS
                    + " at once; close other tabs or wait\"}");
            client.close();
            return;
        }
        Listener l = new Listener(client, abort);
        listeners.add(l);
        client.onClose(l::close);
        Thread t = new Thread(() -> {
            try {
                l.drain();
            } finally {
                job.unsubscribe(l);
                listeners.remove(l);
                listenerSlots.release();
                client.close();
            }
        }, "resolve-web-sse-" + senders.incrementAndGet());
        t.setDaemon(true);
        job.subscribe(l);
        t.start();
    }

    /** @return event listeners connected now */
    int listeners() {
        return listeners.size();
    }

    /**
     * Queues an ensemble.
     *
     * @param sc the scenario (with its horizon)
     * @param settings the settings
     * @return the job
     */
    Job start(Scenario sc, Ensemble.Settings settings) {
        if (settings.replications() > MAX_REPLICATIONS) {
            throw new IllegalArgumentException("replications must be a whole number from 1 to " + MAX_REPLICATIONS + ", not "
                    + settings.replications());
        }
        Job job;
        synchronized (order) {
            long active = jobs.values().stream().filter(j -> !j.finished()).count();
            if (active >= MAX_ACTIVE) {
                throw new io.javalin.http.HttpResponseException(io.javalin.http.HttpStatus.TOO_MANY_REQUESTS.getCode(),
                        "too many runs: " + active + " are queued or running, at most " + MAX_ACTIVE
                        + " at once; wait for one to finish or cancel one", Map.of());
            }
            Path dir = workspace.newRunFolder(sc.id(), settings.mode().key());
            job = new Job(Security.newToken().substring(0, 16), sc, settings, dir);
            jobs.put(job.id, job);
            order.add(job.id);
            // Finished runs are in the results folder: keep the latest few for late listeners, and
            // every queued or running one (its listeners and status need it).
            int finished = (int) order.stream().filter(id -> jobs.get(id).finished()).count();
            for (java.util.Iterator<String> it = order.iterator(); it.hasNext() && finished > KEPT; ) {
                String id = it.next();
                if (jobs.get(id).finished()) {
                    it.remove();
                    jobs.remove(id);
                    finished--;
                }
            }
        }
        exec.submit(() -> execute(job));
        return job;
    }

    /**
     * Cancels a job: a queued one ends at once (its empty folder is removed); a running one is asked
     * to stop and ends as soon as the run in hand is stored (see the class documentation).
     *
     * @param job the job
     * @return whether it was queued or running (a finished job is left as it is)
     */
    boolean cancel(Job job) {
        synchronized (job) {
            if (job.finished()) {
                return false;
            }
            job.cancelRequested = true;
            if (!job.state.equals("queued")) {
                return true;
            }
            job.end("cancelled", "cancelled", Map.of("done", 0, "total", job.settings.replications(), "run",
                    job.dir.getFileName().toString(), "stored", 0));
        }
        try {
            Files.deleteIfExists(job.dir); // only if empty: it is, nothing ran
        } catch (java.io.IOException e) {
            // a folder left behind is harmless
        }
        return true;
    }

    /** @return the job, if any */
    Optional<Job> job(String id) {
        return Optional.ofNullable(id == null ? null : jobs.get(id));
    }

    private void execute(Job job) {
        synchronized (job) {
            if (job.finished()) {
                return; // cancelled while queued
            }
            job.state = "running";
        }
        int total = job.settings.replications();
        job.emit("progress", Map.of("done", 0, "total", total, "state", job.state));
        long t0 = System.nanoTime();
        int[] seen = {0}; // results received, completed or failed (the store-writing thread's count)
        try {
            Ensemble.Outcome outcome = Ensemble.run(job.scenario, job.settings, job.dir, new SweepProgress() {
                @Override
                public void update(int done, int ofTotal) {
                    job.done = done;
                    long now = System.nanoTime();
                    synchronized (job) {
                        if (done == ofTotal || now - job.lastProgress > 250_000_000L) {
                            job.lastProgress = now;
                            job.emit("progress", Map.of("done", done, "total", ofTotal, "state", job.state));
                        }
                    }
                }

                @Override
                public void result(RunResult r) {
                    seen[0]++;
                    // Cancelled: interrupt this thread (the one that writes the store), which makes the
                    // sweep stop as Ctrl-C does: it commits what is stored and marks itself
                    // interrupted. Not at the last result: then the sweep is complete anyway, and
                    // an interrupt would only break the files written after it.
                    if (job.cancelRequested && seen[0] < total) {
                        Thread.currentThread().interrupt();
                    } else if (seen[0] >= total) {
                        Thread.interrupted();
                    }
                    if (!job.fan.add(r) || seen[0] >= total) {
                        return; // the fan is unchanged, or the last one follows
                    }
                    long now = System.nanoTime();
                    boolean due = job.lastFan == 0 ? job.fan.size() >= FIRST_FAN : now - job.lastFan >= FAN_INTERVAL;
                    if (due) {
                        job.lastFan = now;
                        job.emit("fan", job.fan.snapshot());
                        if (Double.isNaN(job.firstFanSeconds)) {
                            job.firstFanSeconds = (now - t0) / 1e9;
                        }
                    }
                }
            });
            Thread.interrupted(); // set by a cancel, and left set by the sweep after it stopped
            if (outcome == null) {
                if (job.cancelRequested) {
                    job.seconds = (System.nanoTime() - t0) / 1e9;
                    job.end("cancelled", "cancelled", Map.of("done", job.done, "total", total, "run", job.dir.getFileName().toString(),
                            "stored", seen[0]));
                    return;
                }
                throw new IllegalStateException("interrupted; the run can be resumed with resolve run --resume");
            }
            job.seconds = (System.nanoTime() - t0) / 1e9;
            job.emit("fan", job.fan.snapshot());
            if (Double.isNaN(job.firstFanSeconds)) {
                job.firstFanSeconds = job.seconds;
            }
            job.end("done", "done", doneEvent(job, outcome));
        } catch (Exception | Error e) {
            job.end("failed", "failed", Map.of("error", String.valueOf(e.getMessage() == null ? e : e.getMessage())));
        }
    }

    private static Map<String, Object> doneEvent(Job job, Ensemble.Outcome outcome) {
        KpiSummary s = outcome.summary();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Metric m : KpiSummary.HEADLINE) {
            KpiSummary.Row r = s.row(m);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("metric", m.key());
            row.put("median", r.median());
            row.put("q05", r.q05());
            row.put("q95", r.q95());
            rows.add(row);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", job.dir.getFileName().toString());
        m.put("sweep_id", outcome.sweep().id());
        m.put("runs", s.runs());
        m.put("failed", s.failed().size());
        m.put("seconds", Math.round(job.seconds * 1000) / 1000.0);
        m.put("first_chart_seconds", Math.round(job.firstFanSeconds * 1000) / 1000.0);
        m.put("rows", rows);
        return m;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        for (Listener l : listeners) {
            l.cutOff();
        }
        exec.shutdownNow();
        try {
            exec.awaitTermination(35, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
