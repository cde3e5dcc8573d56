package org.resolve.core.scenario;

import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;

/**
 * A parameter's value or its uncertainty. Every distribution maps a uniform number in [0, 1) to
 * a value ({@link #quantile}), so Monte Carlo, Latin-hypercube and quasi-random designs all sample
 * it the same way.
 */
public sealed interface Distribution extends java.io.Serializable {

    /**
     * The least share of a normal or log-normal distribution's probability that its truncation
     * window must hold in a scenario: 10<sup>-6</sup>. A window holding less is almost surely a
     * mistake (a median off by a factor, a bound on the wrong side), and a window holding a share
     * too small to tell apart in double precision would give its bounds as draws.
     */
    double MIN_WINDOW_PROBABILITY = 1e-6;

    /**
     * The smallest shape (alpha or beta) of a beta distribution: 0.001. Below, the quantile
     * function loses its accuracy in double precision (Beta(10<sup>-300</sup>, 10<sup>-300</sup>)
     * would give 0.5 at every probability instead of 0 or 1).
     */
    double MIN_BETA_SHAPE = 1e-3;

    /**
     * The largest shape (alpha or beta) of a beta distribution: 10<sup>9</sup>. Above, the
     * quantile function fails to converge in double precision (Beta(10<sup>20</sup>,
     * 10<sup>20</sup>)), and the spread is far below anything a source could state.
     */
    double MAX_BETA_SHAPE = 1e9;

    /**
     * @param u a uniform number in [0, 1)
     * @return the value at that probability (inverse CDF; for a mixture, see {@link Mixture})
     */
    double quantile(double u);

    /** @return the smallest value this distribution can give */
    double lower();

    /** @return the largest value this distribution can give */
    double upper();

    /** @return whether the value is fixed (no uncertainty) */
    default boolean fixed() {
        return false;
    }

    /** @return a compact human-readable form, e.g. {@code uniform(0.5, 0.95)} */
    String describe();

    /** A known value. */
    record Fixed(double value) implements Distribution {
        public double quantile(double u) { return value; }
        public double lower() { return value; }
        public double upper() { return value; }
        @Override public boolean fixed() { return true; }
        public String describe() { return fmt(value); }
    }

    /** Uniform on [low, high]. */
    record Uniform(double low, double high) implements Distribution {
        public double quantile(double u) { return low + u * (high - low); }
        public double lower() { return low; }
        public double upper() { return high; }
        public String describe() { return "uniform(" + fmt(low) + ", " + fmt(high) + ")"; }
    }

    /** Triangular on [low, high] with the given mode. */
    record Triangular(double low, double mode, double high) implements Distribution {
        public double quantile(double u) {
            if (high == low) {
                return low;
            }
            return TriangularDistribution.of(low, mode, high).inverseCumulativeProbability(u);
        }
        public double lower() { return low; }
        public double upper() { return high; }
        public String describe() { return "triangular(" + fmt(low) + ", " + fmt(mode) + ", " + fmt(high) + ")"; }
    }

    /** Normal, optionally truncated to [low, high]. */
    record Normal(double mean, double sd, double low, double high) implements Distribution {
        public double quantile(double u) {
            return truncated(NormalDistribution.of(mean, sd), low, high, u, this);
        }
        /** @return the share of the untruncated distribution's probability in [low, high] */
        public double windowProbability() {
            return window(NormalDistribution.of(mean, sd), low, high);
        }
        public double lower() { return low; }
        public double upper() { return high; }
        public String describe() { return "normal(" + fmt(mean) + ", " + fmt(sd) + ")" + bounds(low, high); }
    }

    /** Log-normal with the given median and log-scale standard deviation, optionally truncated. */
    record LogNormal(double median, double sigma, double low, double high) implements Distribution {
        public double quantile(double u) {
            return truncated(LogNormalDistribution.of(Math.log(median), sigma), low, high, u, this);
        }
        /** @return the share of the untruncated distribution's probability in [low, high] */
        public double windowProbability() {
            return window(LogNormalDistribution.of(Math.log(median), sigma), low, high);
        }
        public double lower() { return Math.max(0, low); }
        public double upper() { return high; }
        public String describe() { return "lognormal(median " + fmt(median) + ", sigma " + fmt(sigma) + ")" + bounds(low, high); }
    }

    /**
     * Beta(alpha, beta) scaled to [low, high] (by default [0, 1]); each shape between
     * {@link #MIN_BETA_SHAPE} and {@link #MAX_BETA_SHAPE}, where its quantile is accurate.
     */
    record Beta(double alpha, double beta, double low, double high) implements Distribution {
        public double quantile(double u) {
            if (!(alpha >= MIN_BETA_SHAPE && alpha <= MAX_BETA_SHAPE && beta >= MIN_BETA_SHAPE && beta <= MAX_BETA_SHAPE)) {
                // rather than a value that only looks like a draw (or a failure deep in a run)
                throw new IllegalStateException(describe() + " cannot be sampled in double precision: shapes must lie in ["
                        + fmt(MIN_BETA_SHAPE) + ", " + fmt(MAX_BETA_SHAPE) + "]");
            }
            return low + (high - low) * BetaDistribution.of(alpha, beta).inverseCumulativeProbability(u);
        }
        public double lower() { return low; }
        public double upper() { return high; }
        public String describe() {
            return "beta(" + fmt(alpha) + ", " + fmt(beta) + ")" + (low == 0 && high == 1 ? "" : " on [" + fmt(low) + ", " + fmt(high) + "]");
        }
    }

    /** One conflicting estimate in a mixture, with its weight and the sources behind it. */
    record Component(double weight, Distribution distribution, List<String> evidence, String label) implements java.io.Serializable {
        public Component {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * A weighted mixture of conflicting sourced estimates. The uniform number picks the component
     * by cumulative weight and is then rescaled to [0, 1) within it, so one uniform gives one draw.
     */
    record Mixture(List<Component> components) implements Distribution {
        public Mixture {
            components = List.copyOf(components);
        }

        public double quantile(double u) {
            double total = 0;
            for (Component c : components) {
                total += c.weight();
            }
            double acc = 0;
            for (int i = 0; i < components.size(); i++) {
                Component c = components.get(i);
                double next = acc + c.weight() / total;
                if (u < next || i == components.size() - 1) {
                    double v = (u - acc) / (next - acc);
                    return c.distribution().quantile(Math.min(Math.max(v, 0), Math.nextDown(1.0)));
                }
                acc = next;
            }
            throw new IllegalStateException("empty mixture");
        }

        public double lower() {
            return components.stream().mapToDouble(c -> c.distribution().lower()).min().orElse(Double.NaN);
        }

        public double upper() {
            return components.stream().mapToDouble(c -> c.distribution().upper()).max().orElse(Double.NaN);
        }

        public String describe() {
            StringBuilder sb = new StringBuilder("mixture(");
            for (int i = 0; i < components.size(); i++) {
                Component c = components.get(i);
                if (i > 0) {
                    sb.append("; ");
                }
                sb.append(fmt(c.weight())).append(" x ").append(c.distribution().describe());
                if (!c.evidence().isEmpty()) {
                    sb.append(" [").append(String.join(", ", c.evidence())).append(']');
                }
            }
            return sb.append(')').toString();
        }
    }

    /**
     * The share of a distribution's probability in [low, high], from the survival function when
     * the window lies in the upper tail (where the CDF rounds to 1).
     */
    private static double window(ContinuousDistribution d, double low, double high) {
        if (!Double.isInfinite(low) && d.cumulativeProbability(low) > 0.5) {
            return d.survivalProbability(low) - (Double.isInfinite(high) ? 0 : d.survivalProbability(high));
        }
        return (Double.isInfinite(high) ? 1 : d.cumulativeProbability(high)) - (Double.isInfinite(low) ? 0 : d.cumulativeProbability(low));
    }

    /**
     * The quantile of d truncated to [low, high]. The window's probability is spread over the
     * probabilities between its ends' (CDF or, in the upper tail, survival) values; it must span
     * about a million steps of double precision there, or the draws would be a few values stuck
     * at a bound. The loader's {@link #MIN_WINDOW_PROBABILITY} is far above that.
     *
     * @throws IllegalStateException when the window's probability cannot be resolved
     */
    private static double truncated(ContinuousDistribution d, double low, double high, double u, Distribution self) {
        double x;
        double a;
        double b;
        boolean upperTail = !Double.isInfinite(low) && d.cumulativeProbability(low) > 0.5;
        if (upperTail) {
            a = d.survivalProbability(low);
            b = Double.isInfinite(high) ? 0 : d.survivalProbability(high);
        } else {
            a = Double.isInfinite(low) ? 0 : d.cumulativeProbability(low);
            b = Double.isInfinite(high) ? 1 : d.cumulativeProbability(high);
        }
        double mass = Math.abs(b - a);
        if (!(mass > (1 << 20) * Math.ulp(Math.max(a, b)))) { // about a million steps
            throw new IllegalStateException(self.describe() + ": the truncation window holds probability " + fmt(mass)
                    + ", too little to sample in double precision (every draw would be a bound)");
        }
        if (upperTail) {
            // In the upper tail the CDF rounds to 1 (every draw would be high); the survival
            // function keeps its precision there.
            x = d.inverseSurvivalProbability(a - u * (a - b));
        } else {
            double p = a + u * (b - a);
            // u = 0 without a lower bound would give -infinity (0 for a log-normal): no parameter
            // may take that, and quasi-random designs start at 0. Take the smallest probability.
            x = d.inverseCumulativeProbability(p > 0 ? p : Double.MIN_VALUE);
        }
        return Math.min(Math.max(x, low), high);
    }

    private static String bounds(double low, double high) {
        if (Double.isInfinite(low) && Double.isInfinite(high)) {
            return "";
        }
        return " on [" + fmt(low) + ", " + fmt(high) + "]";
    }

    /**
     * @param v a number
     * @return the number without a trailing ".0" and without exponent for ordinary magnitudes
     */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            String mant = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
            return mant + "e" + Integer.parseInt(parts[1]);
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
