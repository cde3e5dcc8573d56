package org.resolve.core.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.resolve.core.model.Param;
import org.resolve.core.random.Streams;
import org.resolve.core.random.Streams.Purpose;
import org.resolve.core.scenario.Scenario;

/**
 * Draws one replication's parameter values: one uniform number per catalogue parameter, in
 * catalogue order, mapped through the parameter's quantile function. A fixed parameter still
 * consumes its uniform, so two scenarios that differ in which parameters are uncertain still
 * give every parameter the same uniform (common random numbers).
 */
public final class ParameterSampler {
    private ParameterSampler() {
    }

    /**
     * @param sc the scenario
     * @param replicationSeed the replication's seed
     * @return parameter values by {@link Param#ordinal()}
     */
    public static double[] sample(Scenario sc, long replicationSeed) {
        UniformRandomProvider rng = Streams.stream(replicationSeed, Purpose.PARAMETERS);
        double[] u = new double[Param.values().length];
        for (int i = 0; i < u.length; i++) {
            u[i] = rng.nextDouble();
        }
        return fromUniforms(sc, u);
    }

    /**
     * @param sc the scenario
     * @param u one number in [0, 1) per parameter, by ordinal
     * @return parameter values by ordinal
     */
    public static double[] fromUniforms(Scenario sc, double[] u) {
        Param[] all = Param.values();
        double[] v = new double[all.length];
        for (Param p : all) {
            v[p.ordinal()] = sc.spec(p).distribution().quantile(u[p.ordinal()]);
        }
        return v;
    }

    /** @param sc the scenario @return each parameter at its median (fixed ones at their value) */
    public static double[] medians(Scenario sc) {
        double[] u = new double[Param.values().length];
        java.util.Arrays.fill(u, 0.5);
        return fromUniforms(sc, u);
    }
}
