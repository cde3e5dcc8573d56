package org.resolve.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.core.engine.Metric;

/** A sweep whose series could not fit in the heap streams into the store and completes. */
class HeapTest {
    private static final int RUNS = 700;

    @TempDir
    Path dir;

    @Test
    void seriesLargerThanTheHeapAreStreamed() throws Exception {
        int days = StoreTesting.scenario(0).days();
        long seriesBytes = (long) RUNS * days * Metric.COUNT * Double.BYTES; // the raw doubles alone
        Path file = dir.resolve("big.duckdb");
        StoreTesting.Child child = StoreTesting.start(List.of("-Xmx64m"), "sweep", file.toString(), "" + RUNS, "0",
                "10000", "2", "0");
        String mem = child.await("maxMemory", 60);
        assertNotNull(mem, child.output());
        long heap = Long.parseLong(mem.substring("maxMemory ".length()));
        System.out.printf("HeapTest: series %.1f MB of doubles, child heap %.1f MB%n", seriesBytes / 1e6, heap / 1e6);
        assertTrue(seriesBytes > heap, "the series must not fit in the child's heap: " + seriesBytes + " <= " + heap);
        assertTrue(seriesBytes > 64L << 20);
        assertTrue(child.process.waitFor(240, TimeUnit.SECONDS), child.output());
        assertEquals(0, child.process.exitValue(), child.output());
        assertTrue(child.output().contains("done complete " + RUNS), child.output());
        Sweep sweep = StoreTesting.aggregateSweep(RUNS, 0);
        try (ResultsStore store = ResultsStore.open(file)) {
            assertEquals(new RowCounts(RUNS, 0, (long) RUNS * days * Metric.COUNT, (long) RUNS * Metric.COUNT),
                    store.counts(sweep.id()));
        }
    }
}
