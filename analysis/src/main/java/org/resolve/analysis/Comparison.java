package org.resolve.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.distribution.TDistribution;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.RunResult;
import org.resolve.core.scenario.Scenario;

/**
 * Runs several scenarios under common random numbers and reports, for every KPI, the difference
 * of each scenario from the first (the baseline) with its interval.
 *
 * <p>Replication i of every scenario uses the same seed, so the same uniforms for its parameters
 * and the same stream for each daily process: a difference between scenarios is the scenarios',
 * not the dice's. Differences are paired by replication: the interval of the mean difference is a
 * t interval on the paired differences, and the spread of the differences (their 5% and 95%
 * quantiles) shows how much the effect itself varies across the stated uncertainty.
 */
public final class Comparison {
    /** One KPI of one scenario against the baseline. */
    public record Row(Metric metric, String scenario, String baseline, int pairs, double baselineMean,
                      double scenarioMean, double meanDifference, double ciLow, double ciHigh, double medianDifference,
                      double q05, double q95, double shareGreater) {
    }

    /** The whole comparison: rows and the runs that failed in any scenario (their pairs are left out). */
    public record Result(List<Row> rows, List<String> failures, double confidence) {
    }

    private Comparison() {
    }

    /**
     * @param scenarios two or more scenarios; the first is the baseline
     * @param engine the engine for all of them
     * @param replications replications per scenario, >= 2
     * @param rootSeed the common root seed
     * @param threads worker threads
     * @param confidence the interval's confidence level, in (0, 1)
     * @param progress told the number of runs done across all scenarios
     * @return the differences for every KPI and scenario
     * @throws Exception if a run cannot be carried out
     */
    public static Result run(List<Scenario> scenarios, Engine engine, int replications, long rootSeed, int threads,
                             double confidence, IntConsumer progress) throws Exception {
        if (scenarios.size() < 2) {
            throw new IllegalArgumentException("compare needs at least two scenarios: " + scenarios.size());
        }
        if (replications < 2) {
            throw new IllegalArgumentException("replications must be >= 2 for an interval: " + replications);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        int m = Metric.COUNT;
        double[][][] kpi = new double[scenarios.size()][replications][m];
        boolean[][] ok = new boolean[scenarios.size()][replications];
        List<String> failures = new ArrayList<>();
        LocalExecutor ex = new LocalExecutor(threads);
        for (int s = 0; s < scenarios.size(); s++) {
            Scenario sc = scenarios.get(s);
            int offset = s * replications;
            final int si = s;
            ex.execute(sc, engine, RunPlan.monteCarlo(sc, rootSeed, replications), (RunResult r) -> {
                ok[si][r.runIndex()] = r.ok();
                if (r.ok()) {
                    for (Metric k : Metric.values()) {
                        kpi[si][r.runIndex()][k.ordinal()] = r.kpi(k);
                    }
                } else {
                    failures.add(sc.id() + " run " + r.runIndex() + " (day " + r.failedDay() + "): " + r.error());
                }
            }, done -> progress.accept(offset + done));
        }
        List<Row> rows = new ArrayList<>();
        Scenario base = scenarios.get(0);
        for (int s = 1; s < scenarios.size(); s++) {
            for (Metric k : Metric.values()) {
                List<Double> diffs = new ArrayList<>();
                double sumA = 0;
                double sumB = 0;
                for (int i = 0; i < replications; i++) {
                    if (ok[0][i] && ok[s][i]) {
                        double a = kpi[0][i][k.ordinal()];
                        double b = kpi[s][i][k.ordinal()];
                        diffs.add(b - a);
                        sumA += a;
                        sumB += b;
                    }
                }
                rows.add(row(k, scenarios.get(s).id(), base.id(), diffs, sumA, sumB, confidence));
            }
        }
        return new Result(rows, failures, confidence);
    }

    static Row row(Metric k, String scenario, String baseline, List<Double> diffs, double sumA, double sumB, double confidence) {
        int n = diffs.size();
        double[] d = diffs.stream().mapToDouble(Double::doubleValue).toArray();
        if (n == 0) {
            return new Row(k, scenario, baseline, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double x : d) {
            mean += x;
        }
        mean /= n;
        double ss = 0;
        int greater = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
            greater += x > 0 ? 1 : 0;
        }
        double half;
        if (n < 2) {
            half = Double.NaN;
        } else {
            double se = Math.sqrt(ss / (n - 1) / n);
            double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.5 + confidence / 2);
            half = t * se;
        }
        double[] q = Quantile.withDefaults().evaluate(d, 0.5, 0.05, 0.95);
        return new Row(k, scenario, baseline, n, sumA / n, sumB / n, mean, mean - half, mean + half, q[0], q[1], q[2],
                (double) greater / n);
    }
}
