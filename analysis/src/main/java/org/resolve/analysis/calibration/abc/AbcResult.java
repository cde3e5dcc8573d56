package org.resolve.analysis.calibration.abc;

import java.util.List;

/**
 * What an ABC-SMC run produced: every completed generation, why it stopped, and its cost.
 *
 * @param parameters the parameters' names, in theta's order
 * @param generations the completed generations, generation 0 first; never empty
 * @param stopReason why no further generation was made
 * @param simulations simulations run in total, those of an abandoned generation included
 * @param seed the run's root seed
 */
public record AbcResult(List<String> parameters, List<Generation> generations, StopReason stopReason,
        long simulations, long seed) {
    /** Why a run stopped. */
    public enum StopReason {
        /** The generation limit was reached. */
        GENERATIONS,
        /** A generation reached the target tolerance. */
        TARGET_TOLERANCE,
        /** A generation's acceptance rate fell below the minimum (or the next was abandoned). */
        ACCEPTANCE_RATE,
        /** The next tolerance would not be smaller than the current one (distances are tied). */
        TOLERANCE_STALLED
    }

    /** Copies the lists. */
    public AbcResult {
        parameters = List.copyOf(parameters);
        generations = List.copyOf(generations);
    }

    /** @return the last completed generation: the posterior approximation */
    public Generation posterior() {
        return generations.get(generations.size() - 1);
    }
}
