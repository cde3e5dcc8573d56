package org.resolve.analysis.discovery;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The runs PRIM looks at: each run's uncertain inputs (one named column per parameter) and whether
 * its outcome is a case of interest. A run whose outcome is missing (NaN: a failed run, or a metric
 * it could not compute) is left out of every count and reported by {@link #missing()}; it is never
 * counted as a non-case, which would lower the density near the region where runs fail.
 */
public final class PrimData {
    private final List<String> names;
    private final double[][] x;
    private final boolean[] y;
    private final int[] runIndex;
    private final int missing;
    private final int cases;
    private final double[] min;
    private final double[] max;

    private PrimData(List<String> names, double[][] x, boolean[] y, int[] runIndex, int missing) {
        this.names = names;
        this.x = x;
        this.y = y;
        this.runIndex = runIndex;
        this.missing = missing;
        int c = 0;
        for (boolean b : y) {
            c += b ? 1 : 0;
        }
        this.cases = c;
        int d = names.size();
        min = new double[d];
        max = new double[d];
        for (int j = 0; j < d; j++) {
            min[j] = Double.POSITIVE_INFINITY;
            max[j] = Double.NEGATIVE_INFINITY;
            for (double[] row : x) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
    }

    /**
     * @param names the inputs' names, distinct and non-blank, one per column
     * @param x the inputs, x[run][column]; every value finite
     * @param y the outcome of each run: 1 (a case of interest), 0 (not), or NaN (missing; left out)
     * @return the data, without the runs whose outcome is missing
     * @throws IllegalArgumentException if there are no names or a name is blank or repeated, x is
     *     empty or not rectangular with one column per name, an input is not finite, y's length
     *     differs from x's, a y value is other than 0, 1 or NaN, or every outcome is missing
     */
    public static PrimData of(List<String> names, double[][] x, double[] y) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("names must name at least one input");
        }
        Set<String> seen = new HashSet<>();
        for (String s : names) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException("names must not be blank: " + names);
            }
            if (!seen.add(s)) {
                throw new IllegalArgumentException("names must be distinct; '" + s + "' is repeated");
            }
        }
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("x must hold at least one run");
        }
        if (y == null || y.length != x.length) {
            throw new IllegalArgumentException("y must have one outcome per run: " + x.length + " runs, "
                    + (y == null ? "no" : String.valueOf(y.length)) + " outcomes");
        }
        int d = names.size();
        int used = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != d) {
                throw new IllegalArgumentException("x[" + i + "] must have " + d + " values, one per name");
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("input '" + names.get(j) + "' of run " + i
                            + " is not finite: " + x[i][j]);
                }
            }
            if (!Double.isNaN(y[i]) && y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("y[" + i + "] must be 1 (a case), 0 or NaN (missing): " + y[i]);
            }
            used += Double.isNaN(y[i]) ? 0 : 1;
        }
        if (used == 0) {
            throw new IllegalArgumentException("every one of the " + x.length + " outcomes is missing (NaN)");
        }
        double[][] xs = new double[used][];
        boolean[] ys = new boolean[used];
        int[] idx = new int[used];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(y[i])) {
                xs[k] = x[i].clone();
                ys[k] = y[i] == 1;
                idx[k] = i;
                k++;
            }
        }
        return new PrimData(List.copyOf(names), xs, ys, idx, x.length - used);
    }

    /**
     * @param names the inputs' names
     * @param x the inputs, x[run][column]
     * @param y whether each run is a case of interest (no run missing)
     * @return the data
     * @throws IllegalArgumentException as {@link #of(List, double[][], double[])}
     */
    public static PrimData of(List<String> names, double[][] x, boolean[] y) {
        if (y == null) {
            throw new IllegalArgumentException("y must not be null");
        }
        double[] v = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            v[i] = y[i] ? 1 : 0;
        }
        return of(names, x, v);
    }

    /** @return the inputs' names, in column order */
    public List<String> names() {
        return names;
    }

    /** @return the number of inputs (columns) */
    public int dimensions() {
        return names.size();
    }

    /** @return the number of runs used (those with an outcome) */
    public int size() {
        return x.length;
    }

    /** @return the number of runs left out because their outcome is missing */
    public int missing() {
        return missing;
    }

    /** @return the number of used runs that are cases of interest */
    public int cases() {
        return cases;
    }

    /** @param i a used run, 0-based @return its index among all the runs given, missing ones included */
    public int runIndex(int i) {
        return runIndex[i];
    }

    /** @param j a column @return the data's smallest value of it */
    public double min(int j) {
        return min[j];
    }

    /** @param j a column @return the data's largest value of it */
    public double max(int j) {
        return max[j];
    }

    double x(int i, int j) {
        return x[i][j];
    }

    double[] row(int i) {
        return x[i];
    }

    boolean y(int i) {
        return y[i];
    }
}
