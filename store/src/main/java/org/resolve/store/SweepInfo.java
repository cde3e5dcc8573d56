package org.resolve.store;

import java.time.LocalDateTime;

/**
 * One row of the {@code sweeps} table.
 *
 * @param sweepId the deterministic id ({@link Sweep#id()})
 * @param scenarioId the scenario's id
 * @param scenarioHash the scenario's hash
 * @param modelVersion the model version
 * @param created when the sweep was first started (UTC)
 * @param updated when its status last changed (UTC)
 * @param design the plan's design, e.g. {@code monte-carlo}
 * @param rootSeed the plan's root seed
 * @param mode {@code agent} or {@code aggregate}
 * @param engine the engine settings, e.g. {@code aggregate bins=6}
 * @param attritionLaw the scenario's attrition law
 * @param runs the planned number of runs
 * @param days the horizon in days
 * @param planDigest the SHA-256 of the plan ({@link Sweep#planDigest()})
 * @param intendedUse the scenario's intended use, recorded with its results
 * @param commandLine the command line of the first session
 * @param resumes how many times the sweep was started again after its first session
 * @param status {@code running}, {@code interrupted}, {@code aborted} or {@code complete}
 */
public record SweepInfo(String sweepId, String scenarioId, String scenarioHash, String modelVersion,
        LocalDateTime created, LocalDateTime updated, String design, long rootSeed, String mode, String engine,
        String attritionLaw, int runs, int days, String planDigest, String intendedUse, String commandLine,
        int resumes, String status) {

    /** Status while a session is writing (or after a kill -9). */
    public static final String RUNNING = "running";
    /** Status after Ctrl-C or an interrupt: resumable. */
    public static final String INTERRUPTED = "interrupted";
    /** Status after an error stopped the sweep: resumable once the cause is fixed. */
    public static final String ABORTED = "aborted";
    /** Status when every planned run is stored (failed runs included). */
    public static final String COMPLETE = "complete";
}
