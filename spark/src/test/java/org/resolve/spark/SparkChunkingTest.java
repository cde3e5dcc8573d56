package org.resolve.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.resolve.analysis.LocalExecutor;
import org.resolve.analysis.RunSpec;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.engine.RunResult;
import org.resolve.store.Sweep;

/**
 * How a plan is cut into Spark jobs: chunks sized from the slots there are when each is submitted
 * (a cluster whose executors register late is used once they do), and jobs kept below
 * {@code spark.driver.maxResultSize}.
 */
class SparkChunkingTest {
    /** Cuts a plan into all its chunks, asking the slot supplier once per chunk. */
    static List<SparkExecutor.Chunk> chunks(SparkExecutor.Chunker chunker) {
        List<SparkExecutor.Chunk> out = new ArrayList<>();
        while (chunker.hasNext()) {
            out.add(chunker.next());
        }
        return out;
    }

    /** Asserts the chunks cover runs 0 to runs - 1 exactly once, in order, none empty. */
    static void assertCoversInOrder(List<SparkExecutor.Chunk> chunks, int runs) {
        int expected = 0;
        for (SparkExecutor.Chunk c : chunks) {
            assertEquals(expected, c.from(), "consecutive: " + chunks);
            assertTrue(c.size() > 0 && c.perTask() > 0, c.toString());
            expected = c.to();
        }
        assertEquals(runs, expected, "all runs: " + chunks);
    }

    @Test
    void chunksGrowWhenExecutorsRegister() {
        // A standalone cluster: 2 slots when the session starts, then 8, then 64 cores register.
        int[] slotsSeen = {2, 2, 8, 64};
        AtomicInteger asked = new AtomicInteger();
        SparkExecutor.Chunker chunker = new SparkExecutor.Chunker(10_000,
                () -> slotsSeen[Math.min(asked.getAndIncrement(), slotsSeen.length - 1)], 32, Integer.MAX_VALUE);
        List<SparkExecutor.Chunk> chunks = chunks(chunker);
        assertCoversInOrder(chunks, 10_000);
        assertEquals(chunks.size(), asked.get(), "slots asked once per chunk");
        assertEquals(new SparkExecutor.Chunk(0, 64, 32), chunks.get(0), "2 slots × 32 runs");
        assertEquals(new SparkExecutor.Chunk(64, 128, 32), chunks.get(1));
        assertEquals(new SparkExecutor.Chunk(128, 128 + 8 * 32, 32), chunks.get(2), "8 slots");
        assertEquals(8, chunks.get(2).tasks());
        // 64 slots: a quarter of an even share is ceil(10000 / 256) = 40, capped at 32 runs per task.
        assertEquals(new SparkExecutor.Chunk(384, 384 + 64 * 32, 32), chunks.get(3), "64 slots");
        assertEquals(64, chunks.get(3).tasks());
        SparkExecutor.Chunk last = chunks.get(chunks.size() - 1);
        assertEquals(10_000, last.to());
        assertTrue(chunks.size() < 10_000 / 64, "far fewer jobs than at 2 slots: " + chunks.size());
        assertFalse(chunker.hasNext());
        assertThrows(NoSuchElementException.class, chunker::next);
    }

    @Test
    void chunksFollowSlotsThatComeAndGo() {
        for (int runs : new int[] {1, 7, 100, 1_001}) {
            int[] slots = {3, 1, 16, 5, 2, 40, 1};
            AtomicInteger i = new AtomicInteger();
            List<SparkExecutor.Chunk> chunks = chunks(new SparkExecutor.Chunker(runs,
                    () -> slots[i.getAndIncrement() % slots.length], 8, Integer.MAX_VALUE));
            assertCoversInOrder(chunks, runs);
            for (int k = 0; k < chunks.size(); k++) {
                SparkExecutor.Chunk c = chunks.get(k);
                int s = slots[k % slots.length];
                assertEquals(SparkExecutor.runsPerTask(runs, s, 8), c.perTask(), c.toString());
                assertTrue(c.tasks() <= s, "at most one task per slot: " + c + " with " + s);
            }
        }
    }

    @Test
    void aCappedJobKeepsOneTaskPerSlotWithFewerRunsEach() {
        List<SparkExecutor.Chunk> chunks = chunks(new SparkExecutor.Chunker(1_000, () -> 4, 32, 10));
        assertCoversInOrder(chunks, 1_000);
        for (SparkExecutor.Chunk c : chunks) {
            assertTrue(c.size() <= 10, c.toString());
            assertEquals(2, c.perTask(), c.toString());
        }
        // Fewer runs allowed per job than there are slots: one run per task.
        List<SparkExecutor.Chunk> tiny = chunks(new SparkExecutor.Chunker(50, () -> 64, 32, 3));
        assertCoversInOrder(tiny, 50);
        assertTrue(tiny.stream().allMatch(c -> c.size() <= 3 && c.perTask() == 1), tiny.toString());
    }

    @Test
    void runsPerJobStayBelowHalfTheResultLimit() {
        long perResult = SparkExecutor.bytesPerResult(365, 50);
        assertEquals(365L * Metric.COUNT * 8 + 50 * 8 + SparkExecutor.RESULT_OVERHEAD_BYTES, perResult);
        long gib = 1L << 30;
        int runs = SparkExecutor.maxRunsPerJob(gib, perResult);
        assertTrue(runs * perResult <= gib / 2 && (runs + 1) * perResult > gib / 2, "" + runs);
        assertEquals((gib / 2) / perResult, runs); // 512 MiB / (365 days x the metrics x 8 bytes + parameters + overhead)
        assertEquals(Integer.MAX_VALUE, SparkExecutor.maxRunsPerJob(0, perResult), "0 is no limit");
        assertEquals(1, SparkExecutor.maxRunsPerJob(1L << 20, 10L << 20), "at least one run");
        assertEquals(Integer.MAX_VALUE, SparkExecutor.maxRunsPerJob(Long.MAX_VALUE, 1));
    }

    @Test
    void theEstimateBoundsARealSerializedResult() throws Exception {
        Sweep sweep = SparkTesting.sweep(Mode.AGGREGATE, 2, 365);
        RunSpec spec = sweep.plan().runs().get(1);
        Engine engine = sweep.engine().create();
        RunResult r = engine.run(sweep.scenario(), spec.parameters(), spec.seed(), spec.runIndex());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(r);
        }
        long estimate = SparkExecutor.bytesPerResult(365, spec.parameters().length);
        assertTrue(estimate >= bytes.size(), estimate + " < " + bytes.size());
        assertTrue(estimate < bytes.size() * 1.05, estimate + " far above " + bytes.size());
    }

    @Test
    void aSmallMaxResultSizeGivesSmallerJobsAndTheSameResults() throws Exception {
        // 1 MiB (Spark's smallest) against ~138 KB per 365-day result: 3 runs per job at most,
        // where the default sizing would collect 12 runs (about 1.6 MB) in one job and Spark abort it.
        SparkSession spark = SparkTesting.session("local[2]", Map.of("spark.driver.maxResultSize", "1m"));
        try {
            Sweep sweep = SparkTesting.sweep(Mode.AGGREGATE, 48, 365);
            assertEquals(1L << 20, spark.sparkContext().getConf().getSizeAsBytes("spark.driver.maxResultSize"),
                    "a new session, with the limit");
            SparkExecutor ex = new SparkExecutor(spark);
            assertEquals(12, ex.runsPerTask(48) * ex.slots(), "uncapped, a job would carry 12 runs");
            List<RunResult> local = SparkExecutorTest.collect(new LocalExecutor(2), sweep);
            List<RunResult> distributed = SparkExecutorTest.collect(ex, sweep);
            assertEquals(48, distributed.size());
            for (int i = 0; i < 48; i++) {
                assertEquals(i, distributed.get(i).runIndex(), "run-index order");
                for (Metric m : Metric.values()) {
                    assertEquals(SparkExecutorTest.bits(local.get(i).series()[m.ordinal()]),
                            SparkExecutorTest.bits(distributed.get(i).series()[m.ordinal()]), m.key() + " of run " + i);
                }
            }
        } finally {
            spark.stop();
        }
    }
}
