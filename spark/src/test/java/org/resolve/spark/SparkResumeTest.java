package org.resolve.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.core.engine.Mode;
import org.resolve.store.BatchPolicy;
import org.resolve.store.ResultsStore;
import org.resolve.store.Sweep;
import org.resolve.store.SweepInfo;
import org.resolve.store.SweepProgress;
import org.resolve.store.SweepRunner;
import org.resolve.store.SweepSummary;

/**
 * A sweep on Spark killed with -9 part way resumes like a local one: the resumed session runs only
 * the missing run indices, and the store then equals an uninterrupted local sweep row for row.
 */
class SparkResumeTest {
    static final int RUNS = 60;
    static final int DAYS = 60;
    static final int BATCH = 6;

    @Test
    void killedSparkSweepResumesToTheSameRows(@TempDir Path dir) throws Exception {
        Sweep sweep = SparkTesting.sweep(Mode.AGGREGATE, RUNS, DAYS);
        Map<String, List<List<Object>>> expected;
        try (ResultsStore store = ResultsStore.open(dir.resolve("local.duckdb"))) {
            new SweepRunner(store, 2).run(sweep, SweepProgress.NONE);
            expected = SparkTesting.rows(store.connection(), sweep.id());
        }

        Path file = dir.resolve("spark.duckdb");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognized") || a.startsWith("-Djdk.reflect")
                    || a.startsWith("-Dio.netty")) {
                cmd.add(a); // Spark's module flags, as surefire gave them to this JVM
            }
        }
        cmd.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), SparkSweepMain.class.getName(),
                file.toString(), "" + RUNS, "" + DAYS, "" + BATCH, "40"));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    all.add(l);
                    if (l.startsWith("committed") || l.startsWith("done")) {
                        lines.add(l);
                    }
                }
            } catch (java.io.IOException ignored) {
                // killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        int committedBeforeKill = 0;
        try {
            for (int i = 0; i < 3; i++) {
                String l = lines.poll(120, TimeUnit.SECONDS);
                assertNotNull(l, () -> "no commit from the child:\n" + String.join("\n", all));
                assertTrue(l.startsWith("committed"), () -> "the child finished before the kill:\n" + String.join("\n", all));
                committedBeforeKill = Integer.parseInt(l.split(" ")[1]);
            }
            Thread.sleep(25);
        } finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed with -9");

        SparkSession spark = SparkTesting.session("local[2]", Map.of());
        try (ResultsStore store = ResultsStore.open(file)) {
            assertEquals(SweepInfo.RUNNING, store.sweep(sweep.id()).orElseThrow().status(), "killed while running");
            int stored = store.storedRuns(sweep.id()).cardinality();
            assertTrue(stored >= committedBeforeKill && stored < RUNS && stored % BATCH == 0,
                    "whole batches only, some missing: " + stored);
            SweepSummary s = new SweepRunner(store, new SparkExecutor(spark), BatchPolicy.everyRuns(BATCH), Duration.ofSeconds(30))
                    .run(sweep, SweepProgress.NONE);
            assertTrue(s.complete());
            assertEquals(stored, s.alreadyPresent());
            assertEquals(RUNS - stored, s.ranNow(), "only the missing runs ran");
            assertEquals(1, store.sweep(sweep.id()).orElseThrow().resumes());
            SparkTesting.assertNoDuplicates(store.connection(), sweep.id(), RUNS, DAYS);
            SparkTesting.assertSameRows(expected, SparkTesting.rows(store.connection(), sweep.id()));
        } finally {
            spark.stop();
        }
    }
}
