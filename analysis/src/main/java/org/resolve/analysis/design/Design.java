package org.resolve.analysis.design;

/**
 * A design of experiments: a fixed list of points in the unit hypercube, one per run. Row {@code i}
 * of a design becomes run {@code i} of the plan built from it (see
 * {@link org.resolve.analysis.RunPlan#fromDesign}), so an analysis reads the output of run
 * {@code i} as the response at row {@code i}. Every design is built deterministically from its
 * arguments and a seed.
 */
public interface Design {

    /** @return a short name, e.g. {@code saltelli}; recorded with the sweep */
    String name();

    /**
     * @return the name and every argument needed to build the same design again, e.g.
     *     {@code saltelli(n=1024, groups=12, base=sobol, second-order=false, seed=7)}
     */
    String describe();

    /** @return the number of columns (factors), >= 1 */
    int dimension();

    /** @return the number of rows (runs), >= 1 */
    int size();

    /**
     * @param row a row, in [0, size())
     * @param column a column, in [0, dimension())
     * @return the coordinate, in [0, 1)
     * @throws IndexOutOfBoundsException if the row or column is out of range
     */
    double coordinate(int row, int column);

    /**
     * @param row a row, in [0, size())
     * @return a fresh copy of the row's point, each coordinate in [0, 1)
     * @throws IndexOutOfBoundsException if the row is out of range
     */
    default double[] point(int row) {
        double[] p = new double[dimension()];
        for (int c = 0; c < p.length; c++) {
            p[c] = coordinate(row, c);
        }
        return p;
    }
}
