package org.resolve.analysis.design;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Morris's elementary-effects design (Morris 1991), with factor groups as in Campolongo, Cariboni
 * and Saltelli (2007).
 *
 * <p>Each column lives on the p-level grid {0, 1/(p-1), ..., 1}; a step moves it by
 * Δ = p / (2(p - 1)), that is p/2 levels (p must be even). A trajectory starts from a random base
 * point x* (each column at a random level in {0, ..., p/2 - 1}), gives each group a random
 * direction (up: start at x*, move to x* + Δ; down: start at x* + Δ, move to x*), and moves the
 * groups one at a time in a random order: g + 1 points, consecutive ones differing in exactly one
 * group's columns, each by the group's direction times Δ. All columns of a group move in the same
 * direction, so a group's elementary effect has a sign and μ means the same for a group as for a
 * single factor.
 *
 * <p>Rows are laid out trajectory by trajectory: row t(g + 1) + s is step s of trajectory t (step
 * 0 is the starting point). The design's {@link #coordinate coordinates}, which a plan maps
 * through each parameter's quantile function, are the level centres (ℓ + 0.5)/p, so no parameter
 * is taken at its 0 or 100% quantile (infinite for an unbounded distribution); the grid values
 * ℓ/(p - 1) define the step Δ used in the elementary effects.
 */
public final class MorrisDesign implements Design {
    private final FactorGroups groups;
    private final int trajectories;
    private final int levels;
    private final long seed;
    private final int[][] level;
    private final int[][] moved;
    private final int[][] direction;

    private MorrisDesign(FactorGroups groups, int trajectories, int levels, long seed, int[][] level, int[][] moved,
                         int[][] direction) {
        this.groups = groups;
        this.trajectories = trajectories;
        this.levels = levels;
        this.seed = seed;
        this.level = level;
        this.moved = moved;
        this.direction = direction;
    }

    /**
     * @param groups the factor groups; a trajectory has one step per group
     * @param trajectories r, >= 2
     * @param levels p, even and >= 2 (4 is usual)
     * @param seed the seed of base points, directions and orders
     * @return the design, r(g + 1) rows
     * @throws IllegalArgumentException if {@code trajectories < 2}, {@code levels} is odd or
     *     below 2, or the design would exceed {@link Integer#MAX_VALUE} rows
     */
    public static MorrisDesign create(FactorGroups groups, int trajectories, int levels, long seed) {
        if (trajectories < 2) {
            throw new IllegalArgumentException("trajectories must be >= 2: " + trajectories);
        }
        if (levels < 2 || levels % 2 != 0) {
            throw new IllegalArgumentException("levels must be even and >= 2: " + levels);
        }
        int g = groups.size();
        int d = groups.dimension();
        if ((long) trajectories * (g + 1) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many rows: " + trajectories + " x " + (g + 1));
        }
        int half = levels / 2;
        UniformRandomProvider rng = DesignRandom.stream(seed, DesignRandom.MORRIS);
        int[][] level = new int[trajectories * (g + 1)][d];
        int[][] moved = new int[trajectories][g + 1];
        int[][] direction = new int[trajectories][g];
        for (int t = 0; t < trajectories; t++) {
            int[] start = new int[d];
            for (int c = 0; c < d; c++) {
                start[c] = rng.nextInt(half);
            }
            for (int i = 0; i < g; i++) {
                direction[t][i] = rng.nextBoolean() ? 1 : -1;
            }
            int[] order = new int[g];
            for (int i = 0; i < g; i++) {
                order[i] = i;
            }
            for (int i = g - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[k];
                order[k] = tmp;
            }
            int[] current = new int[d];
            for (int c = 0; c < d; c++) {
                current[c] = direction[t][groups.groupOf(c)] > 0 ? start[c] : start[c] + half;
            }
            int row0 = t * (g + 1);
            level[row0] = current.clone();
            moved[t][0] = -1;
            for (int s = 1; s <= g; s++) {
                int i = order[s - 1];
                for (int c : groups.get(i).columns()) {
                    current[c] += direction[t][i] * half;
                }
                level[row0 + s] = current.clone();
                moved[t][s] = i;
            }
        }
        return new MorrisDesign(groups, trajectories, levels, seed, level, moved, direction);
    }

    @Override
    public String name() {
        return "morris";
    }

    @Override
    public String describe() {
        return "morris(trajectories=" + trajectories + ", levels=" + levels + ", groups=" + groups.size() + ", seed="
                + seed + ")";
    }

    @Override
    public int dimension() {
        return groups.dimension();
    }

    @Override
    public int size() {
        return level.length;
    }

    /** @return the factor groups; effects are per group */
    public FactorGroups groups() {
        return groups;
    }

    /** @return the number of trajectories r */
    public int trajectories() {
        return trajectories;
    }

    /** @return the number of grid levels p */
    public int levels() {
        return levels;
    }

    /** @return the step Δ = p / (2(p - 1)) on the grid {0, 1/(p-1), ..., 1} */
    public double delta() {
        return levels / (2.0 * (levels - 1));
    }

    /** @return points per trajectory, g + 1 */
    public int pointsPerTrajectory() {
        return groups.size() + 1;
    }

    /**
     * @param trajectory t, in [0, r)
     * @param step s, in [0, g]
     * @return the design row (= run index) of that point
     * @throws IndexOutOfBoundsException if either is out of range
     */
    public int row(int trajectory, int step) {
        if (trajectory < 0 || trajectory >= trajectories || step < 0 || step > groups.size()) {
            throw new IndexOutOfBoundsException("trajectory " + trajectory + ", step " + step);
        }
        return trajectory * (groups.size() + 1) + step;
    }

    /**
     * @param trajectory t, in [0, r)
     * @param step s, in [1, g]
     * @return the group that moves between step s - 1 and step s
     * @throws IndexOutOfBoundsException if either is out of range
     */
    public int movedGroup(int trajectory, int step) {
        if (step < 1) {
            throw new IndexOutOfBoundsException("step must be >= 1: " + step);
        }
        return moved[trajectory][step];
    }

    /**
     * @param trajectory t, in [0, r)
     * @param group a group index
     * @return +1 if the group moves up by Δ in that trajectory, -1 if down
     */
    public int direction(int trajectory, int group) {
        return direction[trajectory][group];
    }

    /**
     * @param row a design row
     * @param column a column
     * @return the grid level ℓ, in [0, p)
     */
    public int level(int row, int column) {
        return level[row][column];
    }

    /**
     * @param row a design row
     * @param column a column
     * @return the grid value ℓ/(p - 1), in [0, 1]
     */
    public double gridValue(int row, int column) {
        return level[row][column] / (double) (levels - 1);
    }

    @Override
    public double coordinate(int row, int column) {
        return (level[row][column] + 0.5) / levels;
    }
}
