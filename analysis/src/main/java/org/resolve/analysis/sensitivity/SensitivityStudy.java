package org.resolve.analysis.sensitivity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.resolve.analysis.RunPlan;
import org.resolve.analysis.SeedPolicy;
import org.resolve.analysis.design.Design;
import org.resolve.analysis.design.MorrisDesign;
import org.resolve.analysis.design.ParameterSpace;
import org.resolve.analysis.design.SaltelliDesign;
import org.resolve.analysis.design.Sampling;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Scenario;

/**
 * A sensitivity study as {@code resolve sensitivity} sets it up: the factors (the scenario's
 * uncertain parameters, or named groups of them), the design (Saltelli for Sobol indices, Morris
 * trajectories for screening) and the run plan; once the plan's KPIs are known, {@link #analyse}
 * gives the indices. The command and the web UI call the same two steps.
 *
 * @param method the method
 * @param space the factors
 * @param design the design ({@link SaltelliDesign} or {@link MorrisDesign})
 * @param plan the runs of the design
 */
public record SensitivityStudy(Method method, ParameterSpace space, Design design, RunPlan plan) {
    /** The methods. */
    public enum Method { MORRIS, SOBOL }

    /** Morris trajectories when none are asked for. */
    public static final int DEFAULT_MORRIS_TRAJECTORIES = 20;
    /** Sobol base sample size when none is asked for. */
    public static final int DEFAULT_SOBOL_N = 512;

    /** @throws NullPointerException if a part is missing */
    public SensitivityStudy {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(plan, "plan");
    }

    /**
     * The results of one study: Sobol indices or Morris effects, one entry per outcome.
     *
     * @param sobol Sobol results (empty for Morris)
     * @param morris Morris results (empty for Sobol)
     */
    public record Results(List<SobolResult> sobol, List<MorrisResult> morris) {
        /** Copies the lists. */
        public Results {
            sobol = List.copyOf(sobol);
            morris = List.copyOf(morris);
        }
    }

    /**
     * Sets up a study.
     *
     * @param sc the scenario (with its horizon); it must have an uncertain parameter
     * @param method the method
     * @param size Sobol: base sample size N; Morris: trajectories
     * @param levels Morris: grid levels (even, >= 2)
     * @param secondOrder Sobol: also second-order indices
     * @param groups named groups of uncertain parameters treated as one factor each (empty: every
     *     uncertain parameter is a factor)
     * @param seed the root seed (of the design and the runs)
     * @param commonSeed whether every run uses the same seed (common random numbers)
     * @return the study
     */
    public static SensitivityStudy create(Scenario sc, Method method, int size, int levels, boolean secondOrder,
                                          Map<String, List<Param>> groups, long seed, boolean commonSeed) {
        ParameterSpace space = groups.isEmpty() ? ParameterSpace.of(sc) : ParameterSpace.grouped(sc, groups);
        Design design = method == Method.SOBOL
                ? SaltelliDesign.create(space.groups(), size, secondOrder, Sampling.SOBOL, seed)
                : MorrisDesign.create(space.groups(), size, levels, seed);
        RunPlan plan = RunPlan.fromDesign(sc, space, design, seed, commonSeed ? SeedPolicy.COMMON : SeedPolicy.PER_RUN);
        return new SensitivityStudy(method, space, design, plan);
    }

    /**
     * @param outcomes each outcome's value per run of the plan (NaN for a failed run, whose base
     *     row the estimators exclude)
     * @param options seed, confidence level and bootstrap resamples
     * @return the indices of every outcome
     */
    public Results analyse(Map<String, double[]> outcomes, SensitivityOptions options) {
        if (design instanceof SaltelliDesign sd) {
            return new Results(SobolAnalysis.analyse(sd, outcomes, options), List.of());
        }
        return new Results(List.of(), MorrisAnalysis.analyse((MorrisDesign) design, outcomes, options));
    }
}
