package org.resolve.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Mode;
import org.resolve.core.engine.RunResult;
import org.resolve.core.scenario.Scenario;
import org.resolve.store.Sweep;

/**
 * An interrupt of a Spark sweep while it waits for a job cancels that job too, not only the one
 * queued behind it: no job of the sweep is left running on the cluster.
 */
class SparkInterruptTest {
    /** Runs the wrapped engine slowly inside a Spark task, so a job takes long enough to interrupt. */
    static final class SlowEngine extends Engine {
        private static final long serialVersionUID = 1L;

        private final Engine inner;
        private final long millisPerRun;

        SlowEngine(Engine inner, long millisPerRun) {
            this.inner = inner;
            this.millisPerRun = millisPerRun;
        }

        @Override
        public Mode mode() {
            return inner.mode();
        }

        @Override
        public RunResult run(Scenario sc, double[] parameters, long replicationSeed, int runIndex) {
            if (TaskContext.get() != null) {
                try {
                    Thread.sleep(millisPerRun);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return inner.run(sc, parameters, replicationSeed, runIndex);
        }
    }

    @Test
    void anInterruptCancelsTheJobBeingWaitedFor() throws Exception {
        // 400 runs on 2 slots, 25 runs per task of 300 ms each: the first job alone takes 7.5 s.
        SparkSession spark = SparkTesting.session("local[2]", Map.of(SparkExecutor.RUNS_PER_TASK_KEY, "25"));
        try {
            SparkStatusTracker status = spark.sparkContext().statusTracker();
            Sweep sweep = SparkTesting.sweep(Mode.AGGREGATE, 400, 10);
            SparkExecutor ex = new SparkExecutor(spark);
            Engine slow = new SlowEngine(sweep.engine().create(), 300);
            AtomicInteger handed = new AtomicInteger();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread sweeper = new Thread(() -> {
                try {
                    ex.execute(sweep.scenario(), slow, sweep.plan(), r -> handed.incrementAndGet(), n -> { });
                } catch (Throwable t) {
                    thrown.set(t);
                }
            }, "sweeper");
            sweeper.start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (status.getActiveJobIds().length < SparkExecutor.JOBS_IN_FLIGHT && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(SparkExecutor.JOBS_IN_FLIGHT, status.getActiveJobIds().length, "both jobs submitted");
            Thread.sleep(300);
            sweeper.interrupt();
            sweeper.join(30_000);
            assertFalse(sweeper.isAlive(), "the sweep returned");
            assertInstanceOf(InterruptedException.class, thrown.get(), String.valueOf(thrown.get()));
            assertEquals(0, handed.get(), "interrupted within the first job");
            long t0 = System.nanoTime();
            while (status.getActiveJobIds().length > 0 && System.nanoTime() - t0 < 3_000_000_000L) {
                Thread.sleep(20);
            }
            assertEquals("[]", Arrays.toString(status.getActiveJobIds()), "every job of the sweep cancelled");
            while (status.getActiveStageIds().length > 0 && System.nanoTime() - t0 < 30_000_000_000L) {
                Thread.sleep(20); // the killed tasks stop at their next run
            }
            assertTrue(status.getActiveStageIds().length == 0, "tasks stopped");
        } finally {
            spark.stop();
        }
    }
}
