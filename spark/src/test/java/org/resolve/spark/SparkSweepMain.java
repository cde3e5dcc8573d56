package org.resolve.spark;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.spark.sql.SparkSession;
import org.resolve.core.engine.Mode;
import org.resolve.store.BatchPolicy;
import org.resolve.store.ResultsStore;
import org.resolve.store.Sweep;
import org.resolve.store.SweepProgress;
import org.resolve.store.SweepRunner;
import org.resolve.store.SweepSummary;

/**
 * A child JVM for {@link SparkResumeTest}: runs an aggregate sweep on Spark {@code local[2]} into a
 * store, printing {@code committed STORED PLANNED} after each commit.
 *
 * <pre>
 * FILE RUNS DAYS BATCH_RUNS THROTTLE_MS
 * </pre>
 */
public final class SparkSweepMain {
    private SparkSweepMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        int days = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        long throttle = Long.parseLong(args[4]);
        Sweep sweep = SparkTesting.sweep(Mode.AGGREGATE, runs, days);
        SparkSession spark = SparkTesting.session("local[2]", java.util.Map.of());
        try (ResultsStore store = ResultsStore.open(file)) {
            System.out.println("started");
            System.out.flush();
            SweepSummary s = new SweepRunner(store, new SparkExecutor(spark), BatchPolicy.everyRuns(batch), Duration.ofSeconds(30))
                    .run(sweep, new SweepProgress() {
                        @Override
                        public void update(int done, int total) {
                            try {
                                Thread.sleep(throttle); // on the driver, before each result is written
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }

                        @Override
                        public void committed(int stored, int planned) {
                            System.out.println("committed " + stored + " " + planned);
                            System.out.flush();
                        }
                    });
            System.out.println("done " + s.status() + " " + s.ranNow());
        } finally {
            spark.stop();
        }
    }
}
