package org.resolve.store;

import java.nio.file.Path;
import java.time.Duration;
import org.resolve.analysis.RunPlan;
import org.resolve.core.scenario.Scenario;

/**
 * A child JVM for the tests: runs a sweep into a store, or holds a store open.
 *
 * <pre>
 * sweep FILE RUNS DAYS BATCH_RUNS THREADS THROTTLE_MS   prints "committed STORED PLANNED" after each commit
 * hold FILE                                              prints "ready", holds the store until stdin closes
 * </pre>
 */
public final class SweepMain {
    private SweepMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("hold")) {
            try (ResultsStore store = ResultsStore.open(file)) {
                System.out.println("ready " + store.file());
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the parent to close stdin
                }
            }
            return;
        }
        int runs = Integer.parseInt(args[2]);
        int days = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        long throttle = Long.parseLong(args[6]);
        System.out.println("maxMemory " + Runtime.getRuntime().maxMemory());
        Scenario sc = StoreTesting.scenario(days);
        Sweep sweep = Sweep.of(sc, RunPlan.monteCarlo(sc, StoreTesting.ROOT_SEED, runs), EngineSpec.aggregate(6), "SweepMain");
        try (ResultsStore store = ResultsStore.open(file)) {
            SweepSummary s = new SweepRunner(store, threads, BatchPolicy.everyRuns(batch), Duration.ofSeconds(30))
                    .run(sweep, new SweepProgress() {
                        @Override
                        public void update(int done, int total) {
                            if (throttle > 0) {
                                try {
                                    Thread.sleep(throttle);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                        }

                        @Override
                        public void committed(int stored, int planned) {
                            System.out.println("committed " + stored + " " + planned);
                            System.out.flush();
                        }
                    });
            System.out.println("done " + s.status() + " " + s.ranNow() + " " + s.rowsWritten());
            System.out.flush();
        }
    }
}
