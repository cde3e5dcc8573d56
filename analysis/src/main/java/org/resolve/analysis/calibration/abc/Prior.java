package org.resolve.analysis.calibration.abc;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;

/**
 * The prior of one parameter: a quantile function (inverse CDF) to draw from it, a log-density for
 * the importance weights, and the support's bounds, at which the perturbation kernel is truncated.
 * Parameters are a priori independent; the joint prior is the product of the marginals.
 *
 * <p>A scenario's parameter distributions plug in through {@link #of(String, ContinuousDistribution)}
 * or, for anything else, {@link #of(String, DoubleUnaryOperator, DoubleUnaryOperator, double, double)}.
 */
public final class Prior {
    private final String name;
    private final DoubleUnaryOperator quantile;
    private final DoubleUnaryOperator logDensity;
    private final double lower;
    private final double upper;

    private Prior(String name, DoubleUnaryOperator quantile, DoubleUnaryOperator logDensity, double lower,
            double upper) {
        this.name = name;
        this.quantile = quantile;
        this.logDensity = logDensity;
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * @param name the parameter's name, not blank (used in messages and output rows)
     * @param quantile the inverse CDF on [0, 1]; must map (0, 1) into [lower, upper]
     * @param logDensity the log of the prior density (up to a constant common to all points),
     *     -infinity where the density is 0; must be thread-safe
     * @param lower the support's lower bound, may be -infinity
     * @param upper the support's upper bound, > lower, may be +infinity
     * @return the prior
     * @throws IllegalArgumentException if the name is blank, a function is null, a bound is NaN or
     *     upper <= lower
     */
    public static Prior of(String name, DoubleUnaryOperator quantile, DoubleUnaryOperator logDensity, double lower,
            double upper) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (quantile == null || logDensity == null) {
            throw new IllegalArgumentException("prior " + name + " needs a quantile function and a log-density");
        }
        if (Double.isNaN(lower) || Double.isNaN(upper) || !(upper > lower)) {
            throw new IllegalArgumentException("prior " + name + " needs lower < upper: [" + lower + ", " + upper + "]");
        }
        return new Prior(name, quantile, logDensity, lower, upper);
    }

    /**
     * @param name the parameter's name
     * @param d a Commons Statistics distribution, e.g. a scenario parameter's
     * @return its inverse CDF, log-density and support
     */
    public static Prior of(String name, ContinuousDistribution d) {
        return of(name, d::inverseCumulativeProbability, d::logDensity, d.getSupportLowerBound(),
                d.getSupportUpperBound());
    }

    /**
     * @param name the parameter's name
     * @param lower finite lower end
     * @param upper finite upper end, > lower
     * @return the uniform prior on [lower, upper]
     */
    public static Prior uniform(String name, double lower, double upper) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(upper > lower)) {
            throw new IllegalArgumentException("uniform prior " + name + " needs finite lower < upper: [" + lower
                    + ", " + upper + "]");
        }
        return of(name, UniformContinuousDistribution.of(lower, upper));
    }

    /**
     * @param name the parameter's name
     * @param mean finite
     * @param sd finite, > 0
     * @return the normal prior (unbounded)
     */
    public static Prior normal(String name, double mean, double sd) {
        if (!Double.isFinite(mean) || !(sd > 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("normal prior " + name + " needs a finite mean and a finite sd > 0: "
                    + mean + ", " + sd);
        }
        return of(name, NormalDistribution.of(mean, sd));
    }

    /** @return the parameter's name */
    public String name() {
        return name;
    }

    /** @param u a probability in (0, 1) @return the prior's u-quantile */
    public double sample(double u) {
        return quantile.applyAsDouble(u);
    }

    /** @param x a value @return the log prior density at x; -infinity outside the support */
    public double logDensity(double x) {
        if (!(x >= lower && x <= upper)) {
            return Double.NEGATIVE_INFINITY;
        }
        return logDensity.applyAsDouble(x);
    }

    /** @return the support's lower bound */
    public double lower() {
        return lower;
    }

    /** @return the support's upper bound */
    public double upper() {
        return upper;
    }
}
