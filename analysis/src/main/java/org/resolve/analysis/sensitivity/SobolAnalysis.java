package org.resolve.analysis.sensitivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.resolve.analysis.design.FactorGroups;
import org.resolve.analysis.design.SaltelliDesign;
import org.resolve.analysis.design.SaltelliDesign.Block;

/**
 * Variance-based (Sobol') sensitivity indices from the outputs of a {@link SaltelliDesign}.
 *
 * <p>With f<sub>A</sub>, f<sub>B</sub>, f<sub>AB<sub>i</sub></sub>, f<sub>BA<sub>i</sub></sub>
 * the outputs at the n base rows used, each centred on their mean m over A and B, and
 * V = (1/2n) Σ (f<sub>A</sub>² + f<sub>B</sub>²) the output's variance over A and B:
 * <ul>
 * <li>first order (Saltelli et al. 2010, their table 2 (b)):
 *     S<sub>i</sub> = (1/n) Σ f<sub>B</sub> (f<sub>AB<sub>i</sub></sub> - f<sub>A</sub>) / V;</li>
 * <li>total (Jansen 1999):
 *     S<sub>Ti</sub> = (1/2n) Σ (f<sub>A</sub> - f<sub>AB<sub>i</sub></sub>)² / V;</li>
 * <li>second order (Saltelli 2002), from the closed effect of the pair, estimated from both
 *     pairings the design holds:
 *     V<sup>c</sup><sub>ij</sub> = (1/n) Σ [(f<sub>BA<sub>i</sub></sub> f<sub>AB<sub>j</sub></sub>
 *     + f<sub>AB<sub>i</sub></sub> f<sub>BA<sub>j</sub></sub>)/2 - f<sub>A</sub> f<sub>B</sub>],
 *     S<sub>ij</sub> = V<sup>c</sup><sub>ij</sub> / V - S<sub>i</sub> - S<sub>j</sub>.</li>
 * </ul>
 * Centring changes no expectation but removes the output's mean from the products, which would
 * otherwise add variance (and cancellation) to the estimates.
 *
 * <p>Confidence intervals are percentile bootstrap intervals: the base rows used are resampled
 * with replacement (each row with all its linked evaluations), every index is recomputed on each
 * resample, V included. The bootstrap treats base rows as independent; with a Sobol' base they are
 * not (they are better spread than that), so the intervals are conservative there.
 *
 * <p>Failed or non-finite outputs follow the policy in {@link SensitivityOptions}.
 */
public final class SobolAnalysis {
    private SobolAnalysis() {
    }

    /**
     * @param design the design the outputs come from
     * @param metric the output's name, reported with the indices
     * @param outputs one output per design row (= run index); NaN or infinite marks a failure
     * @param options intervals and the failure policy
     * @return the indices, second order included when the design has it
     * @throws IllegalArgumentException if the number of outputs is not the design's size
     */
    public static SobolResult analyse(SaltelliDesign design, String metric, double[] outputs,
                                      SensitivityOptions options) {
        if (outputs.length != design.size()) {
            throw new IllegalArgumentException("expected " + design.size() + " outputs (one per design row), got "
                    + outputs.length);
        }
        int nAll = design.baseSize();
        int per = design.rowsPerBase();
        List<Integer> used = new ArrayList<>(nAll);
        for (int j = 0; j < nAll; j++) {
            boolean ok = true;
            // A base row's linked evaluations are exactly its block of rows.
            for (int r = j * per; r < (j + 1) * per && ok; r++) {
                ok = Double.isFinite(outputs[r]);
            }
            if (ok) {
                used.add(j);
            }
        }
        int n = used.size();
        int excluded = nAll - n;
        FactorGroups groups = design.groups();
        int g = groups.size();
        boolean so = design.secondOrder();
        double[] fa = new double[n];
        double[] fb = new double[n];
        double[][] fab = new double[g][n];
        double[][] fba = new double[so ? g : 0][n];
        for (int u = 0; u < n; u++) {
            int j = used.get(u);
            fa[u] = outputs[design.row(j, Block.A, -1)];
            fb[u] = outputs[design.row(j, Block.B, -1)];
            for (int i = 0; i < g; i++) {
                fab[i][u] = outputs[design.row(j, Block.AB, i)];
                if (so) {
                    fba[i][u] = outputs[design.row(j, Block.BA, i)];
                }
            }
        }
        Estimator est = new Estimator(fa, fb, fab, fba, g, so);
        int width = est.width();
        double[] point = n >= 2 ? est.estimate(null) : nans(width + 2);
        double[] lo = nans(width);
        double[] hi = nans(width);
        if (n >= 2 && options.resamples() > 0 && point[width + 1] > 0) {
            UniformRandomProvider rng = Bootstrap.rng(options.seed());
            double[][] reps = new double[width][options.resamples()];
            for (int b = 0; b < options.resamples(); b++) {
                double[] e = est.estimate(Bootstrap.resample(rng, n));
                for (int k = 0; k < width; k++) {
                    reps[k][b] = e[k];
                }
            }
            for (int k = 0; k < width; k++) {
                double[] ci = Bootstrap.interval(reps[k], options.confidenceLevel());
                lo[k] = ci[0];
                hi[k] = ci[1];
            }
        }
        List<SobolIndex> first = new ArrayList<>(g);
        List<SobolIndex> total = new ArrayList<>(g);
        List<SobolIndex> second = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            first.add(new SobolIndex(metric, SobolIndex.Order.FIRST, groups.name(i), "", point[i], lo[i],
                    hi[i], n, excluded));
            total.add(new SobolIndex(metric, SobolIndex.Order.TOTAL, groups.name(i), "", point[g + i], lo[g + i],
                    hi[g + i], n, excluded));
        }
        if (so) {
            int k = 2 * g;
            for (int i = 0; i < g; i++) {
                for (int j = i + 1; j < g; j++, k++) {
                    second.add(new SobolIndex(metric, SobolIndex.Order.SECOND, groups.name(i), groups.name(j),
                            point[k], lo[k], hi[k], n, excluded));
                }
            }
        }
        double mean = point[width];
        double variance = point[width + 1];
        Verdict v = verdict(n, excluded, variance, options, "base rows");
        return new SobolResult(metric, first, total, second, mean, variance, options.confidenceLevel(),
                options.resamples(), n, excluded, v.reliable, v.warning);
    }

    /**
     * Analyses several outputs of the same runs, in the order of their names (so the result does not
     * depend on the map's iteration order). Every output uses the same bootstrap seed.
     *
     * @param design the design
     * @param outputs one array of outputs per metric name
     * @param options intervals and the failure policy
     * @return one result per metric, sorted by name
     * @throws IllegalArgumentException if an array's length is not the design's size
     */
    public static List<SobolResult> analyse(SaltelliDesign design, Map<String, double[]> outputs,
                                            SensitivityOptions options) {
        List<SobolResult> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : new TreeMap<>(outputs).entrySet()) {
            out.add(analyse(design, e.getKey(), e.getValue(), options));
        }
        return out;
    }

    record Verdict(boolean reliable, String warning) {
    }

    static Verdict verdict(int n, int excluded, double variance, SensitivityOptions options, String units) {
        int all = n + excluded;
        double frac = all == 0 ? 0 : excluded / (double) all;
        String failed = excluded + " of " + all + " " + units + " (" + String.format(Locale.ROOT, "%.1f", 100 * frac)
                + "%) had a failed or non-finite output and were left out";
        if (n < 2) {
            return new Verdict(false, failed + "; fewer than 2 remain, so nothing can be estimated");
        }
        if (frac > options.maxExcludedFraction()) {
            return new Verdict(false, failed + ", above the " + String.format(Locale.ROOT, "%.1f",
                    100 * options.maxExcludedFraction()) + "% limit: the rest may not cover the parameter space"
                    + " evenly");
        }
        if (!(variance > 0)) {
            return new Verdict(false, "the output does not vary (variance " + variance + "): no index is defined");
        }
        return new Verdict(true, excluded > 0 ? failed : "");
    }

    private static double[] nans(int k) {
        double[] a = new double[k];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    /** The estimators over a resample of the base rows. */
    private static final class Estimator {
        private final double[] fa;
        private final double[] fb;
        private final double[][] fab;
        private final double[][] fba;
        private final int g;
        private final boolean so;

        Estimator(double[] fa, double[] fb, double[][] fab, double[][] fba, int g, boolean so) {
            this.fa = fa;
            this.fb = fb;
            this.fab = fab;
            this.fba = fba;
            this.g = g;
            this.so = so;
        }

        /** @return number of indices: S1 and ST per group, and S2 per pair */
        int width() {
            return 2 * g + (so ? g * (g - 1) / 2 : 0);
        }

        /**
         * @param idx the resample's base rows, or null for all of them in order
         * @return S1 (g), ST (g), S2 (pairs), then the mean and the variance
         */
        double[] estimate(int[] idx) {
            int n = idx == null ? fa.length : idx.length;
            double sum = 0;
            for (int u = 0; u < n; u++) {
                int k = idx == null ? u : idx[u];
                sum += fa[k] + fb[k];
            }
            double m = sum / (2.0 * n);
            double ss = 0;
            double ab = 0;
            for (int u = 0; u < n; u++) {
                int k = idx == null ? u : idx[u];
                double a = fa[k] - m;
                double b = fb[k] - m;
                ss += a * a + b * b;
                ab += a * b;
            }
            double v = ss / (2.0 * n);
            double[] out = new double[width() + 2];
            out[width()] = m;
            out[width() + 1] = v;
            if (!(v > 0)) {
                java.util.Arrays.fill(out, 0, width(), Double.NaN);
                return out;
            }
            for (int i = 0; i < g; i++) {
                double s1 = 0;
                double st = 0;
                double[] fi = fab[i];
                for (int u = 0; u < n; u++) {
                    int k = idx == null ? u : idx[u];
                    double a = fa[k] - m;
                    double d = fi[k] - m - a;
                    s1 += (fb[k] - m) * d;
                    st += d * d;
                }
                out[i] = s1 / n / v;
                out[g + i] = st / (2.0 * n) / v;
            }
            if (so) {
                int p = 2 * g;
                for (int i = 0; i < g; i++) {
                    for (int j = i + 1; j < g; j++, p++) {
                        double c = 0;
                        for (int u = 0; u < n; u++) {
                            int k = idx == null ? u : idx[u];
                            c += 0.5 * ((fba[i][k] - m) * (fab[j][k] - m) + (fab[i][k] - m) * (fba[j][k] - m));
                        }
                        out[p] = (c - ab) / n / v - out[i] - out[j];
                    }
                }
            }
            return out;
        }
    }
}
