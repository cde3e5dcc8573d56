package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13, item 6: every numeric option of every command has a stated range, checked before
 * anything runs or is written. {@code --replications 2147483647} used to die of an
 * OutOfMemoryError while building its run plan; counts in the billions of threads, samples,
 * particles or resamples were taken at their word.
 */
class OptionBoundsTest {
    private static final String LEDGER = "../core/src/test/resources/observations/observations-to-2025-01-13.csv";

    @TempDir
    Path tmp;

    /** Runs a command line (words split at spaces), with --out in the temporary folder for commands that write one. */
    private Cli run(String args) {
        List<String> a = new ArrayList<>();
        for (String w : args.split(" ")) {
            a.add(w.equals("LEDGER") ? LEDGER : w);
        }
        if (!a.get(0).equals("serve") && !a.get(0).equals("bench")) {
            a.addAll(List.of("--out", tmp.resolve("out").toString()));
        }
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(a.toArray(String[]::new)),
                "refused before anything runs: " + args);
    }

    /** Each command line and the start of the one-line error it must give. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "run --replications 2147483647                | --replications must be between 1 and 1000000, not 2147483647",
        "run --replications 1000001                   | --replications must be between 1 and 1000000, not 1000001",
        "run --replications 0                         | --replications must be between 1 and 1000000, not 0",
        "run --threads 2147483647                     | --threads must be between 1 and 1024, not 2147483647",
        "run --threads 0                              | --threads must be between 1 and 1024, not 0",
        "run --days 3651                              | --days must be between 1 and 3650, not 3651",
        "run --bins 257                               | --bins must be between 1 and 256, not 257",
        "compare kursk-2024 kursk-2024 --replications 600000 | --replications 600000 for 2 scenarios plans 1200000 runs; expected at most 1000000",
        "compare kursk-2024 kursk-2024 --threads 5000 | --threads must be between 1 and 1024, not 5000",
        "discover --outcome killed>1 --n 2147483647   | --n must be between 20 and 1000000, not 2147483647",
        "discover --outcome killed>1 --boxes 0        | --boxes must be between 1 and 100, not 0",
        "discover --outcome killed>1 --boxes 1000000  | --boxes must be between 1 and 100, not 1000000",
        "discover --outcome killed>1 --density NaN    | --density must be between 0 and 1, not NaN",
        "discover --outcome killed>1 --peel 0.5       | --peel must be above 0 and below 0.5, not 0.5",
        "sensitivity --n 2147483647                   | --n must be between 2 and 1000000, not 2147483647",
        "sensitivity --n 100000                       | --n 100000 (",
        "sensitivity --method morris --levels 1000    | --levels must be an even number between 2 and 100, not 1000",
        "sensitivity --resamples 2147483647           | --resamples must be between 0 and 100000, not 2147483647",
        "calibrate --observations LEDGER --particles 2147483647 | --particles must be between 10 and 100000, not 2147483647",
        "calibrate --observations LEDGER --particles 5 | --particles must be between 10 and 100000, not 5",
        "calibrate --observations LEDGER --generations 0 | --generations must be between 1 and 1000, not 0",
        "calibrate --observations LEDGER --generations 1000000 | --generations must be between 1 and 1000, not 1000000",
        "backtest --observations LEDGER --cutoff 2024-12-20 --draws 2147483647 | --draws must be between 20 and 100000, not 2147483647",
        "backtest --observations LEDGER --cutoff 2024-12-20 --particles 1000000 | --particles must be between 10 and 100000, not 1000000",
        "serve --threads 2147483647 --port 0          | --threads must be between 1 and 1024, not 2147483647",
        "bench --threads 2147483647                   | --threads must be between 1 and 1024, not 2147483647",
    })
    void outOfRangeIsAOneLineErrorBeforeAnythingRuns(String args, String expected) {
        Cli c = run(args.strip());
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.startsWith("error: " + expected.strip()), c.err);
        assertEquals(1, c.err.lines().count(), c.err);
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    /**
     * Within the run bound, a sweep whose plan and KPIs would not fit this Java's heap is refused
     * with the estimate, before the plan is built (the test JVM has 2 GiB; a million replications
     * hold about 2.7 GB).
     */
    @Test
    void aSweepThatCannotFitInMemoryIsRefusedWithTheEstimate() {
        long estimate = (long) Bounds.MAX_RUNS * (Bounds.PLAN_BYTES_PER_RUN + Bounds.KPI_BYTES_PER_RUN);
        assumeTrue(estimate > Bounds.budget(), "this JVM's heap holds a million replications");
        Cli c = run("run --mode aggregate --replications 1000000");
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.matches("(?s)error: --replications 1000000 over \\d+ days with \\d+ threads needs about .*"), c.err);
        assertTrue(c.err.contains(" GiB of memory and this Java may use ") && c.err.contains("RESOLVE_JAVA_OPTS=-Xmx"), c.err);
        assertEquals(1, c.err.lines().count(), c.err);
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    /** The in-flight series of many threads over a long horizon count too. */
    @Test
    void manyThreadsOverALongHorizonAreRefusedWithTheEstimate() {
        assumeTrue(Bounds.inFlightBytes(Bounds.MAX_THREADS, 3650) > Bounds.budget(), "this JVM's heap holds them");
        Cli c = run("run --mode aggregate --replications 10 --days 3650 --threads 1024");
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.startsWith("error: --replications 10 over 3650 days with 1024 threads needs about "), c.err);
    }
}
