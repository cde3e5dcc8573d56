package org.resolve.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.resolve.analysis.LocalExecutor;
import org.resolve.analysis.RunPlan;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.scenario.Scenario;

/**
 * The measurements behind {@code resolve bench}: throughput of whole runs on this machine, a
 * memory roofline to hold the agent mode against, and {@code resolve run} end to end.
 *
 * <p>Every throughput is work done over wall time after a warm-up (so the JIT has compiled the day
 * loop), measured over whole runs: at least {@code minRuns} runs and at least the time budget.
 * Agent-days count every soldier sent for every day of the horizon, from each run's own
 * {@code sent}, so runs with more replacements count for more.
 */
final class MachineBench {
    /** One measured rate. */
    record Rate(double workPerSecond, long runs, double seconds, double meanSent) {
    }

    private MachineBench() {
    }

    /**
     * Runs batches of the plan's kind (Monte Carlo draws of the scenario's parameters) until both
     * {@code minRuns} runs and {@code budgetSeconds} have passed.
     *
     * @param sc the scenario
     * @param engine the engine
     * @param threads worker threads
     * @param minRuns at least this many runs
     * @param budgetSeconds and at least this long
     * @param agentDays count agent-days (sent x days) as work, else runs
     * @param root root seed of the first batch (later batches use root + 1, root + 2, ...)
     * @return work per second
     */
    static Rate throughput(Scenario sc, Engine engine, int threads, int minRuns, double budgetSeconds, boolean agentDays,
                           long root) throws Exception {
        LocalExecutor ex = new LocalExecutor(threads);
        int batch = threads;
        long runs = 0;
        double sent = 0;
        long start = System.nanoTime();
        double elapsed = 0;
        while (runs < minRuns || elapsed < budgetSeconds) {
            RunPlan plan = RunPlan.monteCarlo(sc, root++, batch);
            double[] batchSent = new double[1];
            long t0 = System.nanoTime();
            ex.execute(sc, engine, plan, r -> {
                if (!r.ok()) {
                    throw new IllegalStateException("run " + r.runIndex() + " failed: " + r.error());
                }
                batchSent[0] += r.kpi(Metric.SENT);
            }, done -> { });
            double took = (System.nanoTime() - t0) / 1e9;
            runs += batch;
            sent += batchSent[0];
            elapsed = (System.nanoTime() - start) / 1e9;
            // Batches of at least a tenth of a second, so pool start-up is noise.
            if (took < 0.1 && batch < 1 << 20) {
                batch *= 2;
            }
        }
        double work = agentDays ? sent * sc.days() : runs;
        return new Rate(work / elapsed, runs, elapsed, sent / runs);
    }

    /**
     * The agent state of {@code n} soldiers as the engine holds it (status, wave, loyalty, hunger,
     * doubt, flags and the day's front list: 19 bytes each) and one read-modify-write pass over all
     * of it per simulated day: the least memory traffic a day that touches every soldier costs.
     *
     * <p>{@link #pass} streams each array on its own, which the JIT vectorises: the machine's limit
     * (memory or cache bandwidth), the roofline. {@link #scalarPass} updates each soldier's whole
     * state in one loop, as a per-soldier agent loop does; the JIT does not vectorise a loop over
     * arrays of mixed element types, so it is several times slower. It is printed for context only.
     */
    static final class Roofline {
        private final byte[] status;
        private final short[] wave;
        private final float[] loyalty;
        private final float[] hunger;
        private final float[] doubt;
        private final byte[] flags;
        private final int[] front;

        Roofline(int n) {
            status = new byte[n];
            wave = new short[n];
            loyalty = new float[n];
            hunger = new float[n];
            doubt = new float[n];
            flags = new byte[n];
            front = new int[n];
            Arrays.fill(loyalty, 0.8f);
            Arrays.fill(hunger, 0.3f);
        }

        /** One vectorisable pass; returns a value depending on the arrays so nothing is optimised away. */
        int pass(int day) {
            int n = status.length;
            float f = 1e-6f * (day & 7);
            byte d = (byte) day;
            for (int i = 0; i < n; i++) {
                status[i] = (byte) (status[i] ^ d);
            }
            for (int i = 0; i < n; i++) {
                wave[i] = (short) (wave[i] + 1);
            }
            for (int i = 0; i < n; i++) {
                loyalty[i] = loyalty[i] * 0.999f + f;
            }
            for (int i = 0; i < n; i++) {
                hunger[i] = hunger[i] * 0.998f + f;
            }
            for (int i = 0; i < n; i++) {
                doubt[i] = doubt[i] * 0.997f + f;
            }
            for (int i = 0; i < n; i++) {
                flags[i] = (byte) (flags[i] | 1);
            }
            for (int i = 0; i < n; i++) {
                front[i] = front[i] + 1;
            }
            return check(day);
        }

        /** One pass soldier by soldier over his whole state (not vectorised by the JIT). */
        int scalarPass(int day) {
            int n = status.length;
            float f = 1e-6f * (day & 7);
            for (int i = 0; i < n; i++) {
                status[i] = (byte) (status[i] ^ day);
                wave[i] = (short) (wave[i] + 1);
                loyalty[i] = loyalty[i] * 0.999f + f;
                hunger[i] = hunger[i] * 0.998f + f;
                doubt[i] = doubt[i] * 0.997f + f;
                flags[i] = (byte) (flags[i] | 1);
                front[i] = front[i] + 1;
            }
            return check(day);
        }

        /** @return a sum over every element of the state (for tests: both passes do the same work) */
        double checksum() {
            double c = 0;
            for (int i = 0; i < status.length; i++) {
                c += status[i] + 3.0 * wave[i] + 5.0 * loyalty[i] + 7.0 * hunger[i] + 11.0 * doubt[i] + 13.0 * flags[i] + 17.0 * front[i];
            }
            return c;
        }

        private int check(int day) {
            int n = status.length;
            return status[day % n] + wave[n - 1] + front[n / 2] + flags[day % n]
                    + Float.floatToRawIntBits(loyalty[day % n] + doubt[0] + hunger[n - 1]);
        }
    }

    /** Keeps the roofline's results alive. */
    static volatile int sink;

    /**
     * @param agents soldiers in the state
     * @param threads threads, each with its own copy of the state (sharing the memory bus)
     * @param budgetSeconds measuring time (after a warm-up of a fifth of it)
     * @param scalar the per-soldier loop instead of the vectorisable passes
     * @return agent-days per second per thread
     */
    static double roofline(int agents, int threads, double budgetSeconds, boolean scalar) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<double[]>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(() -> {
                    Roofline r = new Roofline(agents);
                    int acc = 0;
                    int day = 0;
                    long warmEnd = System.nanoTime() + (long) (budgetSeconds * 0.2e9);
                    while (System.nanoTime() < warmEnd) {
                        acc += scalar ? r.scalarPass(day++) : r.pass(day++);
                    }
                    long passes = 0;
                    long t0 = System.nanoTime();
                    long end = t0 + (long) (budgetSeconds * 1e9);
                    long now;
                    do {
                        acc += scalar ? r.scalarPass(day++) : r.pass(day++);
                        passes++;
                        now = System.nanoTime();
                    } while (now < end);
                    sink += acc;
                    return new double[] {passes * (double) agents, (now - t0) / 1e9};
                }));
            }
            double perThread = 0;
            for (Future<double[]> f : fs) {
                double[] v = f.get();
                perThread += v[0] / v[1];
            }
            return perThread / threads;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Times {@code resolve run} with its defaults in a fresh JVM (start-up, scenario, ensemble,
     * store and CSV included), writing to a temporary folder that is deleted afterwards.
     *
     * @param replications the replications of the run (the default is 200)
     * @return wall seconds
     */
    static double endToEnd(int replications) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("resolve-bench-");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "run", "--out", dir.resolve("run").toString()));
            if (replications != RunCommand.DEFAULT_REPLICATIONS) {
                cmd.add("--replications");
                cmd.add(Integer.toString(replications));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            long t0 = System.nanoTime();
            Process p = pb.start();
            int code = p.waitFor();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (code != 0) {
                throw new IllegalStateException("resolve run exited with " + code);
            }
            return seconds;
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** @return the processor's model name where the system says it, else the architecture */
    static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through
        }
        return System.getProperty("os.arch");
    }
}
