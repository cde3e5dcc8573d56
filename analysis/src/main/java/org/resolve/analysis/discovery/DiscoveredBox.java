package org.resolve.analysis.discovery;

/**
 * One box found by {@link Prim}: the peeling trajectory it came from, the box chosen on it, and
 * that box after pasting.
 *
 * @param trajectory the peeling trajectory
 * @param chosenIndex the index chosen on it
 * @param byTarget true when the choice met the target density, false when it fell back to the knee
 * @param pasted the chosen box after pasting; its density is at least the chosen box's
 */
public record DiscoveredBox(PeelingTrajectory trajectory, int chosenIndex, boolean byTarget, PrimBox pasted) {
    /** @return the chosen box before pasting */
    public PrimBox chosen() {
        return trajectory.box(chosenIndex);
    }

    /** @return the box to report: the chosen box after pasting */
    public PrimBox box() {
        return pasted;
    }
}
