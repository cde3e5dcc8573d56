package org.resolve.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.RunResult;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Scenario;

/**
 * Writes an ensemble as tidy CSV: runs.csv, series.csv, kpis.csv, then meta.json. Files are written
 * under a ".partial" name and renamed only when the ensemble completes, so a folder holding
 * meta.json always holds a complete result, and an interrupted run never leaves a file that looks
 * finished.
 */
final class ResultsWriter implements AutoCloseable {
    static final String RUNS = "runs.csv";
    static final String SERIES = "series.csv";
    static final String KPIS = "kpis.csv";
    static final String META = "meta.json";
    static final List<String> FILES = List.of(RUNS, SERIES, KPIS, META);

    private final Path dir;
    private final Scenario scenario;
    private final String modelVersion;
    private final Writer runs;
    private final Writer series;
    private final Writer kpis;
    private final StringBuilder sb = new StringBuilder(1 << 16);

    ResultsWriter(Path dir, Scenario scenario, String modelVersion) throws IOException {
        this.dir = dir;
        this.scenario = scenario;
        this.modelVersion = modelVersion;
        Files.createDirectories(dir);
        runs = open(RUNS);
        series = open(SERIES);
        kpis = open(KPIS);
        StringBuilder h = new StringBuilder("run_index,seed,scenario_hash,model_version,status,failed_day,error");
        for (Param p : Param.values()) {
            h.append(',').append(p.key());
        }
        runs.write(h.append('\n').toString());
        series.write("run_index,day,metric,value\n");
        kpis.write("run_index,metric,value\n");
    }

    private Writer open(String name) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(dir.resolve(name + ".partial"), StandardCharsets.UTF_8), 1 << 20);
    }

    /** Appends one run (called in run-index order). */
    void write(RunResult r) throws IOException {
        sb.setLength(0);
        sb.append(r.runIndex()).append(',').append(r.seed()).append(',').append(scenario.hash()).append(',').append(modelVersion)
                .append(',').append(r.ok() ? "ok" : "failed").append(',').append(r.ok() ? "" : Integer.toString(r.failedDay()))
                .append(',').append(r.ok() ? "" : quote(r.error()));
        for (double v : r.parameters()) {
            sb.append(',');
            number(sb, v);
        }
        runs.write(sb.append('\n').toString());
        int days = r.daysRecorded(); // a failed run has no values from its failure on
        for (Metric m : Metric.values()) {
            sb.setLength(0);
            double[] s = r.series()[m.ordinal()];
            for (int t = 0; t < days; t++) {
                sb.append(r.runIndex()).append(',').append(t).append(',').append(m.key()).append(',');
                number(sb, s[t]);
                sb.append('\n');
            }
            series.append(sb);
        }
        sb.setLength(0);
        if (r.ok()) {
            for (Metric m : Metric.values()) {
                sb.append(r.runIndex()).append(',').append(m.key()).append(',');
                number(sb, r.kpi(m));
                sb.append('\n');
            }
            kpis.append(sb);
        }
    }

    /** Closes the files, renames them to their final names and writes meta.json last. */
    void finish(Map<String, Object> meta) throws IOException {
        close();
        for (String f : List.of(RUNS, SERIES, KPIS)) {
            Files.move(dir.resolve(f + ".partial"), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode n = om.valueToTree(meta);
        Path tmp = dir.resolve(META + ".partial");
        Files.writeString(tmp, om.writeValueAsString(n) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(META), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private boolean closed;

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        runs.close();
        series.close();
        kpis.close();
    }

    /** @return a CSV field, quoted */
    static String quote(String s) {
        return '"' + s.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }

    /** Appends a number: integers without a decimal point, others in Java's shortest round-trip form. */
    static void number(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            sb.append((long) v);
        } else {
            sb.append(v);
        }
    }
}
