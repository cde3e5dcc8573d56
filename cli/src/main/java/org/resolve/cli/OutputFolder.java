package org.resolve.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.resolve.report.HtmlReport;
import org.resolve.store.AtomicFiles;
import org.resolve.store.Ensemble;
import org.resolve.store.SensitivityFiles;
import org.resolve.store.StoreException;

/**
 * A command's output folder as it was before the command, so that a failure of the environment
 * (a folder that cannot be created or written, a read-only file system, a full disk) leaves it that
 * way: the files the command had written there are removed, with any temporary file (a
 * {@code .NAME.*.partial} of {@link AtomicFiles}, the results store's write-ahead log) and the
 * folders it had created, and the failure becomes one line naming the path and the system's reason
 * (exit code 1), not an internal error with a stack trace.
 *
 * <p>Only what the command created goes: files present before it (a results store being resumed,
 * a user's notes) stay as they were; and only files a command writes are touched, so nothing a
 * user adds to the folder meanwhile is removed. An interrupted sweep (Ctrl-C) is not a failure:
 * its store stays, resumable.
 */
final class OutputFolder {
    /** Every file a command writes into an output folder. */
    static final List<String> OUTPUTS = List.of(Ensemble.STORE, Ensemble.STORE + ".wal", "sweep.csv", "runs.csv", "series.csv",
            "kpis.csv", "meta.json", HtmlReport.FILE, "discover.csv", SensitivityFiles.CSV, "posterior.csv", "fit.csv",
            "calibrated.yaml", "compare.csv", "backtest.csv");

    private final Path dir;
    /** The outermost folder of {@code dir}'s path that did not exist, or null when {@code dir} did. */
    private final Path firstMissing;
    /** The names in {@code dir} before the command, or null when they could not be listed. */
    private final Set<String> before;

    private OutputFolder(Path dir, Path firstMissing, Set<String> before) {
        this.dir = dir;
        this.firstMissing = firstMissing;
        this.before = before;
    }

    /**
     * @param dir the folder a command is about to write into
     * @return its state now
     */
    static OutputFolder before(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path missing = null;
        for (Path p = abs; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing = p;
        }
        Set<String> names = new HashSet<>();
        if (missing == null) {
            try (Stream<Path> s = Files.list(abs)) {
                for (Path p : s.toList()) {
                    names.add(p.getFileName().toString());
                }
            } catch (IOException | UncheckedIOException e) {
                return new OutputFolder(abs, null, null); // not listable (or not a folder): remove nothing on failure
            }
        }
        return new OutputFolder(abs, missing, names);
    }

    /**
     * @param e what a command threw
     * @return whether it is a failure of the environment (a file operation or the results store)
     *     rather than a mistake of the user's or a bug
     */
    static boolean environmental(Throwable e) {
        return e instanceof IOException || e instanceof UncheckedIOException || e instanceof StoreException;
    }

    /**
     * Handles what a command threw while writing this folder: a failure of the environment removes
     * what the command wrote and becomes a {@link UserError}; anything else is returned unchanged.
     *
     * @param e what the command threw
     * @return the exception to throw
     */
    Exception failed(Exception e) {
        if (!environmental(e)) {
            return e;
        }
        boolean kept = before != null && before.contains(Ensemble.STORE);
        String removed = removeWhatWasWritten();
        String what = e instanceof IOException io && !(io instanceof FileSystemException fs && fs.getFile() != null)
                ? "cannot write to " + dir + ": " + AtomicFiles.reason(io) : describe(e);
        return new UserError(what + removed + (kept ? "; the results store that was there is kept" : ""));
    }

    /** @return a clause saying what was removed, or that nothing could be */
    private String removeWhatWasWritten() {
        if (before == null) {
            return "";
        }
        boolean any = false;
        boolean all = true;
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    if (!before.contains(name) && written(name)) {
                        any = true;
                        all &= delete(p);
                    }
                }
            } catch (IOException e) {
                all = false;
            }
        }
        if (firstMissing != null) {
            // The folders this command created, innermost first, while they are empty.
            for (Path p = dir; p != null && p.startsWith(firstMissing); p = p.getParent()) {
                try {
                    if (!Files.deleteIfExists(p)) {
                        continue;
                    }
                    any = true;
                } catch (IOException e) {
                    break; // not empty (a user's file), or not removable: leave it and its parents
                }
            }
        }
        if (!any) {
            return "";
        }
        return all ? "; removed what this command had written to " + dir
                : "; could not remove all this command had written to " + dir;
    }

    /** @return whether a command writes a file of this name (an output, a temporary file, DuckDB's log or spill folder) */
    static boolean written(String name) {
        return OUTPUTS.contains(name) || (name.startsWith(".") && name.endsWith(".partial"))
                || name.equals(Ensemble.STORE + ".tmp");
    }

    private static boolean delete(Path p) {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * @param e a failure of the environment
     * @return one line naming the path and the system's reason
     */
    static String describe(Throwable e) {
        if (e instanceof UncheckedIOException u) {
            return describe(u.getCause());
        }
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return "cannot write " + fs.getFile() + ": " + AtomicFiles.reason(fs);
        }
        if (e instanceof IOException io) {
            return "cannot write: " + AtomicFiles.reason(io);
        }
        return String.valueOf(e.getMessage());
    }
}
