package org.resolve.analysis.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * The Patient Rule Induction Method (Friedman and Fisher 1999) for scenario discovery, in the form
 * of the EMA Workbench's {@code prim} module: find a box in input space where the runs whose
 * outcome is of interest are dense.
 *
 * <p><b>Peeling.</b> Start from the box spanning the data's range. At each step try, for every
 * input and for its lower and upper face, removing the {@code peelAlpha} share of the box's points
 * (at least one) with the smallest or largest values of that input; keep the peel that leaves the
 * highest density, provided the box keeps at least {@code minMass} of all used runs. Stop when no
 * peel keeps that mass. Ties go to the peel that keeps more points, then to the lower input index,
 * then to the lower face. Densities are compared as exact fractions, so the result does not depend
 * on rounding. With tied input values (discrete inputs) a face moves to the next distinct value, so
 * a peel may remove more or fewer points than the share; a face whose points all share one value
 * cannot be peeled. Like Friedman and Fisher (and unlike a greedy search that stops at the first
 * drop), peeling goes on when the best peel lowers the density; the trajectory shows it.
 *
 * <p><b>Choice.</b> {@link PeelingTrajectory#defaultChoice}: the first box whose density reaches
 * {@code targetDensity}, else the knee of the coverage/density trade-off. An analyst may instead
 * pick any {@link PeelingTrajectory#box(int)} and {@link #paste} it.
 *
 * <p><b>Pasting.</b> From the chosen box, try for every input and face adding back the
 * {@code pasteAlpha} share of the box's points (at least one, with their ties) nearest to the face
 * among the runs outside the box on that input only; keep the paste that gives the highest density
 * (ties: more points, then lower index, then lower face) and repeat while the density does not
 * drop. Pasting therefore never lowers the density and never lowers the coverage.
 *
 * <p><b>Covering.</b> {@link #discover} repeats the search on the runs not in the boxes found so far,
 * up to {@code maxBoxes} boxes; it stops early when no case is left or when a box's chosen density
 * missed the target (that box is still returned, marked by {@link DiscoveredBox#byTarget()}).
 *
 * <p>Counts inside a box are over the runs looked at; coverage and mass are shares of all used runs
 * (see {@link PrimBox}). Instances are immutable; {@link #without} gives the search on the runs left.
 */
public final class Prim {
    private final PrimData data;
    private final PrimOptions options;
    private final int[] active;
    private final int minCount;

    private Prim(PrimData data, PrimOptions options, int[] active) {
        this.data = data;
        this.options = options;
        this.active = active;
        this.minCount = (int) Math.ceil(options.minMass() * data.size() - 1e-9);
    }

    /**
     * @param data the runs
     * @param options the settings
     * @return a search over every used run
     * @throws NullPointerException if an argument is null
     */
    public static Prim of(PrimData data, PrimOptions options) {
        if (data == null || options == null) {
            throw new NullPointerException(data == null ? "data" : "options");
        }
        int[] all = new int[data.size()];
        Arrays.setAll(all, i -> i);
        return new Prim(data, options, all);
    }

    /**
     * Finds up to {@code options.maxBoxes()} boxes by peeling, the default choice, pasting and
     * covering.
     *
     * @param data the runs
     * @param options the settings
     * @return the boxes in the order found
     */
    public static PrimResult discover(PrimData data, PrimOptions options) {
        Prim p = of(data, options);
        List<DiscoveredBox> found = new ArrayList<>();
        while (found.size() < options.maxBoxes() && p.remainingCases() > 0) {
            DiscoveredBox b = p.findBox();
            found.add(b);
            if (!b.byTarget()) {
                break;
            }
            p = p.without(b.box());
        }
        return new PrimResult(found, data.size() + data.missing(), data.missing(), data.cases());
    }

    /** @return the number of runs this search looks at */
    public int remaining() {
        return active.length;
    }

    /** @return the number of cases of interest among them */
    public int remainingCases() {
        int c = 0;
        for (int i : active) {
            c += data.y(i) ? 1 : 0;
        }
        return c;
    }

    /**
     * Peels, chooses the default box and pastes it.
     *
     * @return the box found on the runs this search looks at
     */
    public DiscoveredBox findBox() {
        PeelingTrajectory t = peel();
        int i = t.defaultChoice(options.targetDensity());
        return new DiscoveredBox(t, i, t.box(i).density() >= options.targetDensity(), paste(t.box(i)));
    }

    /**
     * @param box a box found earlier (any box of a trajectory, pasted or not)
     * @return the search on the runs this one looks at that are not inside the box (covering)
     */
    public Prim without(PrimBox box) {
        return new Prim(data, options, Arrays.stream(active).filter(i -> !box.contains(data.row(i))).toArray());
    }

    /** @return the peeling trajectory over the runs this search looks at */
    public PeelingTrajectory peel() {
        int d = data.dimensions();
        double[] lower = new double[d];
        double[] upper = new double[d];
        for (int j = 0; j < d; j++) {
            lower[j] = data.min(j);
            upper[j] = data.max(j);
        }
        int[] in = active.clone();
        List<PrimBox> boxes = new ArrayList<>();
        boxes.add(box(lower, upper, in));
        while (in.length >= 2) {
            int m = in.length;
            int k = Math.min(m - 1, Math.max(1, (int) Math.floor(options.peelAlpha() * m)));
            int bestKept = -1;
            int bestCases = 0;
            int bestDim = -1;
            boolean bestLowerFace = false;
            double bestBound = Double.NaN;
            for (int j = 0; j < d; j++) {
                int[] s = sortedBy(in, j);
                int[] below = new int[m + 1];
                for (int t = 0; t < m; t++) {
                    below[t + 1] = below[t] + (data.y(s[t]) ? 1 : 0);
                }
                // Lower face: remove the points below the new bound b.
                int t = firstIndexOf(s, j, k);
                if (t > 0) {
                    int kept = m - t;
                    int cases = below[m] - below[t];
                    if (kept >= minCount && better(kept, cases, bestKept, bestCases)) {
                        bestKept = kept;
                        bestCases = cases;
                        bestDim = j;
                        bestLowerFace = true;
                        bestBound = data.x(s[t], j);
                    }
                }
                // Upper face: keep the points up to the new bound.
                int u = lastIndexOf(s, j, m - 1 - k);
                if (u >= 0 && u < m - 1) {
                    int kept = u + 1;
                    int cases = below[u + 1];
                    if (kept >= minCount && better(kept, cases, bestKept, bestCases)) {
                        bestKept = kept;
                        bestCases = cases;
                        bestDim = j;
                        bestLowerFace = false;
                        bestBound = data.x(s[u], j);
                    }
                }
            }
            if (bestDim < 0) {
                break;
            }
            if (bestLowerFace) {
                lower[bestDim] = bestBound;
            } else {
                upper[bestDim] = bestBound;
            }
            in = inside(lower, upper, in);
            boxes.add(box(lower, upper, in));
        }
        return new PeelingTrajectory(boxes);
    }

    /**
     * Pastes a box: widens its faces while the density does not drop (see the class comment).
     *
     * @param start the box to paste, normally one of a trajectory of this search
     * @return the pasted box; its density and coverage are at least the start's on these runs
     * @throws IllegalArgumentException if the box has a different number of inputs
     */
    public PrimBox paste(PrimBox start) {
        int d = data.dimensions();
        if (start.names().size() != d) {
            throw new IllegalArgumentException("box must have " + d + " inputs: " + start.names().size());
        }
        double[] lower = new double[d];
        double[] upper = new double[d];
        for (int j = 0; j < d; j++) {
            lower[j] = start.lower(j);
            upper[j] = start.upper(j);
        }
        int[] in = inside(lower, upper, active);
        while (true) {
            int m = in.length;
            int cases = countCases(in);
            int k = Math.max(1, (int) Math.floor(options.pasteAlpha() * m));
            int bestKept = -1;
            int bestCases = 0;
            int bestDim = -1;
            boolean bestLowerFace = false;
            double bestBound = Double.NaN;
            for (int j = 0; j < d; j++) {
                for (boolean lowerFace : new boolean[] {true, false}) {
                    int[] c = outsideOnlyOn(j, lowerFace, lower, upper);
                    if (c.length == 0) {
                        continue;
                    }
                    int[] s = sortedBy(c, j);
                    int addedCount;
                    double bound;
                    if (lowerFace) {
                        // nearest first: the largest values below the face
                        bound = data.x(s[Math.max(0, s.length - k)], j);
                        addedCount = s.length - firstIndexAtLeast(s, j, bound);
                    } else {
                        bound = data.x(s[Math.min(s.length, k) - 1], j);
                        addedCount = lastIndexAtMost(s, j, bound) + 1;
                    }
                    int addedCases = 0;
                    for (int i : c) {
                        double v = data.x(i, j);
                        if (lowerFace ? v >= bound : v <= bound) {
                            addedCases += data.y(i) ? 1 : 0;
                        }
                    }
                    int kept = m + addedCount;
                    int kc = cases + addedCases;
                    if (better(kept, kc, bestKept, bestCases)) {
                        bestKept = kept;
                        bestCases = kc;
                        bestDim = j;
                        bestLowerFace = lowerFace;
                        bestBound = bound;
                    }
                }
            }
            // Accept only when the density does not drop: bestCases / bestKept >= cases / m.
            if (bestDim < 0 || (m > 0 && (long) bestCases * m < (long) cases * bestKept)) {
                break;
            }
            if (bestLowerFace) {
                lower[bestDim] = bestBound;
            } else {
                upper[bestDim] = bestBound;
            }
            in = inside(lower, upper, active);
        }
        return box(lower, upper, in);
    }

    /** @return whether (kept, cases) has a higher density than the best so far, or equal with more points */
    private static boolean better(int kept, int cases, int bestKept, int bestCases) {
        if (bestKept < 0) {
            return true;
        }
        long a = (long) cases * bestKept;
        long b = (long) bestCases * kept;
        return a > b || (a == b && kept > bestKept);
    }

    /**
     * The lower face's peel: the index of the first point kept, so that the points before it (all
     * with smaller values) are removed; normally k, moved to the start of k's run of ties, or past
     * the first run of ties when that run reaches k. 0 when nothing can be removed.
     */
    private int firstIndexOf(int[] s, int j, int k) {
        double v0 = data.x(s[0], j);
        double b = data.x(s[k], j);
        int t = k;
        if (b == v0) {
            while (t < s.length && data.x(s[t], j) == v0) {
                t++;
            }
            return t == s.length ? 0 : t;
        }
        while (data.x(s[t - 1], j) == b) {
            t--;
        }
        return t;
    }

    /** The upper face's peel, mirrored: the index of the last point kept; m - 1 when nothing can go. */
    private int lastIndexOf(int[] s, int j, int u) {
        int m = s.length;
        double vm = data.x(s[m - 1], j);
        double b = data.x(s[u], j);
        int t = u;
        if (b == vm) {
            while (t >= 0 && data.x(s[t], j) == vm) {
                t--;
            }
            return t < 0 ? m - 1 : t;
        }
        while (data.x(s[t + 1], j) == b) {
            t++;
        }
        return t;
    }

    private int firstIndexAtLeast(int[] s, int j, double v) {
        int t = 0;
        while (data.x(s[t], j) < v) {
            t++;
        }
        return t;
    }

    private int lastIndexAtMost(int[] s, int j, double v) {
        int t = s.length - 1;
        while (data.x(s[t], j) > v) {
            t--;
        }
        return t;
    }

    /** @return the runs looked at that lie outside the box on input j's given side and inside it on every other */
    private int[] outsideOnlyOn(int j, boolean lowerFace, double[] lower, double[] upper) {
        return Arrays.stream(active).filter(i -> {
            double v = data.x(i, j);
            if (lowerFace ? v >= lower[j] : v <= upper[j]) {
                return false;
            }
            return insideExcept(i, j, lower, upper);
        }).toArray();
    }

    private boolean insideExcept(int i, int skip, double[] lower, double[] upper) {
        for (int q = 0; q < lower.length; q++) {
            if (q != skip) {
                double v = data.x(i, q);
                if (v < lower[q] || v > upper[q]) {
                    return false;
                }
            }
        }
        return true;
    }

    private int[] inside(double[] lower, double[] upper, int[] from) {
        return Arrays.stream(from).filter(i -> insideExcept(i, -1, lower, upper)).toArray();
    }

    /** @return the runs sorted by input j, ties by run index (so the order is deterministic) */
    private int[] sortedBy(int[] runs, int j) {
        return Arrays.stream(runs).boxed()
                .sorted((a, b) -> {
                    int c = Double.compare(data.x(a, j), data.x(b, j));
                    return c != 0 ? c : Integer.compare(a, b);
                })
                .mapToInt(Integer::intValue).toArray();
    }

    private int countCases(int[] runs) {
        int c = 0;
        for (int i : runs) {
            c += data.y(i) ? 1 : 0;
        }
        return c;
    }

    /**
     * Builds a box with its counts and restrictions over the runs looked at. A bound (one side of
     * one input) that keeps out no run the other bounds let in does nothing on the data; it is reset
     * to the data's extreme and not reported. Bounds are reset one at a time, so that two of them
     * cannot together have kept a run out.
     */
    private PrimBox box(double[] lower, double[] upper, int[] in) {
        int count = in.length;
        int cases = countCases(in);
        double[] lo = lower.clone();
        double[] hi = upper.clone();
        for (int j = 0; j < lo.length; j++) {
            if (lo[j] > data.min(j) && countWithBounds(j, data.min(j), hi[j], lo, hi) == count) {
                lo[j] = data.min(j);
            }
            if (hi[j] < data.max(j) && countWithBounds(j, lo[j], data.max(j), lo, hi) == count) {
                hi[j] = data.max(j);
            }
        }
        List<Restriction> rs = new ArrayList<>();
        for (int j = 0; j < lo.length; j++) {
            boolean below = lo[j] > data.min(j);
            boolean above = hi[j] < data.max(j);
            if (below || above) {
                int[] r = relaxedCount(j, lo, hi);
                rs.add(new Restriction(j, data.names().get(j), lo[j], hi[j], below, above, r[0] - count,
                        quasiP(count, cases, r[0], r[1])));
            }
        }
        return new PrimBox(data.names(), lo, hi, count, cases, data.size(), data.cases(), rs);
    }

    /** @return the runs, among those looked at, inside the box with input j's bounds replaced by [a, b] */
    private int countWithBounds(int j, double a, double b, double[] lower, double[] upper) {
        int c = 0;
        for (int i : active) {
            double v = data.x(i, j);
            if (v >= a && v <= b && insideExcept(i, j, lower, upper)) {
                c++;
            }
        }
        return c;
    }

    /** @return the runs and the cases, among those looked at, inside the box without input j's bounds */
    private int[] relaxedCount(int j, double[] lower, double[] upper) {
        int relaxed = 0;
        int relaxedCases = 0;
        for (int i : active) {
            if (insideExcept(i, j, lower, upper)) {
                relaxed++;
                relaxedCases += data.y(i) ? 1 : 0;
            }
        }
        return new int[] {relaxed, relaxedCases};
    }

    /** @return P(X >= cases) for X ~ Binomial(count, relaxedCases / relaxed); see {@link Restriction} */
    static double quasiP(int count, int cases, int relaxed, int relaxedCases) {
        if (cases == 0 || relaxed == 0) {
            return 1;
        }
        double p = (double) relaxedCases / relaxed;
        return BinomialDistribution.of(count, p).survivalProbability(cases - 1);
    }
}
