package org.resolve.analysis.sensitivity;

import java.util.ArrayList;
import java.util.List;

/**
 * The Sobol' indices of one output.
 *
 * @param metric the output's name
 * @param first first-order indices, one per group in the design's order
 * @param total total indices, in the same order
 * @param second second-order indices for each pair i &lt; j in lexicographic order, or empty
 * @param mean the output's mean over the A and B rows used
 * @param variance its variance over those rows (the denominator of every index)
 * @param confidenceLevel the intervals' level
 * @param resamples the bootstrap's resamples
 * @param nUsed base rows used
 * @param nExcluded base rows left out (see {@link SensitivityOptions})
 * @param reliable false when too many rows were left out, fewer than two remain, or the output
 *     does not vary
 * @param warning why the result is unreliable, or a note on excluded rows; empty if none
 */
public record SobolResult(String metric, List<SobolIndex> first, List<SobolIndex> total, List<SobolIndex> second,
                          double mean, double variance, double confidenceLevel, int resamples, int nUsed,
                          int nExcluded, boolean reliable, String warning) {

    /** Copies the lists. */
    public SobolResult {
        first = List.copyOf(first);
        total = List.copyOf(total);
        second = List.copyOf(second);
    }

    /** @param group a group index @return its first-order index */
    public SobolIndex first(int group) {
        return first.get(group);
    }

    /** @param group a group index @return its total index */
    public SobolIndex total(int group) {
        return total.get(group);
    }

    /**
     * @param i a group index
     * @param j another
     * @return their second-order index
     * @throws IllegalArgumentException if {@code i == j} or second order was not computed
     */
    public SobolIndex second(int i, int j) {
        if (i == j || second.isEmpty()) {
            throw new IllegalArgumentException(second.isEmpty() ? "no second-order indices: build the design with"
                    + " second order" : "a second-order index needs two different groups: " + i);
        }
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        int g = first.size();
        // Pairs (lo, hi) in lexicographic order: rows before lo contribute (g - 1) + ... + (g - lo).
        int k = lo * (2 * g - lo - 1) / 2 + (hi - lo - 1);
        return second.get(k);
    }

    /** @return the share of base rows left out */
    public double excludedFraction() {
        int all = nUsed + nExcluded;
        return all == 0 ? 0 : nExcluded / (double) all;
    }

    /** @return every index as a row: first order, then total, then second order */
    public List<SobolIndex> rows() {
        List<SobolIndex> out = new ArrayList<>(first.size() * 2 + second.size());
        out.addAll(first);
        out.addAll(total);
        out.addAll(second);
        return out;
    }
}
