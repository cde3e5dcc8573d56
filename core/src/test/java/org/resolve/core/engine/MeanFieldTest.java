package org.resolve.core.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.resolve.core.model.Param;
import org.resolve.core.random.Streams;
import org.resolve.core.scenario.Scenario;

/**
 * The agent mode's ensemble mean converges to the aggregate mode (its mean-field limit) as the
 * number of soldiers grows.
 *
 * <p>Fixture: kursk-2024 at its parameter medians with a single wave of N special-forces soldiers
 * ({@code engine/mean-field.template.yaml}), 150 days (through training, holding, assault and the
 * forecast beyond the knowledge date). The extensive parameters are scaled with N from kursk-2024's
 * 12,000 soldiers (opponent strength 14,000 and reserve 12,500, replacement cap 8,000, the host's
 * request share 0.025, prisoner-news saturation 50), so
 * every per-soldier rate has the same limit for every N. For N = 100, 1,000 and 10,000 the test runs
 * R = 1,000, 400 and 200 agent replications (about 5 s on two threads) and one aggregate run with
 * 32 loyalty bins. (With R = 40 at N = 10,000 this root seed's first block of replications sits
 * 3.6 standard deviations low on status.front: a chance excursion, since 3,000 replications under
 * another root put the aggregate within 2 standard errors of the mean, about 1e-4 relative, on
 * every compared metric. A larger R makes the comparison stricter, not looser.)
 *
 * <p>Two assertions:
 * <ol>
 *   <li>For each N and each compared metric at the horizon, the aggregate value lies within 3
 *       standard errors of the agent ensemble mean. 6 metrics x 3 sizes = 18 comparisons, each
 *       failing by chance with probability about 0.27% (two-sided normal tail at 3 SE), so with
 *       fresh seeds the family fails by chance with probability at most about 18 x 0.27% = 4.9%
 *       (less, since the metrics are strongly correlated). With the fixed seeds below the outcome
 *       is deterministic; a failure names the seed to replay.</li>
 *   <li>The root-mean-square relative gap of single replications from the aggregate,
 *       sqrt(mean_r (X_r - A)^2) / N, which is sqrt(variance + bias^2) / N, shrinks like 1/sqrt(N):
 *       for every metric it is at N = 10,000 below a third of its value at N = 100 (1/10 expected),
 *       and the least-squares slope of its logarithm against log N over the three sizes lies in
 *       [-0.75, -0.3]. Pure fluctuation gives -0.5; a bias that does not vanish with N flattens the
 *       slope toward 0. This uses the spread of all R runs rather than the single noisy difference
 *       of means, whose ratio between two sizes is heavy-tailed (a ratio of two half-normals) and
 *       would fail by chance far too often; the gap of the means is logged.</li>
 * </ol>
 *
 * <p>Power: multiplying only the agent mode's attrition hazard by 1.01 fails the first assertion
 * at z = 4.5 to 6.4 (measured after the agent mode moved to geometric skipping) on killed, wounded and casualties at N = 10,000.
 *
 * <p>A known finite-N effect, not a disagreement: prisoner news is min(1, prisoners / saturation)
 * of a small whole number, so the agent mode's mean news is below the aggregate's (Jensen) and
 * mean doubt at the front is lower, by a share that falls like 1/N. At N = 100 mean effective
 * loyalty at the front is about 3% above the aggregate; none of the compared metrics moves by a
 * detectable amount (20,000 replications at N = 100 put all six within 1.2 standard errors).
 */
class MeanFieldTest {
    static final long ROOT_SEED = 0x4D45414E4649454CL; // "MEANFIEL"
    static final int DAYS = 150;
    static final int BINS = 32;
    static final int[] SIZES = {100, 1_000, 10_000};
    static final int[] REPLICATIONS = {1_000, 400, 200};
    static final Metric[] COMPARED = {Metric.KILLED, Metric.WOUNDED, Metric.CASUALTIES, Metric.STATUS_FRONT,
        Metric.DESERTED, Metric.REGIME_REVENUE_USD};

    static Scenario scenario(int n) {
        Scenario sc = TestScenarios.template("mean-field.template.yaml", Map.of("__N__", Integer.toString(n)));
        double scale = n / 12_000.0;
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.OPPONENT_STRENGTH, 14_000 * scale);
        o.put(Param.OPPONENT_RESERVE, 12_500 * scale);
        o.put(Param.HOST_REQUEST_SHARE, 0.025 * scale);
        // The cap is a minimum: an agent run with more losses than expected meets it while the expected
        // trajectory does not (E min(cap, X) < min(cap, E X)), a finite-N effect of -0.4 soldiers at
        // N = 100 with kursk-2024's median cap of 4,000; the fixture uses its upper bound, 8,000,
        // which no run reaches, and a whole number since agents draft whole soldiers.
        o.put(Param.REPLACEMENT_CAP, (double) Math.round(8_000 * scale));
        o.put(Param.PRISONER_NEWS_SATURATION, 50 * scale);
        return sc.with(o, DAYS);
    }

    /** Per-size results: agent mean, standard error, RMS gap and aggregate value, per metric. */
    record Ensemble(int n, int replications, double[] mean, double[] se, double[] rms, double[] aggregate) {
    }

    static Ensemble ensemble(int n, int replications, ExecutorService pool) throws InterruptedException, ExecutionException {
        Scenario sc = scenario(n);
        double[] p = ParameterSampler.medians(sc);
        RunResult agg = new AggregateEngine(BINS).run(sc, p, 0L, 0);
        List<Future<RunResult>> futures = new ArrayList<>();
        for (int i = 0; i < replications; i++) {
            long seed = Streams.replicationSeed(ROOT_SEED, i);
            int index = i;
            futures.add(pool.submit(() -> new AgentEngine().run(sc, p, seed, index)));
        }
        int k = COMPARED.length;
        double[] sum = new double[k];
        double[] sumSq = new double[k];
        double[] gapSq = new double[k];
        double[] a = new double[k];
        for (int m = 0; m < k; m++) {
            a[m] = agg.kpi(COMPARED[m]);
        }
        // Reduced in replication order, whatever order the threads finished in.
        for (Future<RunResult> f : futures) {
            RunResult r = f.get();
            for (int m = 0; m < k; m++) {
                double x = r.kpi(COMPARED[m]);
                sum[m] += x;
                sumSq[m] += x * x;
                gapSq[m] += (x - a[m]) * (x - a[m]);
            }
        }
        double[] mean = new double[k];
        double[] se = new double[k];
        double[] rms = new double[k];
        for (int m = 0; m < k; m++) {
            mean[m] = sum[m] / replications;
            double var = Math.max(0, (sumSq[m] - replications * mean[m] * mean[m]) / (replications - 1));
            se[m] = Math.sqrt(var / replications);
            rms[m] = Math.sqrt(gapSq[m] / replications);
        }
        return new Ensemble(n, replications, mean, se, rms, a);
    }

    @Test
    void agentEnsembleMeanConvergesToTheAggregateMode() throws Exception {
        long started = System.nanoTime();
        System.out.printf(Locale.ROOT, "mean-field: root seed %d; replication i uses Streams.replicationSeed(root, i)"
                + " (i = 0 -> %d); aggregate with %d bins; %d days%n", ROOT_SEED,
                Streams.replicationSeed(ROOT_SEED, 0), BINS, DAYS);
        Ensemble[] e = new Ensemble[SIZES.length];
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int s = 0; s < SIZES.length; s++) {
                long t0 = System.nanoTime();
                e[s] = ensemble(SIZES[s], REPLICATIONS[s], pool);
                System.out.printf(Locale.ROOT, "  N = %,d: %d replications in %.1f s%n", SIZES[s], REPLICATIONS[s],
                        (System.nanoTime() - t0) / 1e9);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Executable> checks = new ArrayList<>();
        System.out.printf(Locale.ROOT, "  %-20s %7s %14s %12s %14s %7s %12s %12s%n", "metric", "N", "agent mean",
                "SE", "aggregate", "z", "|gap|/N", "rms/N");
        for (int m = 0; m < COMPARED.length; m++) {
            Metric metric = COMPARED[m];
            double[] logN = new double[SIZES.length];
            double[] logRms = new double[SIZES.length];
            for (int s = 0; s < SIZES.length; s++) {
                Ensemble x = e[s];
                double gap = x.mean()[m] - x.aggregate()[m];
                double z = x.se()[m] > 0 ? gap / x.se()[m] : (gap == 0 ? 0 : Double.POSITIVE_INFINITY);
                System.out.printf(Locale.ROOT, "  %-20s %,7d %14.4f %12.4f %14.4f %7.2f %12.3e %12.3e%n", metric.key(),
                        x.n(), x.mean()[m], x.se()[m], x.aggregate()[m], z, Math.abs(gap) / x.n(), x.rms()[m] / x.n());
                String what = metric.key() + " at N = " + x.n() + " (R = " + x.replications() + ", root seed "
                        + ROOT_SEED + "): agent mean " + x.mean()[m] + " +- " + x.se()[m] + ", aggregate "
                        + x.aggregate()[m] + ", z = " + z;
                checks.add(() -> assertTrue(Math.abs(z) <= 3, what));
                logN[s] = Math.log(x.n());
                logRms[s] = Math.log(x.rms()[m] / x.n());
            }
            double ratio = Math.exp(logRms[SIZES.length - 1] - logRms[0]);
            checks.add(() -> assertTrue(ratio < 1.0 / 3, metric.key() + ": rms relative gap at N = "
                    + SIZES[SIZES.length - 1] + " is " + ratio + " of that at N = " + SIZES[0] + " (1/10 expected)"));
            double slope = slope(logN, logRms);
            System.out.printf(Locale.ROOT, "  %-20s rms/N at N = %,d over N = %,d: %.3f; slope of log(rms/N) on log N: %.3f%n",
                    metric.key(), SIZES[SIZES.length - 1], SIZES[0], ratio, slope);
            checks.add(() -> assertTrue(slope >= -0.75 && slope <= -0.3, metric.key()
                    + ": rms relative gap should shrink like 1/sqrt(N) (slope -0.5), slope " + slope));
        }
        System.out.printf(Locale.ROOT, "  total %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertAll(checks);
    }

    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
