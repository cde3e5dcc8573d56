package org.resolve.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.resolve.analysis.LocalExecutor;
import org.resolve.analysis.RunExecutor;
import org.resolve.core.engine.Engine;
import org.resolve.store.ResultsStore;
import org.resolve.store.Sweep;
import org.resolve.store.SweepRunner;
import org.resolve.store.SweepSummary;

/**
 * The part every sweeping command shares: check the output folder (refuse one holding results,
 * unless resuming the same sweep), run the missing runs into the results store with a progress
 * bar, report an interruption, and let the command read what it needs while the store is open.
 */
final class StoredSweep {
    /** Reads results from the open store once the sweep is complete. */
    @FunctionalInterface
    interface Reader {
        void read(ResultsStore store, String sweepId) throws Exception;
    }

    private StoredSweep() {
    }

    /**
     * @param dir the output folder
     * @param resume whether to continue a sweep already in the folder
     * @param others other result files whose presence means the folder is in use
     * @throws UserError if the folder does not suit
     */
    static void checkFolder(Path dir, boolean resume, List<String> others) {
        Path storeFile = dir.resolve(RunCommand.STORE);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError("--out " + dir + " is a file; expected a folder");
        }
        if (resume) {
            if (!Files.exists(storeFile)) {
                throw new UserError("--resume: " + dir + " holds no results store (" + RunCommand.STORE + "); run without --resume first");
            }
            return;
        }
        for (String f : others) {
            if (Files.exists(dir.resolve(f))) {
                throw new UserError("--out " + dir + " already holds results (" + f + "); choose another folder, or --resume");
            }
        }
    }

    /**
     * Runs (or resumes) a sweep into {@code dir/results.duckdb}.
     *
     * @return the exit code: 0, or {@link Main#INTERRUPTED} after Ctrl-C
     * @throws Exception if the sweep or the reader fails
     */
    static int execute(Path dir, boolean resume, Sweep sweep, Engine engine, int threads, String task, PrintWriter err,
                       Reader reader) throws Exception {
        return execute(dir, resume, sweep, engine, new LocalExecutor(threads), task, err, reader);
    }

    /**
     * Runs (or resumes) a sweep into {@code dir/results.duckdb} with a given executor (which the
     * caller closes); this thread writes the store.
     *
     * @return the exit code: 0, or {@link Main#INTERRUPTED} after Ctrl-C
     * @throws Exception if the sweep or the reader fails
     */
    static int execute(Path dir, boolean resume, Sweep sweep, Engine engine, RunExecutor executor, String task,
                       PrintWriter err, Reader reader) throws Exception {
        Path storeFile = dir.resolve(RunCommand.STORE);
        Files.createDirectories(dir);
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        try (ResultsStore store = ResultsStore.open(storeFile)) {
            if (resume && store.sweep(sweep.id()).isEmpty()) {
                throw new UserError("--resume: " + dir + " holds a different sweep; resume with the same scenario, seed, "
                        + "design, size, days, mode and overrides as the first command");
            }
            int stored = store.storedRuns(sweep.id()).cardinality();
            int toRun = sweep.plan().size() - stored;
            if (resume) {
                err.printf(Locale.ROOT, "resuming sweep %s: %d of %d runs stored, %d to run%n", sweep.id(), stored,
                        sweep.plan().size(), toRun);
            }
            SweepSummary done;
            try (Progress progress = new Progress(task, Math.max(1, toRun), err, terminal)) {
                done = new SweepRunner(store, executor).run(sweep, engine, (n, total) -> progress.update(n));
            }
            if (done.interrupted()) {
                err.printf(Locale.ROOT, "interrupted: %d of %d runs stored in %s; continue with the same command and --resume%n",
                        done.alreadyPresent() + done.ranNow(), done.planned(), storeFile);
                return Main.INTERRUPTED;
            }
            reader.read(store, sweep.id());
        }
        return 0;
    }
}
