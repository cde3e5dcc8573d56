package org.resolve.cli;

import java.util.Map;
import org.resolve.core.engine.AgentEngine;
import org.resolve.core.engine.AggregateEngine;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Mode;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioException;
import org.resolve.core.scenario.ScenarioLoader;
import picocli.CommandLine.Option;

/** Options every ensemble command shares (a picocli mixin); each command adds its own mode default. */
final class SweepOptions {
    @Option(names = "--seed", defaultValue = "" + RunCommand.DEFAULT_SEED, paramLabel = "S",
            description = "Root seed, any 64-bit integer (default: ${DEFAULT-VALUE}); replication i uses streams derived from (S, i).")
    long seed;

    @Option(names = "--days", paramLabel = "D", description = "Horizon in days, 1 to 3650 (default: the scenario's).")
    Integer days;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads, 1 to " + Bounds.MAX_THREADS
            + " (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--bins", defaultValue = "" + Engine.DEFAULT_BINS, paramLabel = "K",
            description = "Aggregate mode: loyalty bins per wave, 1 to 256 (default: ${DEFAULT-VALUE}).")
    int bins;

    /** Checks the values against their stated ranges; a bad one is a one-line error. */
    void validate() {
        if (days != null) {
            Bounds.check("--days", days, 1, 3650);
        }
        Bounds.check("--bins", bins, 1, 256);
        if (threads != null) {
            Bounds.check("--threads", threads, 1, Bounds.MAX_THREADS);
        }
    }

    /**
     * @param given the folder the user gave, or null
     * @param scenarioId the scenario
     * @param kind what the folder holds (a mode, a method, "calibration", ...)
     * @return the given folder, or results/SCENARIO-KIND-TIME
     */
    static java.nio.file.Path output(java.nio.file.Path given, String scenarioId, String kind) {
        return given != null ? given : java.nio.file.Path.of("results", scenarioId + "-" + kind + "-"
                + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /** @return the worker threads (by default all cores, at most {@link Bounds#MAX_THREADS}) */
    int threads() {
        return threads == null ? Math.min(Bounds.MAX_THREADS, Runtime.getRuntime().availableProcessors()) : threads;
    }

    /** @return a fresh engine of the mode */
    Engine engine(Mode mode) {
        return mode == Mode.AGENT ? new AgentEngine() : new AggregateEngine(bins);
    }

    /** @return the scenario, with the horizon overridden when --days is given */
    Scenario load(String ref) throws ScenarioException {
        Scenario sc = ScenarioLoader.load(ref);
        return days == null ? sc : sc.with(Map.of(), days);
    }
}
