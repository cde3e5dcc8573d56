package org.resolve.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.resolve.analysis.RunPlan;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioException;
import org.resolve.core.scenario.ScenarioLoader;

/** Shared helpers of the store tests. */
final class StoreTesting {
    static final long ROOT_SEED = 20241008L;

    private StoreTesting() {
    }

    static Scenario scenario(int days) {
        Scenario sc;
        try {
            sc = ScenarioLoader.load("kursk-2024");
        } catch (ScenarioException e) {
            throw new IllegalStateException(e);
        }
        return days > 0 ? sc.with(Map.of(), days) : sc;
    }

    static Sweep aggregateSweep(int runs, int days) {
        Scenario sc = scenario(days);
        return Sweep.of(sc, RunPlan.monteCarlo(sc, ROOT_SEED, runs), EngineSpec.aggregate(6), "test");
    }

    /**
     * SHA-256 of each table's rows for a sweep, in a full order: every column of every row.
     * Two stores with equal digests hold the same rows, the same number of times.
     */
    static Map<String, String> tableDigests(Connection c, String sweepId) throws Exception {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("runs", "SELECT * FROM runs WHERE sweep_id = ? ORDER BY run_index");
        q.put("series", "SELECT * FROM series WHERE sweep_id = ? ORDER BY run_index, metric, day");
        q.put("kpis", "SELECT * FROM kpis WHERE sweep_id = ? ORDER BY run_index, metric");
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : q.entrySet()) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            long rows = 0;
            try (var ps = c.prepareStatement(e.getValue())) {
                ps.setString(1, sweepId);
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md0 = rs.getMetaData();
                    int n = md0.getColumnCount();
                    StringBuilder sb = new StringBuilder();
                    while (rs.next()) {
                        sb.setLength(0);
                        for (int i = 1; i <= n; i++) {
                            sb.append(rs.getString(i)).append('\u001f');
                        }
                        md.update(sb.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                        rows++;
                    }
                }
            }
            out.put(e.getKey(), rows + ":" + HexFormat.of().formatHex(md.digest()));
        }
        return out;
    }

    static long scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Asserts no key appears twice and the stored runs are exactly 0..runs-1. */
    static void assertNoDuplicatesNoGaps(Connection c, String sweepId, int runs) throws SQLException {
        String w = " WHERE sweep_id = '" + sweepId + "'";
        assertEquals(runs, scalar(c, "SELECT count(*) FROM runs" + w));
        assertEquals(runs, scalar(c, "SELECT count(DISTINCT run_index) FROM runs" + w + " AND run_index BETWEEN 0 AND " + (runs - 1)));
        assertEquals(scalar(c, "SELECT count(*) FROM series" + w),
                scalar(c, "SELECT count(*) FROM (SELECT DISTINCT run_index, metric, day FROM series" + w + ")"), "duplicate series rows");
        assertEquals(scalar(c, "SELECT count(*) FROM kpis" + w),
                scalar(c, "SELECT count(*) FROM (SELECT DISTINCT run_index, metric FROM kpis" + w + ")"), "duplicate kpi rows");
        assertEquals(0, scalar(c, "SELECT count(*) FROM series s" + w.replace("sweep_id", "s.sweep_id")
                + " AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.sweep_id = s.sweep_id AND r.run_index = s.run_index)"), "orphan series rows");
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** A child JVM on the test classpath, stderr merged into stdout. */
    static Child start(List<String> jvmArgs, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(SweepMain.class.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        return new Child(p);
    }

    /** A child process whose output lines are collected by a reader thread. */
    static final class Child {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());

        Child(Process process) {
            this.process = process;
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        all.add(line);
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the child was killed
                }
                lines.add("<eof>");
            }, "child-output");
            t.setDaemon(true);
            t.start();
        }

        /** @return the next line starting with {@code prefix}, or null at the end of output or after the timeout */
        String await(String prefix, long seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                long left = end - System.nanoTime();
                String l = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
                if (l == null || l.equals("<eof>")) {
                    return null;
                }
                if (l.startsWith(prefix)) {
                    return l;
                }
            }
        }

        String output() {
            synchronized (all) {
                return String.join("\n", all);
            }
        }
    }
}
