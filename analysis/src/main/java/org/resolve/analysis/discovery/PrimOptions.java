package org.resolve.analysis.discovery;

/**
 * The settings of a PRIM search; every default lives here.
 *
 * @param peelAlpha the share of the box's points one peel removes, in (0, 0.5); 0.05 by default
 *     (at least one point is always removed)
 * @param pasteAlpha the share of the box's points one paste adds back, in (0, 1]; 0.05 by default
 *     (at least one point)
 * @param minMass the smallest share of all used runs a box may keep, in (0, 1]; 0.05 by default
 * @param targetDensity the density the default choice rule looks for on the peeling trajectory, in
 *     [0, 1]; 0.8 by default, the EMA Workbench's threshold (see {@link PeelingTrajectory#defaultChoice})
 * @param maxBoxes how many boxes covering may find, >= 1; 1 by default (no covering)
 */
public record PrimOptions(double peelAlpha, double pasteAlpha, double minMass, double targetDensity, int maxBoxes) {
    /** The default peeling share. */
    public static final double DEFAULT_PEEL_ALPHA = 0.05;
    /** The default pasting share. */
    public static final double DEFAULT_PASTE_ALPHA = 0.05;
    /** The default minimum mass. */
    public static final double DEFAULT_MIN_MASS = 0.05;
    /** The default target density of the choice rule. */
    public static final double DEFAULT_TARGET_DENSITY = 0.8;
    /** The default number of boxes. */
    public static final int DEFAULT_MAX_BOXES = 1;

    /**
     * @throws IllegalArgumentException if peelAlpha is not in (0, 0.5), pasteAlpha not in (0, 1],
     *     minMass not in (0, 1], targetDensity not in [0, 1] (NaN included), or maxBoxes < 1
     */
    public PrimOptions {
        if (!(peelAlpha > 0 && peelAlpha < 0.5)) {
            throw new IllegalArgumentException("peelAlpha must be in (0, 0.5): " + peelAlpha);
        }
        if (!(pasteAlpha > 0 && pasteAlpha <= 1)) {
            throw new IllegalArgumentException("pasteAlpha must be in (0, 1]: " + pasteAlpha);
        }
        if (!(minMass > 0 && minMass <= 1)) {
            throw new IllegalArgumentException("minMass must be in (0, 1]: " + minMass);
        }
        if (!(targetDensity >= 0 && targetDensity <= 1)) {
            throw new IllegalArgumentException("targetDensity must be in [0, 1]: " + targetDensity);
        }
        if (maxBoxes < 1) {
            throw new IllegalArgumentException("maxBoxes must be >= 1: " + maxBoxes);
        }
    }

    /** @return the defaults: 0.05, 0.05, 0.05, 0.8, 1 */
    public static PrimOptions defaults() {
        return new PrimOptions(DEFAULT_PEEL_ALPHA, DEFAULT_PASTE_ALPHA, DEFAULT_MIN_MASS, DEFAULT_TARGET_DENSITY,
                DEFAULT_MAX_BOXES);
    }

    /** @param a the peeling share, in (0, 0.5) @return a copy with it */
    public PrimOptions withPeelAlpha(double a) {
        return new PrimOptions(a, pasteAlpha, minMass, targetDensity, maxBoxes);
    }

    /** @param a the pasting share, in (0, 1] @return a copy with it */
    public PrimOptions withPasteAlpha(double a) {
        return new PrimOptions(peelAlpha, a, minMass, targetDensity, maxBoxes);
    }

    /** @param m the minimum mass, in (0, 1] @return a copy with it */
    public PrimOptions withMinMass(double m) {
        return new PrimOptions(peelAlpha, pasteAlpha, m, targetDensity, maxBoxes);
    }

    /** @param t the target density, in [0, 1] @return a copy with it */
    public PrimOptions withTargetDensity(double t) {
        return new PrimOptions(peelAlpha, pasteAlpha, minMass, t, maxBoxes);
    }

    /** @param k the largest number of boxes covering may find, >= 1 @return a copy with it */
    public PrimOptions withMaxBoxes(int k) {
        return new PrimOptions(peelAlpha, pasteAlpha, minMass, targetDensity, k);
    }
}
