package org.resolve.analysis;

/**
 * One row of a run plan: which replication, its seed and its parameter values.
 *
 * @param runIndex the run's index in the plan, >= 0
 * @param seed the replication seed its random streams derive from
 * @param parameters parameter values by {@link org.resolve.core.model.Param#ordinal()}
 */
public record RunSpec(int runIndex, long seed, double[] parameters) implements java.io.Serializable {
}
