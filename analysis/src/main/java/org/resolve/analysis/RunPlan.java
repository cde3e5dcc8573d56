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
}
