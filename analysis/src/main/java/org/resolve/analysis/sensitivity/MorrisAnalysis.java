package org.resolve.analysis.sensitivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.resolve.analysis.design.FactorGroups;
import org.resolve.analysis.design.MorrisDesign;

/**
 * Morris elementary effects from the outputs of a {@link MorrisDesign}.
 *
 * <p>In trajectory t, the step s that moves group i gives the elementary effect
 * EE<sub>t,i</sub> = d<sub>t,i</sub> (y<sub>t,s</sub> - y<sub>t,s-1</sub>) / Δ, where
 * d<sub>t,i</sub> = ±1 is the group's direction. Over the r trajectories used:
 * μ<sub>i</sub> = mean EE, μ*<sub>i</sub> = mean |EE| (Campolongo, Cariboni and Saltelli 2007),
 * σ<sub>i</sub> = standard deviation of EE with an r - 1 denominator (Morris 1991).
 * The μ* interval is a percentile bootstrap over trajectories.
 *
 * <p>Failed or non-finite outputs follow the policy in {@link SensitivityOptions}, the unit being
 * a trajectory.
 */
public final class MorrisAnalysis {
    private MorrisAnalysis() {
    }

    /**
     * @param design the design the outputs come from
     * @param metric the output's name
     * @param outputs one per design row (= run index); NaN or infinite marks a failure
     * @param options intervals and the failure policy
     * @return the effects
     * @throws IllegalArgumentException if the number of outputs is not the design's size
     */
    public static MorrisResult analyse(MorrisDesign design, String metric, double[] outputs,
                                       SensitivityOptions options) {
        if (outputs.length != design.size()) {
            throw new IllegalArgumentException("expected " + design.size() + " outputs (one per design row), got "
                    + outputs.length);
        }
        FactorGroups groups = design.groups();
        int g = groups.size();
        double delta = design.delta();
        List<double[]> ees = new ArrayList<>();
        int excluded = 0;
        for (int t = 0; t < design.trajectories(); t++) {
            boolean ok = true;
            for (int s = 0; s <= g && ok; s++) {
                ok = Double.isFinite(outputs[design.row(t, s)]);
            }
            if (!ok) {
                excluded++;
                continue;
            }
            double[] ee = new double[g];
            for (int s = 1; s <= g; s++) {
                int i = design.movedGroup(t, s);
                ee[i] = design.direction(t, i) * (outputs[design.row(t, s)] - outputs[design.row(t, s - 1)]) / delta;
            }
            ees.add(ee);
        }
        int n = ees.size();
        double[] mu = new double[g];
        double[] muStar = new double[g];
        double[] sigma = new double[g];
        for (int i = 0; i < g; i++) {
            double sum = 0;
            double sumAbs = 0;
            for (double[] ee : ees) {
                sum += ee[i];
                sumAbs += Math.abs(ee[i]);
            }
            mu[i] = n == 0 ? Double.NaN : sum / n;
            muStar[i] = n == 0 ? Double.NaN : sumAbs / n;
            double ss = 0;
            for (double[] ee : ees) {
                ss += (ee[i] - mu[i]) * (ee[i] - mu[i]);
            }
            sigma[i] = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
        }
        double[][] ci = new double[g][];
        if (n >= 2 && options.resamples() > 0) {
            UniformRandomProvider rng = Bootstrap.rng(options.seed());
            double[][] reps = new double[g][options.resamples()];
            for (int b = 0; b < options.resamples(); b++) {
                int[] idx = Bootstrap.resample(rng, n);
                for (int i = 0; i < g; i++) {
                    double s = 0;
                    for (int k : idx) {
                        s += Math.abs(ees.get(k)[i]);
                    }
                    reps[i][b] = s / n;
                }
            }
            for (int i = 0; i < g; i++) {
                ci[i] = Bootstrap.interval(reps[i], options.confidenceLevel());
            }
        } else {
            for (int i = 0; i < g; i++) {
                ci[i] = new double[] {Double.NaN, Double.NaN};
            }
        }
        List<MorrisEffect> effects = new ArrayList<>(g);
        for (int i = 0; i < g; i++) {
            effects.add(new MorrisEffect(metric, groups.name(i), mu[i], muStar[i], sigma[i], ci[i][0], ci[i][1], n,
                    excluded));
        }
        // Morris effects are defined for a constant output (all zero), so variance is not checked.
        SobolAnalysis.Verdict v = SobolAnalysis.verdict(n, excluded, 1, options, "trajectories");
        return new MorrisResult(metric, effects, delta, options.confidenceLevel(), options.resamples(), n, excluded,
                v.reliable(), v.warning());
    }

    /**
     * Analyses several outputs of the same runs, sorted by name; every output uses the same
     * bootstrap seed.
     *
     * @param design the design
     * @param outputs one array of outputs per metric name
     * @param options intervals and the failure policy
     * @return one result per metric, sorted by name
     * @throws IllegalArgumentException if an array's length is not the design's size
     */
    public static List<MorrisResult> analyse(MorrisDesign design, Map<String, double[]> outputs,
                                             SensitivityOptions options) {
        List<MorrisResult> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : new TreeMap<>(outputs).entrySet()) {
            out.add(analyse(design, e.getKey(), e.getValue(), options));
        }
        return out;
    }
}
