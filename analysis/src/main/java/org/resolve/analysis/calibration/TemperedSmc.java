package org.resolve.analysis.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.resolve.analysis.calibration.abc.Generation;
import org.resolve.analysis.calibration.abc.Particle;
import org.resolve.analysis.calibration.abc.Prior;
import org.resolve.core.random.Streams;

/**
 * A sequential Monte Carlo sampler with likelihood tempering (Del Moral, Doucet and Jasra 2006):
 * particles drawn from the prior move through the targets prior x likelihood^phi as phi rises from
 * 0 to 1, each step chosen so that the reweighted particles keep half their effective sample size,
 * followed by resampling and random-walk Metropolis moves at the new temperature. At phi = 1 the
 * particles are draws from the posterior.
 *
 * <p>Used where the likelihood is explicit (the aggregate mode is deterministic and the measurement
 * model gives every report's likelihood), it avoids the collapse of reweighting an ABC population
 * whose tolerance is still wide. Every particle's random numbers derive from (seed, stage, step,
 * particle), so results do not depend on the number of threads.
 */
public final class TemperedSmc {
    /** The log-likelihood of a parameter vector; deterministic and thread-safe. */
    @FunctionalInterface
    public interface LogLikelihood {
        double logLikelihood(double[] theta);
    }

    /** Settings. */
    public record Options(int particles, int mcmcSteps, int maxStages, int threads, long seed) {
        public Options {
            if (particles < 10 || mcmcSteps < 1 || maxStages < 1 || threads < 1) {
                throw new IllegalArgumentException("particles >= 10, mcmcSteps >= 1, maxStages >= 1 and threads >= 1 required");
            }
        }
    }

    /** The outcome: the final population (equal weights when phi reached 1) and the schedule. */
    public record Result(Generation posterior, List<Double> temperatures, double acceptanceRate, long simulations, boolean reachedOne) {
    }

    private TemperedSmc() {
    }

    /**
     * @param priors one per coordinate: sample(u) and logDensity(x)
     * @param ll the log-likelihood
     * @param o settings
     * @return the tempered population
     * @throws Exception if an evaluation fails
     */
    public static Result run(List<Prior> priors, LogLikelihood ll, Options o) throws Exception {
        int n = o.particles();
        int d = priors.size();
        double[][] theta = new double[n][];
        double[] logL = new double[n];
        long[] sims = {0};
        ExecutorService pool = Executors.newFixedThreadPool(o.threads(), r -> {
            Thread t = new Thread(r, "resolve-smc");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < n; i++) {
                UniformRandomProvider rng = Streams.derive(o.seed(), 0x5EEDL + i);
                double[] x = new double[d];
                for (int j = 0; j < d; j++) {
                    x[j] = priors.get(j).sample(rng.nextDouble());
                }
                theta[i] = x;
            }
            evaluate(pool, theta, ll, logL);
            sims[0] += n;
            boolean anyFinite = false;
            for (double l : logL) {
                anyFinite |= l > Double.NEGATIVE_INFINITY;
            }
            if (!anyFinite) {
                // Tempering would give every particle the same weight and end on the prior.
                throw new IllegalStateException("every one of " + n + " particles drawn from the prior has zero likelihood;"
                        + " the data cannot be explained by this model and prior");
            }
            double phi = 0;
            List<Double> schedule = new ArrayList<>();
            schedule.add(0.0);
            double[] w = new double[n];
            java.util.Arrays.fill(w, 1.0 / n);
            long accepted = 0;
            long proposed = 0;
            int stage = 0;
            while (phi < 1 && stage < o.maxStages()) {
                stage++;
                double next = nextTemperature(phi, logL, n);
                double[] lw = new double[n];
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    lw[i] = Math.log(w[i]) + (next - phi) * finite(logL[i]);
                    max = Math.max(max, lw[i]);
                }
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    w[i] = Math.exp(lw[i] - max);
                    sum += w[i];
                }
                for (int i = 0; i < n; i++) {
                    w[i] /= sum;
                }
                phi = next;
                schedule.add(phi);
                // Systematic resampling, then Metropolis moves at the new temperature.
                UniformRandomProvider rr = Streams.derive(o.seed(), 0xA5A5L * stage);
                int[] idx = systematic(w, rr.nextDouble());
                double[][] nt = new double[n][];
                double[] nl = new double[n];
                for (int i = 0; i < n; i++) {
                    nt[i] = theta[idx[i]].clone();
                    nl[i] = logL[idx[i]];
                }
                theta = nt;
                logL = nl;
                java.util.Arrays.fill(w, 1.0 / n);
                double[][] scale = proposalCholesky(theta, d);
                final double temp = phi;
                final int st = stage;
                List<Future<long[]>> moves = new ArrayList<>();
                final double[][] th = theta;
                final double[] lg = logL;
                for (int i = 0; i < n; i++) {
                    final int pi = i;
                    moves.add(pool.submit(() -> move(priors, ll, th, lg, pi, scale, temp, o, st)));
                }
                for (Future<long[]> f : moves) {
                    long[] r = f.get();
                    accepted += r[0];
                    proposed += r[1];
                }
                sims[0] += (long) n * o.mcmcSteps();
            }
            if (phi >= 1) {
                // Rejuvenate: more Metropolis moves at the posterior, to restore the diversity that
                // resampling took (the particles stay posterior draws).
                double[][] scale = proposalCholesky(theta, d);
                List<Future<long[]>> moves = new ArrayList<>();
                final double[][] th = theta;
                final double[] lg = logL;
                final int st = stage + 1;
                for (int i = 0; i < n; i++) {
                    final int pi = i;
                    moves.add(pool.submit(() -> move(priors, ll, th, lg, pi, scale, 1.0, o, st)));
                }
                for (Future<long[]> f : moves) {
                    long[] r = f.get();
                    accepted += r[0];
                    proposed += r[1];
                }
                sims[0] += (long) n * o.mcmcSteps();
            }
            List<Particle> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(new Particle(theta[i], w[i], -finite(logL[i]), i, 0));
            }
            return new Result(Generation.of(stage, out, sims[0]), schedule, proposed == 0 ? 0 : (double) accepted / proposed,
                    sims[0], phi >= 1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] move(List<Prior> priors, LogLikelihood ll, double[][] theta, double[] logL, int i, double[][] chol,
                               double phi, Options o, int stage) {
        UniformRandomProvider rng = Streams.derive(Streams.replicationSeed(o.seed(), stage), 0x3C3CL + i);
        ContinuousSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = theta[i];
        double lx = logL[i];
        double px = logPrior(priors, x);
        long acc = 0;
        for (int s = 0; s < o.mcmcSteps(); s++) {
            double[] y = x.clone();
            int d = y.length;
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                z[j] = g.sample();
            }
            for (int j = 0; j < d; j++) {
                double step = 0;
                for (int k = 0; k <= j; k++) {
                    step += chol[j][k] * z[k];
                }
                y[j] += step;
            }
            double py = logPrior(priors, y);
            double u = rng.nextDouble();
            if (py == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double ly = ll.logLikelihood(y);
            double logRatio = phi * (finite(ly) - finite(lx)) + py - px;
            if (Math.log(u) < logRatio) {
                x = y;
                lx = ly;
                px = py;
                acc++;
            }
        }
        theta[i] = x;
        logL[i] = lx;
        return new long[] {acc, o.mcmcSteps()};
    }

    private static double logPrior(List<Prior> priors, double[] x) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += priors.get(j).logDensity(x[j]);
        }
        return s;
    }

    private static double finite(double l) {
        return Double.isNaN(l) ? -1e300 : Math.max(l, -1e300);
    }

    /** The largest step keeping the effective sample size of the incremental weights at half. */
    private static double nextTemperature(double phi, double[] logL, int n) {
        if (ess(logL, 1 - phi) >= n / 2.0) {
            return 1;
        }
        double lo = phi;
        double hi = 1;
        for (int k = 0; k < 60; k++) {
            double mid = (lo + hi) / 2;
            if (ess(logL, mid - phi) >= n / 2.0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.max(lo, phi + 1e-12);
    }

    private static double ess(double[] logL, double delta) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logL) {
            max = Math.max(max, delta * finite(l));
        }
        double s = 0;
        double s2 = 0;
        for (double l : logL) {
            double w = Math.exp(delta * finite(l) - max);
            s += w;
            s2 += w * w;
        }
        return s * s / s2;
    }

    private static int[] systematic(double[] w, double u0) {
        int n = w.length;
        int[] idx = new int[n];
        double c = w[0];
        int j = 0;
        for (int i = 0; i < n; i++) {
            double u = (u0 + i) / n;
            while (u > c && j < n - 1) {
                j++;
                c += w[j];
            }
            idx[i] = j;
        }
        return idx;
    }

    /**
     * The random walk's step: 2.38 / sqrt(d) times the Cholesky factor of the particles'
     * covariance (Roberts and Rosenthal's scaling), so correlated parameters move together.
     */
    private static double[][] proposalCholesky(double[][] theta, int d) {
        int n = theta.length;
        double[] m = new double[d];
        for (double[] t : theta) {
            for (int j = 0; j < d; j++) {
                m[j] += t[j] / n;
            }
        }
        double[][] c = new double[d][d];
        for (double[] t : theta) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k <= j; k++) {
                    c[j][k] += (t[j] - m[j]) * (t[k] - m[k]) / Math.max(1, n - 1);
                }
            }
        }
        double f = 2.38 * 2.38 / d;
        double[][] l = new double[d][d];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k <= j; k++) {
                double sum = f * c[j][k] + (j == k ? 1e-12 : 0);
                for (int q = 0; q < k; q++) {
                    sum -= l[j][q] * l[k][q];
                }
                if (j == k) {
                    l[j][j] = Math.sqrt(Math.max(sum, 1e-18));
                } else {
                    l[j][k] = sum / l[k][k];
                }
            }
        }
        return l;
    }

    private static void evaluate(ExecutorService pool, double[][] theta, LogLikelihood ll, double[] out) throws Exception {
        List<Future<Double>> f = new ArrayList<>();
        for (double[] t : theta) {
            f.add(pool.submit(() -> ll.logLikelihood(t)));
        }
        for (int i = 0; i < theta.length; i++) {
            out[i] = f.get(i).get();
        }
    }
}
