package org.resolve.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed with kill -9 (or stopped with Ctrl-C) in a child JVM and then resumed stores
 * exactly the rows of an uninterrupted sweep of the same plan: no duplicates, no gaps.
 */
class CrashResumeTest {
    private static final int RUNS = 400;
    private static final int DAYS = 60;
    private static final int BATCH = 20;
    private static final int COMMITS = RUNS / BATCH;
    /** Per computed run in the child, so that the sweep lasts about 2 s and can be caught mid-way. */
    private static final String THROTTLE_MS = "5";

    @TempDir
    static Path dir;
    private static Sweep sweep;
    private static Map<String, String> reference;

    @BeforeAll
    static void uninterrupted() throws Exception {
        sweep = StoreTesting.aggregateSweep(RUNS, DAYS);
        try (ResultsStore store = ResultsStore.open(dir.resolve("reference.duckdb"))) {
            SweepSummary s = new SweepRunner(store, 2).run(sweep, SweepProgress.NONE);
            assertTrue(s.complete());
            assertEquals(RUNS, s.ranNow());
            reference = StoreTesting.tableDigests(store.connection(), sweep.id());
            StoreTesting.assertNoDuplicatesNoGaps(store.connection(), sweep.id(), RUNS);
        }
    }

    @Test
    void killMinus9AtThreeRandomPointsThenResumeGivesTheUninterruptedRows() throws Exception {
        long seed = Long.getLong("store.killSeed", System.nanoTime());
        System.out.println("CrashResumeTest kill seed: " + seed + " (replay with -Dstore.killSeed=" + seed + ")");
        Random rnd = new Random(seed);
        // One kill point early, one in the middle, one late in the sweep; each after at least one
        // commit, plus a random delay so that the kill can land inside a batch.
        int[][] windows = {{1, 5}, {6, 12}, {13, COMMITS - 3}};
        for (int k = 0; k < windows.length; k++) {
            int afterCommits = windows[k][0] + rnd.nextInt(windows[k][1] - windows[k][0] + 1);
            int delayMs = rnd.nextInt(60);
            Path file = dir.resolve("killed-" + k + ".duckdb");
            StoreTesting.Child child = StoreTesting.start(List.of(), "sweep", file.toString(), "" + RUNS, "" + DAYS,
                    "" + BATCH, "1", THROTTLE_MS);
            String line = null;
            for (int c = 0; c < afterCommits; c++) {
                line = child.await("committed", 60);
                assertNotNull(line, "child ended before commit " + (c + 1) + ":\n" + child.output());
            }
            Thread.sleep(delayMs);
            child.process.destroyForcibly();
            assertTrue(child.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.process.exitValue(), child.output());
            System.out.println("killed after '" + line + "' + " + delayMs + " ms");

            try (ResultsStore store = ResultsStore.open(file)) {
                long stored = store.counts(sweep.id()).runs();
                assertTrue(stored >= (long) afterCommits * BATCH, "runs committed before the kill are kept: " + stored);
                assertTrue(stored < RUNS, "the kill must land before the end of the sweep: " + stored);
                assertEquals(0, stored % BATCH, "only whole batches are stored: " + stored);
                assertEquals(SweepInfo.RUNNING, store.sweep(sweep.id()).orElseThrow().status());
                SweepSummary s = new SweepRunner(store, 2).run(sweep, SweepProgress.NONE);
                assertEquals(stored, s.alreadyPresent());
                assertEquals(RUNS - stored, s.ranNow());
                assertTrue(s.complete());
                assertEquals(1, store.sweep(sweep.id()).orElseThrow().resumes());
                StoreTesting.assertNoDuplicatesNoGaps(store.connection(), sweep.id(), RUNS);
                assertEquals(reference, StoreTesting.tableDigests(store.connection(), sweep.id()), "kill point " + k);
            }
        }
    }

    @Test
    void ctrlCCommitsTheOpenBatchClosesTheStoreAndResumes() throws Exception {
        Path file = dir.resolve("interrupted.duckdb");
        StoreTesting.Child child = StoreTesting.start(List.of(), "sweep", file.toString(), "" + RUNS, "" + DAYS,
                "" + BATCH, "1", THROTTLE_MS);
        for (int c = 0; c < 3; c++) {
            assertNotNull(child.await("committed", 60), child.output());
        }
        Thread.sleep(30); // land inside a batch: its complete runs are committed on the way out
        long pid = child.process.pid();
        // A JVM started with SIGINT ignored (a background job) keeps ignoring it; SIGTERM runs the
        // same shutdown hooks.
        String signal = ignoresSigint(pid) ? "TERM" : "INT";
        System.out.println("sending SIG" + signal + " to " + pid);
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor());
        assertTrue(child.process.waitFor(60, TimeUnit.SECONDS), child.output());
        int rc = child.process.exitValue();
        assertEquals(signal.equals("INT") ? 130 : 143, rc, child.output());
        assertTrue(Files.notExists(Path.of(file + ".wal")), "closed cleanly: the log was checkpointed into the file");

        try (ResultsStore store = ResultsStore.open(file)) {
            SweepInfo info = store.sweep(sweep.id()).orElseThrow();
            assertEquals(SweepInfo.INTERRUPTED, info.status());
            RowCounts n = store.counts(sweep.id());
            assertTrue(n.runs() >= 3 * BATCH && n.runs() < RUNS, "runs stored: " + n.runs());
            assertEquals(n.runs() * (long) DAYS * org.resolve.core.engine.Metric.COUNT, n.seriesRows(), "whole runs only");
            SweepSummary s = new SweepRunner(store, 2).run(sweep, SweepProgress.NONE);
            assertEquals(n.runs(), s.alreadyPresent());
            assertTrue(s.complete());
            StoreTesting.assertNoDuplicatesNoGaps(store.connection(), sweep.id(), RUNS);
            assertEquals(reference, StoreTesting.tableDigests(store.connection(), sweep.id()));
        }
    }

    /** Bit 2 (SIGINT) of SigIgn in /proc/PID/status. */
    private static boolean ignoresSigint(long pid) throws Exception {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String l : Files.readAllLines(status)) {
            if (l.startsWith("SigIgn:")) {
                return (Long.parseLong(l.substring(7).trim(), 16) & 0x2) != 0;
            }
        }
        return false;
    }
}
