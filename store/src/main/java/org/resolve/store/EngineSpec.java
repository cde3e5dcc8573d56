package org.resolve.store;

import java.util.Objects;
import org.resolve.core.engine.AgentEngine;
import org.resolve.core.engine.AggregateEngine;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Mode;

/**
 * The engine settings that can change a sweep's results: the mode and, in aggregate mode, the
 * number of loyalty bins. Part of the sweep id; the thread count is not (results do not depend on
 * it).
 *
 * @param mode agent or aggregate
 * @param bins aggregate mode: loyalty bins per wave, >= 1; agent mode: 0
 */
public record EngineSpec(Mode mode, int bins) {

    /**
     * @throws NullPointerException if {@code mode} is null
     * @throws IllegalArgumentException if {@code bins < 1} in aggregate mode or {@code bins != 0}
     *     in agent mode
     */
    public EngineSpec {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.AGGREGATE && bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1 in aggregate mode: " + bins);
        }
        if (mode == Mode.AGENT && bins != 0) {
            throw new IllegalArgumentException("bins must be 0 in agent mode: " + bins);
        }
    }

    /** @return the agent mode */
    public static EngineSpec agent() {
        return new EngineSpec(Mode.AGENT, 0);
    }

    /** @param bins loyalty bins per wave, >= 1 @return the aggregate mode with that many bins */
    public static EngineSpec aggregate(int bins) {
        return new EngineSpec(Mode.AGGREGATE, bins);
    }

    /** @param mode a mode @return that mode with its defaults ({@link Engine#DEFAULT_BINS} bins) */
    public static EngineSpec of(Mode mode) {
        return mode == Mode.AGENT ? agent() : aggregate(Engine.DEFAULT_BINS);
    }

    /** @return a new engine with these settings */
    public Engine create() {
        return mode == Mode.AGENT ? new AgentEngine() : new AggregateEngine(bins);
    }

    /** @return the settings as recorded in the sweeps table, e.g. {@code aggregate bins=6} */
    public String describe() {
        return mode == Mode.AGENT ? mode.key() : mode.key() + " bins=" + bins;
    }
}
