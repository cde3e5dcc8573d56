package org.resolve.analysis.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The boxes of one peeling run, from the starting box (index 0: every run looked at, no
 * restriction) to the last box peeling could reach while keeping the minimum mass. Along it,
 * coverage never rises and density usually rises: the trade-off an analyst inspects before
 * choosing a box.
 */
public final class PeelingTrajectory {
    /**
     * One line of the coverage/density trade-off.
     *
     * @param index the box's index on the trajectory, 0-based
     * @param coverage its coverage, in [0, 1]
     * @param density its density, in [0, 1]
     * @param mass its mass, in [0, 1]
     * @param restrictedDimensions how many inputs it restricts
     */
    public record TradeOffRow(int index, double coverage, double density, double mass, int restrictedDimensions) {
    }

    private final List<PrimBox> boxes;

    PeelingTrajectory(List<PrimBox> boxes) {
        this.boxes = List.copyOf(boxes);
    }

    /** @return the boxes in peeling order, the starting box first */
    public List<PrimBox> trajectory() {
        return boxes;
    }

    /**
     * @param i an index on the trajectory, in [0, size())
     * @return that box
     * @throws IndexOutOfBoundsException if i is outside [0, size())
     */
    public PrimBox box(int i) {
        return boxes.get(i);
    }

    /** @return the number of boxes, >= 1 */
    public int size() {
        return boxes.size();
    }

    /**
     * The default choice of a box: the first box at or after the knee of the coverage/density
     * trade-off whose density is at least {@code targetDensity}; when none is, the knee itself.
     *
     * <p>The knee: with coverage and density each rescaled to [0, 1] over the trajectory, the box
     * farthest above the straight line from the first box to the last, which is the box with the
     * largest rescaled coverage + density; ties go to the earlier box. A trajectory whose density
     * or coverage does not vary gives index 0.
     *
     * <p>Why: the knee is where peeling stops buying much density for the coverage it costs; the
     * target is the least density the analyst accepts, so when the knee falls short the rule moves
     * on to the first box that meets it, losing as little coverage as possible. Taking the last box
     * that meets the target instead would, once peeling has isolated the region (density at its
     * plateau), give a needlessly small box near the minimum mass; taking the first box anywhere
     * that meets it gives loose boxes (on x1 &gt; 0.6 and x3 &lt; 0.3 with target 0.8 its bounds
     * were up to 0.09 off, against 0.02 for this rule).
     *
     * @param targetDensity the density sought, in [0, 1]
     * @return the chosen index
     * @throws IllegalArgumentException if targetDensity is not in [0, 1]
     */
    public int defaultChoice(double targetDensity) {
        if (!(targetDensity >= 0 && targetDensity <= 1)) {
            throw new IllegalArgumentException("targetDensity must be in [0, 1]: " + targetDensity);
        }
        int knee = knee();
        for (int i = knee; i < boxes.size(); i++) {
            if (boxes.get(i).density() >= targetDensity) {
                return i;
            }
        }
        return knee;
    }

    /** @return the knee of the coverage/density trade-off, as described in {@link #defaultChoice} */
    public int knee() {
        double cMin = Double.POSITIVE_INFINITY;
        double cMax = Double.NEGATIVE_INFINITY;
        double dMin = Double.POSITIVE_INFINITY;
        double dMax = Double.NEGATIVE_INFINITY;
        for (PrimBox b : boxes) {
            cMin = Math.min(cMin, b.coverage());
            cMax = Math.max(cMax, b.coverage());
            dMin = Math.min(dMin, b.density());
            dMax = Math.max(dMax, b.density());
        }
        if (!(cMax > cMin) || !(dMax > dMin)) {
            return 0;
        }
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < boxes.size(); i++) {
            PrimBox b = boxes.get(i);
            double score = (b.coverage() - cMin) / (cMax - cMin) + (b.density() - dMin) / (dMax - dMin);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /** @return the coverage/density trade-off, one row per box in trajectory order */
    public List<TradeOffRow> tradeOff() {
        List<TradeOffRow> rows = new ArrayList<>(boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            PrimBox b = boxes.get(i);
            rows.add(new TradeOffRow(i, b.coverage(), b.density(), b.mass(), b.restrictions().size()));
        }
        return rows;
    }

    /** @return the trade-off as a fixed-width table with a header line, for printing */
    public String formatTradeOff() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%5s %8s %8s %8s %5s%n", "box", "coverage",
                "density", "mass", "dims"));
        for (TradeOffRow r : tradeOff()) {
            s.append(String.format(Locale.ROOT, "%5d %8.4f %8.4f %8.4f %5d%n", r.index(), r.coverage(), r.density(),
                    r.mass(), r.restrictedDimensions()));
        }
        return s.toString();
    }
}
