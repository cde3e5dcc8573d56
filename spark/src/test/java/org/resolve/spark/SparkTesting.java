package org.resolve.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.resolve.analysis.RunPlan;
import org.resolve.core.engine.Mode;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioException;
import org.resolve.core.scenario.ScenarioLoader;
import org.resolve.store.EngineSpec;
import org.resolve.store.Sweep;

/** Shared helpers of the Spark tests. */
final class SparkTesting {
    static final long ROOT_SEED = 20241008L;

    private SparkTesting() {
    }

    /** A local session as the tests run it: no UI, driver on 127.0.0.1, plus the given settings. */
    static SparkSession session(String master, Map<String, String> settings) {
        SparkSession.Builder b = SparkSession.builder().appName("resolve-test").master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
        settings.forEach(b::config);
        return b.getOrCreate();
    }

    static Scenario scenario(int days) {
        try {
            return ScenarioLoader.load("kursk-2024").with(Map.of(), days);
        } catch (ScenarioException e) {
            throw new IllegalStateException(e);
        }
    }

    static Sweep sweep(Mode mode, int runs, int days) {
        Scenario sc = scenario(days);
        return Sweep.of(sc, RunPlan.monteCarlo(sc, ROOT_SEED, runs), EngineSpec.of(mode), "test");
    }

    /**
     * Every stored row of a sweep's runs, series and kpis tables, in a full order, with each DOUBLE
     * as its raw bits: two stores with equal lists hold bit-for-bit the same results.
     */
    static Map<String, List<List<Object>>> rows(Connection c, String sweepId) throws Exception {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("runs", "SELECT * EXCLUDE (sweep_id) FROM runs WHERE sweep_id = ? ORDER BY run_index");
        q.put("series", "SELECT * EXCLUDE (sweep_id) FROM series WHERE sweep_id = ? ORDER BY run_index, metric, day");
        q.put("kpis", "SELECT * EXCLUDE (sweep_id) FROM kpis WHERE sweep_id = ? ORDER BY run_index, metric");
        Map<String, List<List<Object>>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : q.entrySet()) {
            List<List<Object>> rows = new ArrayList<>();
            try (var ps = c.prepareStatement(e.getValue())) {
                ps.setString(1, sweepId);
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>(md.getColumnCount());
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            if (md.getColumnType(i) == Types.DOUBLE) {
                                double v = rs.getDouble(i);
                                row.add(rs.wasNull() ? null : Double.doubleToRawLongBits(v));
                            } else {
                                row.add(rs.getString(i));
                            }
                        }
                        rows.add(row);
                    }
                }
            }
            out.put(e.getKey(), rows);
        }
        return out;
    }

    /** Asserts two stores' rows of a sweep are identical, table by table. */
    static void assertSameRows(Map<String, List<List<Object>>> expected, Map<String, List<List<Object>>> actual) {
        for (String t : expected.keySet()) {
            List<List<Object>> a = expected.get(t);
            List<List<Object>> b = actual.get(t);
            assertEquals(a.size(), b.size(), t + ": row count");
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i), b.get(i), t + ": row " + i);
            }
        }
    }

    /** Asserts a stored sweep has each run once, with exactly its series and KPI rows. */
    static void assertNoDuplicates(Connection c, String sweepId, int runs, int days) throws Exception {
        assertEquals(runs, scalar(c, "SELECT count(*) FROM runs WHERE sweep_id = '" + sweepId + "'"));
        assertEquals(runs, scalar(c, "SELECT count(DISTINCT run_index) FROM runs WHERE sweep_id = '" + sweepId + "'"));
        assertEquals(0, scalar(c, "SELECT count(*) FROM (SELECT run_index, metric, day FROM series WHERE sweep_id = '"
                + sweepId + "' GROUP BY ALL HAVING count(*) > 1)"));
        assertEquals(0, scalar(c, "SELECT count(*) FROM (SELECT run_index, metric FROM kpis WHERE sweep_id = '"
                + sweepId + "' GROUP BY ALL HAVING count(*) > 1)"));
        long ok = scalar(c, "SELECT count(*) FROM runs WHERE status = 'ok' AND sweep_id = '" + sweepId + "'");
        assertEquals(ok * days * org.resolve.core.engine.Metric.COUNT,
                scalar(c, "SELECT count(*) FROM series WHERE sweep_id = '" + sweepId + "'"));
    }

    static long scalar(Connection c, String sql) throws Exception {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
