package org.resolve.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
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
 * {@code done} (with the headline outcomes and the folder) or {@code failed}. A listener that
 * connects late gets the latest event of each kind first. Finished jobs are kept in memory, the
 * latest {@value #KEPT}, for late listeners; queued and running ones always are.
 */
final class RunJobs implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One ensemble and its listeners. */
    static final class Job {
        final String id;
        final Scenario scenario;
        final Ensemble.Settings settings;
        final Path dir;
        final Fan fan;
        final long created = System.nanoTime();
        private final List<SseClient> clients = new CopyOnWriteArrayList<>();
        /** Events so far, for listeners that connect late: the latest of each kind. */
        private final Map<String, String> latest = new LinkedHashMap<>();
        private volatile String state = "queued";
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

        /** @return the state: queued, running, done or failed */
        String state() {
            return state;
        }

        /** @return whether the job is done or failed */
        boolean finished() {
            return state.equals("done") || state.equals("failed");
        }

        /** @return a status for {@code GET /api/runs/ID} */
        Map<String, Object> status() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("scenario", scenario.id());
            m.put("state", state);
            m.put("done", done);
            m.put("total", settings.replications());
            m.put("run", dir.getFileName().toString());
            m.put("first_chart_seconds", Double.isNaN(firstFanSeconds) ? null : firstFanSeconds);
            m.put("seconds", Double.isNaN(seconds) ? null : seconds);
            return m;
        }

        synchronized void emit(String event, Object data) {
            String json;
            try {
                json = JSON.writeValueAsString(data);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            latest.put(event, json);
            for (SseClient c : clients) {
                send(c, event, json);
            }
        }

        synchronized void subscribe(SseClient client) {
            for (Map.Entry<String, String> e : latest.entrySet()) { // progress, fan, then done or failed
                send(client, e.getKey(), e.getValue());
            }
            if (finished()) {
                client.close();
                return;
            }
            clients.add(client);
            client.onClose(() -> clients.remove(client));
        }

        private synchronized void finish() {
            for (SseClient c : clients) {
                c.close();
            }
            clients.clear();
        }

        private void send(SseClient c, String event, String json) {
            if (!c.terminated()) {
                c.sendEvent(event, json);
            }
        }
    }

    private final Workspace workspace;
    /** The first fan update comes after this many runs (or sooner), so the charts start early. */
    static final int FIRST_FAN = 4;
    /** Later fan updates come at most this often (nanoseconds): one a second. */
    static final long FAN_INTERVAL = 1_000_000_000L;
    /** Jobs kept in memory (with their events). */
    private static final int KEPT = 8;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();
    private final ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "resolve-web-ensemble");
        t.setDaemon(true);
        return t;
    });

    RunJobs(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Queues an ensemble.
     *
     * @param sc the scenario (with its horizon)
     * @param settings the settings
     * @return the job
     */
    Job start(Scenario sc, Ensemble.Settings settings) {
        Path dir = workspace.newRunFolder(sc.id(), settings.mode().key());
        Job job = new Job(Security.newToken().substring(0, 16), sc, settings, dir);
        synchronized (order) {
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

    /** @return the job, if any */
    Optional<Job> job(String id) {
        return Optional.ofNullable(id == null ? null : jobs.get(id));
    }

    private void execute(Job job) {
        job.state = "running";
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
            if (outcome == null) {
                throw new IllegalStateException("interrupted; the run can be resumed with resolve run --resume");
            }
            job.seconds = (System.nanoTime() - t0) / 1e9;
            job.emit("fan", job.fan.snapshot());
            if (Double.isNaN(job.firstFanSeconds)) {
                job.firstFanSeconds = job.seconds;
            }
            job.state = "done";
            job.emit("done", doneEvent(job, outcome));
        } catch (Exception | Error e) {
            job.state = "failed";
            job.emit("failed", Map.of("error", String.valueOf(e.getMessage() == null ? e : e.getMessage())));
        } finally {
            job.finish();
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
        exec.shutdownNow();
        try {
            exec.awaitTermination(35, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
