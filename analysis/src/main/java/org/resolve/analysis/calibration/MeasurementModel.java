package org.resolve.analysis.calibration;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.resolve.core.observation.Observation;
import org.resolve.core.observation.ObservationKind;

/**
 * How claimants report a model value: claimant c reports {@code X = b_c * y * exp(s * Z)} with
 * {@code Z} standard normal, {@code b_c} its bias and {@code s} its log-sd for the kind (the
 * claimant's point log-sd, times {@link MeasurementPriors#approxFactor()} for approx figures).
 * Equivalently {@code ln X ~ Normal(ln b_c + ln y, s)}.
 *
 * <p>The log-likelihood of an observation given {@code y}, with {@code z(x) = (ln x - ln b_c - ln y) / s}
 * and {@code Φ} the standard normal distribution function:
 * <ul>
 * <li>point, approx with figure {@code x > 0}: the log-normal log-density,
 *     {@code ln φ(z(x)) - ln s - ln x};</li>
 * <li>point, approx with figure 0: {@code ln Φ(z(0.5))} (the claim "none" read as "fewer than half a soldier");</li>
 * <li>lower: {@code ln P(X >= low) = ln(1 - Φ(z(low)))} (0 when low is 0);</li>
 * <li>upper: {@code ln P(X <= high) = ln Φ(z(high))};</li>
 * <li>range: {@code ln P(low <= X <= high) = ln(Φ(z(high)) - Φ(z(low)))}.</li>
 * </ul>
 * Bounds use the point log-sd: a claimant saying "at least 3,000" is read as its point figure
 * being at least 3,000. Model values below {@link MeasurementPriors#floor()} are raised to it.
 *
 * <p>Instances are immutable; claimants not set explicitly have bias 1 and the priors' point log-sd.
 * Claimants are identified by {@link Claimants#key(String)}.
 */
public final class MeasurementModel {
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
    /** A reported 0 is read as "fewer than this". */
    private static final double ZERO_REPORT = 0.5;

    private final MeasurementPriors priors;
    private final SortedMap<String, ClaimantError> claimants;

    private MeasurementModel(MeasurementPriors priors, SortedMap<String, ClaimantError> claimants) {
        this.priors = priors;
        this.claimants = claimants;
    }

    /**
     * @param priors the default scales
     * @return a model where every claimant is unbiased with the priors' point log-sd
     */
    public static MeasurementModel of(MeasurementPriors priors) {
        return new MeasurementModel(Objects.requireNonNull(priors, "priors"), new TreeMap<>());
    }

    /**
     * @param claimant a claimant as written (normalised with {@link Claimants#key(String)})
     * @param error its bias and noise
     * @return a copy with that claimant's error set
     */
    public MeasurementModel with(String claimant, ClaimantError error) {
        Objects.requireNonNull(error, "error");
        SortedMap<String, ClaimantError> m = new TreeMap<>(claimants);
        m.put(Claimants.key(claimant), error);
        return new MeasurementModel(priors, m);
    }

    /**
     * @param claimant a claimant as written
     * @param bias its multiplicative bias; finite, &gt; 0
     * @return a copy with that claimant's bias set and its noise at the priors' point log-sd
     * @throws IllegalArgumentException if {@code bias} is not finite and &gt; 0
     */
    public MeasurementModel withBias(String claimant, double bias) {
        return with(claimant, new ClaimantError(bias, priors.pointLogSd()));
    }

    /** @return the default scales */
    public MeasurementPriors priors() {
        return priors;
    }

    /** @return the claimants set explicitly, by key, in key order */
    public Map<String, ClaimantError> claimants() {
        return Collections.unmodifiableSortedMap(claimants);
    }

    /**
     * @param claimant a claimant as written
     * @return its error (bias 1 and the priors' point log-sd unless set)
     */
    public ClaimantError error(String claimant) {
        ClaimantError e = claimants.get(Claimants.key(claimant));
        return e != null ? e : new ClaimantError(1.0, priors.pointLogSd());
    }

    /**
     * @param claimant a claimant as written
     * @param kind how the figure is stated
     * @return the standard deviation of the log of its report
     */
    public double logSd(String claimant, ObservationKind kind) {
        double s = error(claimant).logSd();
        return kind == ObservationKind.APPROX ? s * priors.approxFactor() : s;
    }

    /**
     * @param o an observation
     * @param modelValue the model's value of its quantity on its date (see {@link ModelValue}); &gt;= 0
     * @return the log-likelihood of the observation (a log-density for point and approx figures,
     *         a log-probability for bounds); may be -infinity, never NaN
     * @throws IllegalArgumentException if {@code modelValue} is NaN or infinite
     */
    public double logLikelihood(Observation o, double modelValue) {
        if (!Double.isFinite(modelValue)) {
            throw new IllegalArgumentException("modelValue: expected a finite number, got " + modelValue
                    + " for " + o.id());
        }
        ClaimantError e = error(o.claimant());
        double s = logSd(o.claimant(), o.kind());
        double mu = Math.log(e.bias()) + Math.log(Math.max(modelValue, priors.floor()));
        return switch (o.kind()) {
            case POINT, APPROX -> {
                double x = o.low();
                yield x > 0 ? STANDARD.logDensity((Math.log(x) - mu) / s) - Math.log(s) - Math.log(x)
                        : Math.log(STANDARD.cumulativeProbability((Math.log(ZERO_REPORT) - mu) / s));
            }
            case LOWER -> o.low() > 0 ? Math.log(STANDARD.survivalProbability((Math.log(o.low()) - mu) / s)) : 0.0;
            case UPPER -> o.high() > 0
                    ? Math.log(STANDARD.cumulativeProbability((Math.log(o.high()) - mu) / s))
                    : Double.NEGATIVE_INFINITY;
            case RANGE -> {
                if (!(o.high() > 0)) {
                    yield Double.NEGATIVE_INFINITY;
                }
                double zHigh = (Math.log(o.high()) - mu) / s;
                yield o.low() > 0
                        ? Math.log(STANDARD.probability((Math.log(o.low()) - mu) / s, zHigh))
                        : Math.log(STANDARD.cumulativeProbability(zHigh));
            }
        };
    }

    /**
     * Draws what a claimant would report for a model value.
     *
     * @param claimant a claimant as written
     * @param kind point or approx (decides the noise); bounds use the point noise
     * @param modelValue the model's value; finite, &gt;= 0 (raised to the floor like in the likelihood)
     * @param rng the random stream
     * @return {@code b_c * max(y, floor) * exp(s * Z)}
     * @throws IllegalArgumentException if {@code modelValue} is negative, NaN or infinite
     */
    public double sampleReport(String claimant, ObservationKind kind, double modelValue, UniformRandomProvider rng) {
        if (!(modelValue >= 0) || Double.isInfinite(modelValue)) {
            throw new IllegalArgumentException("modelValue: expected a finite number >= 0, got " + modelValue);
        }
        double z = ZigguratSampler.NormalizedGaussian.of(rng).sample();
        return error(claimant).bias() * Math.max(modelValue, priors.floor()) * Math.exp(logSd(claimant, kind) * z);
    }

    /**
     * A synthetic observation for parameter-recovery tests: the template's claimant, quantity and
     * date with a figure drawn by {@link #sampleReport}. A point or approx template keeps its
     * kind; a bound becomes a point (a bound is a claimant's choice this model does not generate).
     *
     * @param template the observation to imitate
     * @param modelValue the model's value of its quantity on its date; finite, &gt;= 0
     * @param rng the random stream
     * @return a copy of the template with the drawn figure
     * @throws IllegalArgumentException if {@code modelValue} is negative, NaN or infinite
     */
    public Observation synthesize(Observation template, double modelValue, UniformRandomProvider rng) {
        ObservationKind kind = template.kind().isValue() ? template.kind() : ObservationKind.POINT;
        double x = sampleReport(template.claimant(), kind, modelValue, rng);
        return template.withFigure(kind, x, x);
    }

    /**
     * @return the log prior density of the explicitly set biases: the sum over them of the
     *         log-normal log-density of {@code b_c} with median 1 and log-sd {@link MeasurementPriors#biasLogSd()}
     */
    public double logPrior() {
        double sd = priors.biasLogSd();
        double sum = 0;
        for (ClaimantError e : claimants.values()) {
            double lb = Math.log(e.bias());
            sum += STANDARD.logDensity(lb / sd) - Math.log(sd) - lb;
        }
        return sum;
    }
}
