package org.resolve.analysis.discovery;

import java.util.List;
import java.util.Locale;

/**
 * A box in input space and how it describes the runs: a run is inside when, for every input j,
 * {@code lower(j) <= x_j <= upper(j)}.
 *
 * <p>The counts are over the runs the search looked at (all used runs for the first box; those not
 * in an earlier box when covering). Coverage and mass are shares of all used runs, as in the EMA
 * Workbench, so the coverages of covering boxes add up.
 */
public final class PrimBox {
    private final List<String> names;
    private final double[] lower;
    private final double[] upper;
    private final int count;
    private final int cases;
    private final double coverage;
    private final double density;
    private final double mass;
    private final List<Restriction> restrictions;

    PrimBox(List<String> names, double[] lower, double[] upper, int count, int cases, int totalRuns,
            int totalCases, List<Restriction> restrictions) {
        this.names = names;
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.count = count;
        this.cases = cases;
        this.coverage = totalCases == 0 ? 0 : (double) cases / totalCases;
        this.density = count == 0 ? 0 : (double) cases / count;
        this.mass = (double) count / totalRuns;
        this.restrictions = List.copyOf(restrictions);
    }

    /** @return the share of all cases of interest that are inside, in [0, 1] (0 when there are none) */
    public double coverage() {
        return coverage;
    }

    /** @return the share of the runs inside that are cases of interest, in [0, 1] */
    public double density() {
        return density;
    }

    /** @return the share of all used runs that are inside, in [0, 1] */
    public double mass() {
        return mass;
    }

    /** @return the number of runs inside */
    public int count() {
        return count;
    }

    /** @return the number of cases of interest inside */
    public int cases() {
        return cases;
    }

    /** @param j an input's index @return the box's lower bound on it (inclusive) */
    public double lower(int j) {
        return lower[j];
    }

    /** @param j an input's index @return the box's upper bound on it (inclusive) */
    public double upper(int j) {
        return upper[j];
    }

    /** @return the restricted dimensions, in column order */
    public List<Restriction> restrictions() {
        return restrictions;
    }

    /** @param name an input's name @return its restriction, or null when the box does not restrict it */
    public Restriction restriction(String name) {
        for (Restriction r : restrictions) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** @return the inputs' names, in column order */
    public List<String> names() {
        return names;
    }

    /**
     * @param point one value per input
     * @return whether the point is inside the box
     * @throws IllegalArgumentException if the point does not have one value per input
     */
    public boolean contains(double[] point) {
        if (point.length != lower.length) {
            throw new IllegalArgumentException("point must have " + lower.length + " values: " + point.length);
        }
        for (int j = 0; j < lower.length; j++) {
            if (!(point[j] >= lower[j] && point[j] <= upper[j])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "coverage %.3f density %.3f mass %.3f %s", coverage, density, mass,
                restrictions);
    }
}
