package org.resolve.analysis.calibration.abc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.resolve.analysis.scoring.Ensemble;
import org.resolve.core.random.Streams;

/**
 * Approximate Bayesian computation by sequential Monte Carlo: population Monte Carlo ABC
 * (Beaumont, Cornuet, Marin and Robert 2009; Toni et al. 2009) with an adaptive tolerance
 * schedule, each tolerance a quantile of the previous population's distances (as in Drovandi and
 * Pettitt 2011 and pyABC).
 *
 * <p><b>Why this variant.</b> Del Moral, Doucet and Jasra's (2012) sampler chooses each tolerance
 * from the effective sample size and moves particles by MCMC, which needs an MCMC acceptance step
 * per move and a tuned number of moves; and an MCMC move of a single particle cannot be rejected
 * "in proposal order" independently of the others, which makes thread-independent parallelism
 * harder to state. Population Monte Carlo needs only independent proposals, each simulated once,
 * with explicit importance weights, so the whole generation is an embarrassingly parallel batch of
 * proposals accepted in index order; the quantile schedule gives a predictable acceptance rate
 * (about the quantile, while the population is still wide), needs no tuning besides the quantile,
 * and its stopping rules (target tolerance, minimum acceptance rate) are the ones analysts set.
 *
 * <p><b>One generation.</b> Generation 0 draws from the prior by the priors' quantile functions
 * and accepts every draw whose distance is at most {@code initialTolerance} (all finite ones by
 * default), with equal weights. Generation t >= 1 at tolerance ε<sub>t</sub> proposes, for
 * proposal index i = 0, 1, 2, ...: an ancestor j drawn with probability w<sub>j</sub> from
 * generation t - 1, then each parameter k from a normal centred at θ<sub>jk</sub> with variance
 * {@code kernelScale} (2 by default) times the previous population's weighted variance of
 * parameter k, truncated to the prior's bounds (drawn exactly by the inverse CDF, not by
 * reflection, so the kernel density is known). A proposal with zero prior density is redrawn
 * within the same proposal's stream. The proposal is simulated; the first N proposals in index
 * order with distance <= ε<sub>t</sub> become the population, with weights
 * <pre>  w_i ∝ π(θ_i) / Σ_j w_j K(θ_i | θ_j),</pre>
 * K the product of the truncated normals, each normalised by its mass inside the bounds. NaN and
 * infinite distances (failed or impossible simulations) are never accepted.
 *
 * <p><b>Schedule and stopping.</b> After a generation, the run stops if its acceptance rate is
 * below {@code minAcceptanceRate}, its tolerance is at most {@code targetTolerance}, or it was the
 * last allowed; otherwise the next tolerance is max(the weighted {@code quantile} of its
 * distances, targetTolerance), and the run stops if that is not smaller than the current one. A
 * generation that would need more than N / minAcceptanceRate proposals is abandoned.
 *
 * <p><b>Randomness and threads.</b> Proposal i of generation t uses only the seed
 * {@code Streams.replicationSeed(Streams.replicationSeed(rootSeed, t), i)}: its own random numbers
 * come from {@code Streams.derive(seed, salt)}, and the distance function gets the seed itself.
 * Proposals are simulated in batches of N (a size independent of the thread count), split
 * among the threads, and accepted in index order, so the result, the proposal and simulation
 * counts included, is identical for any number of threads.
 */
public final class AbcSmc {
    /** Separates the proposal's own stream from the streams the simulation derives from the seed. */
    private static final long PROPOSAL_SALT = 0x4142432D534D43L;
    /** Redraws of a proposal that falls where the prior density is 0, before giving up on it. */
    private static final int MAX_REDRAWS = 1000;
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private final List<Prior> priors;
    private final DistanceFunction distance;
    private final AbcSmcOptions options;
    private final int dim;

    private AbcSmc(List<Prior> priors, DistanceFunction distance, AbcSmcOptions options) {
        this.priors = priors;
        this.distance = distance;
        this.options = options;
        this.dim = priors.size();
    }

    /**
     * Runs ABC-SMC.
     *
     * @param priors one per parameter, in theta's order; at least one
     * @param distance simulates at (theta, seed) and returns the distance to the observations;
     *     deterministic and thread-safe
     * @param options population size, schedule, stopping rules, threads and root seed
     * @return every completed generation; the last is the posterior approximation
     * @throws IllegalArgumentException if there is no prior, a prior or the distance is null, two
     *     priors share a name, or not even generation 0 fills (fewer than N finite distances within
     *     N / minAcceptanceRate prior draws)
     * @throws RuntimeException whatever the distance function throws, rethrown
     */
    public static AbcResult run(List<Prior> priors, DistanceFunction distance, AbcSmcOptions options) {
        if (priors == null || priors.isEmpty()) {
            throw new IllegalArgumentException("ABC needs at least one prior");
        }
        List<String> names = new ArrayList<>();
        for (Prior p : priors) {
            if (p == null) {
                throw new IllegalArgumentException("prior " + names.size() + " is null");
            }
            if (names.contains(p.name())) {
                throw new IllegalArgumentException("two priors are named " + p.name() + "; give each parameter one");
            }
            names.add(p.name());
        }
        if (distance == null || options == null) {
            throw new IllegalArgumentException("distance and options must not be null");
        }
        return new AbcSmc(List.copyOf(priors), distance, options).run(names);
    }

    private AbcResult run(List<String> names) {
        ExecutorService pool = options.threads() > 1 ? Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "abc-smc");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            List<Generation> gens = new ArrayList<>();
            long totalSims = 0;
            double eps = options.initialTolerance();
            int n = options.particles();
            long cap = (long) Math.ceil(n / options.minAcceptanceRate());
            AbcResult.StopReason reason;
            Kernel kernel = null;
            for (int t = 0;; t++) {
                long genSeed = Streams.replicationSeed(options.seed(), t);
                List<Evaluated> accepted = new ArrayList<>(n);
                long next = 0;
                long sims = 0;
                long last = -1;
                while (accepted.size() < n && next < cap) {
                    int batch = (int) Math.min(n, cap - next);
                    Evaluated[] ev = evaluate(pool, genSeed, next, batch, kernel);
                    sims += batch;
                    for (Evaluated e : ev) {
                        if (e.distance <= eps && e.distance < Double.POSITIVE_INFINITY) {
                            accepted.add(e);
                            if (accepted.size() == n) {
                                last = e.index;
                                break;
                            }
                        }
                    }
                    next += batch;
                }
                totalSims += sims;
                if (accepted.size() < n) {
                    if (t == 0) {
                        throw new IllegalArgumentException("only " + accepted.size() + " of " + cap
                                + " prior draws gave a finite distance within the initial tolerance " + eps
                                + "; need " + n + ": check the distance function or lower minAcceptanceRate");
                    }
                    reason = AbcResult.StopReason.ACCEPTANCE_RATE;
                    break;
                }
                double[] w = t == 0 ? equalWeights(n) : kernel.weights(accepted);
                List<Particle> ps = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    Evaluated e = accepted.get(i);
                    ps.add(new Particle(e.theta, w[i], e.distance, e.index, e.seed));
                }
                Generation g = new Generation(t, eps, ps, last + 1, sims);
                gens.add(g);
                if (g.acceptanceRate() < options.minAcceptanceRate()) {
                    reason = AbcResult.StopReason.ACCEPTANCE_RATE;
                    break;
                }
                if (eps <= options.targetTolerance()) {
                    reason = AbcResult.StopReason.TARGET_TOLERANCE;
                    break;
                }
                if (t + 1 >= options.maxGenerations()) {
                    reason = AbcResult.StopReason.GENERATIONS;
                    break;
                }
                double nextEps = Math.max(Ensemble.weighted(g.distances(), g.weights()).quantile(options.quantile()),
                        options.targetTolerance());
                if (!(nextEps < eps)) {
                    reason = AbcResult.StopReason.TOLERANCE_STALLED;
                    break;
                }
                eps = nextEps;
                kernel = new Kernel(g);
            }
            return new AbcResult(names, gens, reason, totalSims, options.seed());
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static double[] equalWeights(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return w;
    }

    /** Simulates proposals first .. first + count - 1, split into one contiguous chunk per thread. */
    private Evaluated[] evaluate(ExecutorService pool, long genSeed, long first, int count, Kernel kernel) {
        Evaluated[] out = new Evaluated[count];
        if (pool == null) {
            for (int i = 0; i < count; i++) {
                out[i] = propose(genSeed, first + i, kernel);
            }
            return out;
        }
        int threads = options.threads();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int c = 0; c < threads; c++) {
            int from = (int) ((long) count * c / threads);
            int to = (int) ((long) count * (c + 1) / threads);
            tasks.add(() -> {
                for (int i = from; i < to; i++) {
                    out[i] = propose(genSeed, first + i, kernel);
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ABC-SMC interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("distance function failed", c);
        }
        return out;
    }

    /** One proposal: draw theta from its own stream, then simulate. */
    private Evaluated propose(long genSeed, long index, Kernel kernel) {
        long seed = Streams.replicationSeed(genSeed, index);
        UniformRandomProvider rng = Streams.derive(seed, PROPOSAL_SALT);
        double[] theta = new double[dim];
        for (int attempt = 0; attempt < MAX_REDRAWS; attempt++) {
            if (kernel == null) {
                for (int k = 0; k < dim; k++) {
                    theta[k] = priors.get(k).sample(openUniform(rng));
                }
            } else {
                kernel.draw(rng, theta);
            }
            if (logPrior(theta) > Double.NEGATIVE_INFINITY) {
                return new Evaluated(index, seed, theta, distance.distance(theta.clone(), seed));
            }
        }
        return new Evaluated(index, seed, theta, Double.NaN);
    }

    private double logPrior(double[] theta) {
        double s = 0;
        for (int k = 0; k < dim; k++) {
            double l = priors.get(k).logDensity(theta[k]);
            if (Double.isNaN(l)) {
                return Double.NEGATIVE_INFINITY;
            }
            s += l;
        }
        return s;
    }

    /** A uniform in the open interval (0, 1), so a quantile function never sees 0 or 1. */
    private static double openUniform(UniformRandomProvider rng) {
        return ((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    /** Standard normal mass on [a, b], computed on the side where it does not cancel. */
    private static double mass(double a, double b) {
        if (a > 0) {
            return STANDARD.survivalProbability(a) - STANDARD.survivalProbability(b);
        }
        return STANDARD.cumulativeProbability(b) - STANDARD.cumulativeProbability(a);
    }

    /** A standard normal truncated to [a, b] (a <= 0 <= b need not hold), by the inverse CDF. */
    private static double truncatedStandard(double a, double b, double u) {
        double z;
        if (a > 0) {
            double sa = STANDARD.survivalProbability(a);
            double sb = STANDARD.survivalProbability(b);
            z = STANDARD.inverseSurvivalProbability(sa + u * (sb - sa));
        } else {
            double fa = STANDARD.cumulativeProbability(a);
            double fb = STANDARD.cumulativeProbability(b);
            z = STANDARD.inverseCumulativeProbability(fa + u * (fb - fa));
        }
        return Math.min(Math.max(z, a), b);
    }

    /** The perturbation kernel built from one generation: ancestors, weights, scales. */
    private final class Kernel {
        private final double[][] mu;
        private final double[] cumulative;
        private final double[] logW;
        private final double[] sigma;
        /** log of each ancestor's truncated-normal mass inside the bounds, summed over parameters. */
        private final double[] logMass;

        Kernel(Generation g) {
            int n = g.size();
            mu = new double[n][];
            cumulative = new double[n];
            logW = new double[n];
            double c = 0;
            for (int j = 0; j < n; j++) {
                Particle p = g.particles().get(j);
                mu[j] = p.theta();
                c += p.weight();
                cumulative[j] = c;
                logW[j] = Math.log(p.weight());
            }
            sigma = new double[dim];
            for (int k = 0; k < dim; k++) {
                double s = Math.sqrt(options.kernelScale() * g.variance(k));
                // A collapsed population still needs a kernel with a density; keep it tiny.
                sigma[k] = s > 0 ? s : 1e-12 * Math.max(1, Math.abs(g.mean(k)));
            }
            logMass = new double[n];
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < dim; k++) {
                    Prior pr = priors.get(k);
                    s += Math.log(mass((pr.lower() - mu[j][k]) / sigma[k], (pr.upper() - mu[j][k]) / sigma[k]));
                }
                logMass[j] = s;
            }
        }

        void draw(UniformRandomProvider rng, double[] theta) {
            double u = rng.nextDouble() * cumulative[cumulative.length - 1];
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            double[] m = mu[lo];
            for (int k = 0; k < dim; k++) {
                Prior pr = priors.get(k);
                double z = truncatedStandard((pr.lower() - m[k]) / sigma[k], (pr.upper() - m[k]) / sigma[k],
                        openUniform(rng));
                theta[k] = Math.min(Math.max(m[k] + sigma[k] * z, pr.lower()), pr.upper());
            }
        }

        /** Importance weights π(θ_i) / Σ_j w_j K(θ_i | θ_j), normalised, computed in log space. */
        double[] weights(List<Evaluated> accepted) {
            int n = accepted.size();
            double[] lw = new double[n];
            double[] terms = new double[mu.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double[] x = accepted.get(i).theta;
                double tmax = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < mu.length; j++) {
                    double q = 0;
                    for (int k = 0; k < dim; k++) {
                        double z = (x[k] - mu[j][k]) / sigma[k];
                        q += z * z;
                    }
                    // The common factor Π_k 1/(σ_k √(2π)) cancels on normalisation.
                    terms[j] = logW[j] - 0.5 * q - logMass[j];
                    tmax = Math.max(tmax, terms[j]);
                }
                double s = 0;
                for (int j = 0; j < mu.length; j++) {
                    s += Math.exp(terms[j] - tmax);
                }
                lw[i] = logPrior(x) - (tmax + Math.log(s));
                max = Math.max(max, lw[i]);
            }
            double total = 0;
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = Math.exp(lw[i] - max);
                total += w[i];
            }
            for (int i = 0; i < n; i++) {
                w[i] /= total;
            }
            return w;
        }
    }

    /** A simulated proposal. */
    private record Evaluated(long index, long seed, double[] theta, double distance) {
    }
}
