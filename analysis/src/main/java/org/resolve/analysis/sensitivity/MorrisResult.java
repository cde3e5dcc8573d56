package org.resolve.analysis.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Morris screening of one output.
 *
 * @param metric the output's name
 * @param effects one per group, in the design's order
 * @param delta the step Δ on the grid
 * @param confidenceLevel the μ* intervals' level
 * @param resamples the bootstrap's resamples
 * @param nUsed trajectories used
 * @param nExcluded trajectories left out (see {@link SensitivityOptions})
 * @param reliable false when too many trajectories were left out or fewer than two remain
 * @param warning why the result is unreliable, or a note on excluded trajectories; empty if none
 */
public record MorrisResult(String metric, List<MorrisEffect> effects, double delta, double confidenceLevel,
                           int resamples, int nUsed, int nExcluded, boolean reliable, String warning) {

    /** Copies the list. */
    public MorrisResult {
        effects = List.copyOf(effects);
    }

    /** @param group a group index @return its effect */
    public MorrisEffect effect(int group) {
        return effects.get(group);
    }

    /** @return the effects by decreasing μ*, ties in the design's order */
    public List<MorrisEffect> ranking() {
        List<MorrisEffect> out = new ArrayList<>(effects);
        out.sort(Comparator.comparingDouble(MorrisEffect::muStar).reversed());
        return out;
    }
}
