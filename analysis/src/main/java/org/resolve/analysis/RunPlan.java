package org.resolve.analysis;

import java.util.ArrayList;
import java.util.List;
import org.resolve.core.engine.ParameterSampler;
import org.resolve.core.random.Streams;
import org.resolve.core.scenario.Scenario;

/**
 * The list of runs an executor carries out: (run index, seed, parameter values). The same
 * scenario, root seed and size always give the same plan, whoever executes it.
 */
public final class RunPlan {
    private final List<RunSpec> runs;
    private final long rootSeed;
    private final String design;

    private RunPlan(List<RunSpec> runs, long rootSeed, String design) {
        this.runs = List.copyOf(runs);
        this.rootSeed = rootSeed;
        this.design = design;
    }

    /**
     * A Monte Carlo plan: replication i gets seed {@link Streams#replicationSeed}(root, i) and
     * parameter values drawn from that seed's parameter stream.
     *
     * @param sc the scenario
     * @param rootSeed the root seed
     * @param replications number of runs, >= 1
     * @return the plan
     * @throws IllegalArgumentException if {@code replications < 1}
     */
    public static RunPlan monteCarlo(Scenario sc, long rootSeed, int replications) {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1: " + replications);
        }
        List<RunSpec> runs = new ArrayList<>(replications);
        for (int i = 0; i < replications; i++) {
            long seed = Streams.replicationSeed(rootSeed, i);
            runs.add(new RunSpec(i, seed, ParameterSampler.sample(sc, seed)));
        }
        return new RunPlan(runs, rootSeed, "monte-carlo");
    }

    /**
     * The runs still to do when some are stored already (to resume a sweep).
     *
     * @param done run indexes already stored
     * @return a plan with the other runs, their indexes, seeds and values unchanged
     */
    public RunPlan remaining(java.util.BitSet done) {
        List<RunSpec> rest = new ArrayList<>();
        for (RunSpec r : runs) {
            if (!done.get(r.runIndex())) {
                rest.add(r);
            }
        }
        return new RunPlan(rest, rootSeed, design);
    }

    /** @return the runs, in index order */
    public List<RunSpec> runs() {
        return runs;
    }

    /** @return the number of runs */
    public int size() {
        return runs.size();
    }

    /** @return the root seed */
    public long rootSeed() {
        return rootSeed;
    }

    /** @return the design's name */
    public String design() {
        return design;
    }

    // Designed plans. Design row i is run i, so an analysis reads run i's outputs as the response at
    // the design's row i and uses the design object for the rest of its bookkeeping.

    /**
     * A plan over a design: run i takes design row i, each column's parameter at the quantile given
     * by the row's coordinate, fixed parameters at their value, and the seed the policy gives it.
     *
     * @param sc the scenario
     * @param space the design's columns, built from this scenario
     * @param design the design; its dimension is the space's (and, for Saltelli and Morris designs,
     *     its groups are the space's)
     * @param rootSeed the root seed of the runs' seeds (the design has its own)
     * @param seeds per-run seeds or one common seed
     * @return the plan, one run per design row, named by {@link org.resolve.analysis.design.Design#describe()}
     * @throws IllegalArgumentException if the space does not match the scenario or the design
     */
    public static RunPlan fromDesign(Scenario sc, org.resolve.analysis.design.ParameterSpace space,
                                     org.resolve.analysis.design.Design design, long rootSeed, SeedPolicy seeds) {
        space.checkMatches(sc);
        if (design.dimension() != space.dimension()) {
            throw new IllegalArgumentException("design has " + design.dimension() + " columns but scenario " + sc.id()
                    + " has " + space.dimension() + " uncertain parameters");
        }
        org.resolve.analysis.design.FactorGroups groups = null;
        if (design instanceof org.resolve.analysis.design.SaltelliDesign s) {
            groups = s.groups();
        } else if (design instanceof org.resolve.analysis.design.MorrisDesign m) {
            groups = m.groups();
        }
        if (groups != null && !groups.equals(space.groups())) {
            throw new IllegalArgumentException("the design's groups are not the parameter space's; build the design"
                    + " from space.groups()");
        }
        List<RunSpec> runs = new ArrayList<>(design.size());
        for (int i = 0; i < design.size(); i++) {
            runs.add(new RunSpec(i, seeds.seed(rootSeed, i), space.values(sc, design.point(i))));
        }
        return new RunPlan(runs, rootSeed, design.describe());
    }

    /**
     * A Latin-hypercube plan over the scenario's uncertain parameters, per-run seeds; the design's
     * seed is the root seed.
     *
     * @param sc the scenario, with at least one uncertain parameter
     * @param rootSeed the root seed
     * @param runs number of runs, >= 1
     * @return the plan
     * @throws IllegalArgumentException if {@code runs < 1} or no parameter is uncertain
     */
    public static RunPlan latinHypercube(Scenario sc, long rootSeed, int runs) {
        org.resolve.analysis.design.ParameterSpace space = org.resolve.analysis.design.ParameterSpace.of(sc);
        return fromDesign(sc, space, org.resolve.analysis.design.PointSet.latinHypercube(runs, space.dimension(),
                rootSeed), rootSeed, SeedPolicy.PER_RUN);
    }

    /**
     * A scrambled-Sobol' plan over the scenario's uncertain parameters, per-run seeds; the
     * scrambling's seed is the root seed.
     *
     * @param sc the scenario, with at least one uncertain parameter
     * @param rootSeed the root seed
     * @param runs number of runs, >= 1 (a power of two keeps the points balanced)
     * @return the plan
     * @throws IllegalArgumentException if {@code runs < 1} or no parameter is uncertain
     */
    public static RunPlan sobol(Scenario sc, long rootSeed, int runs) {
        org.resolve.analysis.design.ParameterSpace space = org.resolve.analysis.design.ParameterSpace.of(sc);
        return fromDesign(sc, space, org.resolve.analysis.design.PointSet.sobol(runs, space.dimension(), rootSeed),
                rootSeed, SeedPolicy.PER_RUN);
    }
}
