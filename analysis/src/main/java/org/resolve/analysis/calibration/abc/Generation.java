package org.resolve.analysis.calibration.abc;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.resolve.analysis.scoring.Ensemble;
import org.resolve.analysis.scoring.Interval;

/**
 * One ABC-SMC population: the weighted particles accepted at one tolerance, with the run's
 * diagnostics. Posterior summaries (means, weighted quantiles, credible intervals) are computed
 * from the particles and their weights.
 */
public final class Generation {
    private final int index;
    private final double tolerance;
    private final List<Particle> particles;
    private final long proposals;
    private final long simulations;

    /**
     * A population built by another sampler (a tempered SMC sampler, say), so its summaries can be
     * used the same way.
     *
     * @param index the stage
     * @param particles the weighted particles
     * @param simulations simulations spent so far
     * @return the population, with tolerance NaN
     */
    public static Generation of(int index, List<Particle> particles, long simulations) {
        return new Generation(index, Double.NaN, particles, simulations, simulations);
    }

    Generation(int index, double tolerance, List<Particle> particles, long proposals, long simulations) {
        this.index = index;
        this.tolerance = tolerance;
        this.particles = List.copyOf(particles);
        this.proposals = proposals;
        this.simulations = simulations;
    }

    /** @return the generation's index, 0 for the prior population */
    public int index() {
        return index;
    }

    /** @return the tolerance every particle's distance is within */
    public double tolerance() {
        return tolerance;
    }

    /** @return the particles in proposal order */
    public List<Particle> particles() {
        return particles;
    }

    /** @return the number of particles */
    public int size() {
        return particles.size();
    }

    /**
     * @return the proposals up to and including the last accepted one: what a sequential sampler
     *     would have simulated
     */
    public long proposals() {
        return proposals;
    }

    /**
     * @return simulations actually run, >= proposals: the last batch may run past the last
     *     accepted proposal (batches have a fixed size, so this too is independent of threads)
     */
    public long simulations() {
        return simulations;
    }

    /** @return particles / proposals */
    public double acceptanceRate() {
        return (double) particles.size() / proposals;
    }

    /** @return Kish's effective sample size 1 / Σw², in [1, particles] */
    public double effectiveSampleSize() {
        double s = 0;
        for (Particle p : particles) {
            s += p.weight() * p.weight();
        }
        return 1 / s;
    }

    /** @return the normalised weights in particle order */
    public double[] weights() {
        double[] w = new double[particles.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = particles.get(i).weight();
        }
        return w;
    }

    /** @return the distances in particle order */
    public double[] distances() {
        double[] d = new double[particles.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = particles.get(i).distance();
        }
        return d;
    }

    /** @param parameter a parameter index @return its values in particle order */
    public double[] values(int parameter) {
        double[] v = new double[particles.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = particles.get(i).theta(parameter);
        }
        return v;
    }

    /** @param parameter a parameter index @return the weighted marginal as an ensemble */
    public Ensemble marginal(int parameter) {
        return Ensemble.weighted(values(parameter), weights());
    }

    /** @param parameter a parameter index @return its weighted posterior mean */
    public double mean(int parameter) {
        double m = 0;
        for (Particle p : particles) {
            m += p.weight() * p.theta(parameter);
        }
        return m;
    }

    /** @param parameter a parameter index @return its weighted variance Σw(x - mean)² */
    public double variance(int parameter) {
        double m = mean(parameter);
        double v = 0;
        for (Particle p : particles) {
            double d = p.theta(parameter) - m;
            v += p.weight() * d * d;
        }
        return v;
    }

    /**
     * @param parameter a parameter index
     * @param prob in [0, 1]
     * @return the weighted quantile (inverse of the weighted empirical CDF, see {@link Ensemble})
     */
    public double quantile(int parameter, double prob) {
        return marginal(parameter).quantile(prob);
    }

    /**
     * @param parameter a parameter index
     * @param level in (0, 1): 0.9 gives the central 90% interval
     * @return the equal-tailed weighted credible interval
     */
    public Interval credibleInterval(int parameter, double level) {
        return marginal(parameter).central(level);
    }

    /**
     * Draws from the weighted population by systematic resampling (one uniform), e.g. for
     * posterior predictive runs or simulation-based calibration.
     *
     * @param count how many draws, >= 1
     * @param rng the source of the one uniform offset
     * @return count particles (with repeats), in particle order
     * @throws IllegalArgumentException if count < 1
     */
    public List<Particle> resample(int count, UniformRandomProvider rng) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        List<Particle> out = new ArrayList<>(count);
        double u = rng.nextDouble() / count;
        double c = 0;
        int i = 0;
        for (int k = 0; k < count; k++) {
            double target = u + (double) k / count;
            while (i < particles.size() - 1 && c + particles.get(i).weight() < target) {
                c += particles.get(i).weight();
                i++;
            }
            out.add(particles.get(i));
        }
        return out;
    }

    /**
     * This population reweighted by exp(-distance): the posterior when the distance is an exact
     * negative log-likelihood ({@link DistanceFunction#fromLogLikelihood}), restricted to the
     * tolerance's super-level set. Meaningless for other distances.
     *
     * @return a generation with the same particles and new normalised weights w·exp(-(d - min d))
     */
    public Generation likelihoodReweighted() {
        double min = Double.POSITIVE_INFINITY;
        for (Particle p : particles) {
            min = Math.min(min, p.distance());
        }
        double[] w = new double[particles.size()];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            Particle p = particles.get(i);
            w[i] = p.weight() * Math.exp(-(p.distance() - min));
            s += w[i];
        }
        List<Particle> out = new ArrayList<>(w.length);
        for (int i = 0; i < w.length; i++) {
            Particle p = particles.get(i);
            out.add(new Particle(p.theta(), w[i] / s, p.distance(), p.proposal(), p.seed()));
        }
        return new Generation(index, tolerance, out, proposals, simulations);
    }
}
