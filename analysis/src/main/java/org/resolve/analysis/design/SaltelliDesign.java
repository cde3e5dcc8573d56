package org.resolve.analysis.design;

/**
 * Saltelli's scheme for variance-based (Sobol') sensitivity indices, over factor groups.
 *
 * <p>A base of N points in 2d dimensions gives two independent N by d matrices, A (the first d
 * columns) and B (the last d). For each group i, AB<sub>i</sub> is A with the group's columns taken
 * from B, and, for second-order indices, BA<sub>i</sub> is B with the group's columns taken from A
 * (Saltelli 2002; Saltelli et al. 2010). A group's columns are always swapped together, so every
 * index is a group's.
 *
 * <p>Rows are laid out in blocks, one per base row j, so that a base row's linked evaluations are
 * adjacent (a partial or resumed sweep keeps whole blocks, and the bootstrap resamples blocks).
 * With g groups, block j holds, in order: A<sub>j</sub>, B<sub>j</sub>, AB<sub>j,1..g</sub> and,
 * with second order, BA<sub>j,1..g</sub>: g + 2 rows, or 2g + 2 with second order, so
 * N(g + 2) or N(2g + 2) rows in all. Use {@link #row} and {@link #role} rather than the
 * arithmetic.
 */
public final class SaltelliDesign implements Design {

    /** Which matrix a row comes from. */
    public enum Block {
        /** A row of A. */
        A,
        /** A row of B. */
        B,
        /** A row of AB<sub>i</sub>: A with group i's columns from B. */
        AB,
        /** A row of BA<sub>i</sub>: B with group i's columns from A. */
        BA
    }

    /**
     * A row's place in the scheme.
     *
     * @param base the base row j, in [0, N)
     * @param block the matrix
     * @param group the group i of AB<sub>i</sub> or BA<sub>i</sub>, or -1 for A and B
     */
    public record Role(int base, Block block, int group) {
    }

    private final FactorGroups groups;
    private final double[][] a;
    private final double[][] b;
    private final boolean secondOrder;
    private final String baseDescription;
    private final int perBase;

    private SaltelliDesign(FactorGroups groups, double[][] a, double[][] b, boolean secondOrder, String base) {
        this.groups = groups;
        this.a = a;
        this.b = b;
        this.secondOrder = secondOrder;
        this.baseDescription = base;
        this.perBase = secondOrder ? 2 * groups.size() + 2 : groups.size() + 2;
        if ((long) a.length * perBase > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many rows: " + a.length + " x " + perBase);
        }
    }

    /**
     * @param groups the factor groups; their dimension is the number of columns
     * @param n number of base rows N, >= 2 (a power of two with a Sobol' base)
     * @param secondOrder whether to add the BA<sub>i</sub> rows for second-order indices
     * @param base how to draw the base of N points in 2d dimensions
     * @param seed the base's seed
     * @return the design, N(g + 2) rows, or N(2g + 2) with second order
     * @throws IllegalArgumentException if {@code n < 2} or the design would exceed
     *     {@link Integer#MAX_VALUE} rows
     */
    public static SaltelliDesign create(FactorGroups groups, int n, boolean secondOrder, Sampling base, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2: " + n);
        }
        int d = groups.dimension();
        PointSet points = base.design(n, 2 * d, seed);
        double[][] a = new double[n][d];
        double[][] b = new double[n][d];
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < d; c++) {
                a[j][c] = points.coordinate(j, c);
                b[j][c] = points.coordinate(j, d + c);
            }
        }
        return new SaltelliDesign(groups, a, b, secondOrder, "base=" + base.key() + ", seed=" + seed);
    }

    /**
     * A design over given A and B matrices.
     *
     * @param groups the factor groups
     * @param a the A matrix, N by d, N >= 2, entries in [0, 1)
     * @param b the B matrix, the same shape
     * @param secondOrder whether to add the BA<sub>i</sub> rows
     * @return the design
     * @throws IllegalArgumentException if the shapes differ from each other or from the groups'
     *     dimension, N < 2, or an entry is outside [0, 1)
     */
    public static SaltelliDesign fromMatrices(FactorGroups groups, double[][] a, double[][] b, boolean secondOrder) {
        if (a.length < 2 || a.length != b.length) {
            throw new IllegalArgumentException("A and B must have the same number of rows, >= 2: " + a.length
                    + " and " + b.length);
        }
        double[][] ac = new double[a.length][];
        double[][] bc = new double[b.length][];
        for (int j = 0; j < a.length; j++) {
            ac[j] = checkRow(a[j], groups.dimension(), "a");
            bc[j] = checkRow(b[j], groups.dimension(), "b");
        }
        return new SaltelliDesign(groups, ac, bc, secondOrder, "base=given");
    }

    private static double[] checkRow(double[] row, int d, String name) {
        if (row.length != d) {
            throw new IllegalArgumentException(name + " rows must have " + d + " columns: " + row.length);
        }
        for (double x : row) {
            if (!(x >= 0 && x < 1)) {
                throw new IllegalArgumentException(name + " entries must be in [0, 1): " + x);
            }
        }
        return row.clone();
    }

    @Override
    public String name() {
        return "saltelli";
    }

    @Override
    public String describe() {
        return "saltelli(n=" + a.length + ", groups=" + groups.size() + ", " + baseDescription + ", second-order="
                + secondOrder + ")";
    }

    @Override
    public int dimension() {
        return groups.dimension();
    }

    @Override
    public int size() {
        return a.length * perBase;
    }

    /** @return the number of base rows N */
    public int baseSize() {
        return a.length;
    }

    /** @return the factor groups; indices are per group */
    public FactorGroups groups() {
        return groups;
    }

    /** @return whether the BA<sub>i</sub> rows are present */
    public boolean secondOrder() {
        return secondOrder;
    }

    /** @return rows per base row: g + 2, or 2g + 2 with second order */
    public int rowsPerBase() {
        return perBase;
    }

    /**
     * @param base the base row j, in [0, N)
     * @param block the matrix
     * @param group the group for AB and BA (ignored for A and B)
     * @return the design row (= run index) of that evaluation
     * @throws IndexOutOfBoundsException if j or the group is out of range
     * @throws IllegalArgumentException if BA is asked of a design without second order
     */
    public int row(int base, Block block, int group) {
        if (base < 0 || base >= a.length) {
            throw new IndexOutOfBoundsException("base row " + base + " outside [0, " + a.length + ")");
        }
        int off = switch (block) {
            case A -> 0;
            case B -> 1;
            case AB -> 2 + checkGroup(group);
            case BA -> {
                if (!secondOrder) {
                    throw new IllegalArgumentException("this design has no BA rows (second order is off)");
                }
                yield 2 + groups.size() + checkGroup(group);
            }
        };
        return base * perBase + off;
    }

    private int checkGroup(int group) {
        if (group < 0 || group >= groups.size()) {
            throw new IndexOutOfBoundsException("group " + group + " outside [0, " + groups.size() + ")");
        }
        return group;
    }

    /**
     * @param row a design row, in [0, size())
     * @return its place in the scheme
     * @throws IndexOutOfBoundsException if the row is out of range
     */
    public Role role(int row) {
        if (row < 0 || row >= size()) {
            throw new IndexOutOfBoundsException("row " + row + " outside [0, " + size() + ")");
        }
        int j = row / perBase;
        int off = row % perBase;
        int g = groups.size();
        if (off == 0) {
            return new Role(j, Block.A, -1);
        } else if (off == 1) {
            return new Role(j, Block.B, -1);
        } else if (off < 2 + g) {
            return new Role(j, Block.AB, off - 2);
        }
        return new Role(j, Block.BA, off - 2 - g);
    }

    @Override
    public double coordinate(int row, int column) {
        if (row < 0 || row >= size()) {
            throw new IndexOutOfBoundsException("row " + row + " outside [0, " + size() + ")");
        }
        int j = row / perBase;
        int off = row % perBase;
        int g = groups.size();
        if (off == 0) {
            return a[j][column];
        } else if (off == 1) {
            return b[j][column];
        }
        boolean inGroup = groups.groupOf(column) == (off < 2 + g ? off - 2 : off - 2 - g);
        boolean fromB = off < 2 + g ? inGroup : !inGroup;
        return fromB ? b[j][column] : a[j][column];
    }
}
