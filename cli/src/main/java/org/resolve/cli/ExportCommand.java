package org.resolve.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resolve.store.ExportFolder;
import org.resolve.store.ResultsStore;
import org.resolve.store.StoreException;
import org.resolve.store.SweepInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code resolve export RESULTS}: a stored sweep's tables as Parquet or CSV, in a folder of their
 * own that appears complete (with a manifest of sizes and SHA-256) or not at all, and that
 * replaces only an earlier export (see {@link ExportFolder}).
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a stored sweep's tables (sweep, runs, series, kpis) as Parquet or CSV.",
            "RESULTS is an output folder holding results.duckdb, or the .duckdb file itself.",
            "The export folder appears complete, with a manifest.json of sizes and SHA-256, or not at all;",
            "it replaces only an earlier export, never a folder holding other files."})
public final class ExportCommand implements Callable<Integer> {
    /** Output formats. */
    public enum Format { PARQUET, CSV }

    @Parameters(index = "0", paramLabel = "RESULTS", description = "An output folder or a results store file.")
    Path results;

    @Option(names = "--format", defaultValue = "parquet", paramLabel = "parquet|csv", description = "Format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--sweep", paramLabel = "ID", description = "The sweep to export (default: the store's only sweep, or the latest).")
    String sweepId;

    @Option(names = "--to", paramLabel = "DIR", description = "The export folder: absent, empty or an earlier export (default: RESULTS/export-<format>).")
    Path to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path file = Files.isDirectory(results) ? results.resolve(RunCommand.STORE) : results;
        if (!Files.exists(file)) {
            throw new UserError(results + ": no results store (" + RunCommand.STORE + ") there; expected the --out folder of a run");
        }
        Path dir = to != null ? to : (Files.isDirectory(results) ? results : file.toAbsolutePath().getParent())
                .resolve("export-" + format.name().toLowerCase(java.util.Locale.ROOT));
        // Checked before the store is opened (and again by the export itself): a folder that is not
        // an earlier export is never overwritten.
        try {
            ResultsStore.checkExportFolder(dir, format.name().toLowerCase(java.util.Locale.ROOT));
        } catch (StoreException e) {
            throw new UserError((to != null ? "--to " + to : "RESULTS " + results + " (its default export folder)") + ": "
                    + e.getMessage());
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            List<SweepInfo> sweeps = store.sweeps();
            if (sweeps.isEmpty()) {
                throw new UserError(file + " holds no sweep");
            }
            SweepInfo chosen;
            if (sweepId != null) {
                chosen = sweeps.stream().filter(s -> s.sweepId().equals(sweepId)).findFirst().orElseThrow(() -> new UserError(
                        "--sweep " + sweepId + ": not in " + file + "; it holds " + String.join(", ",
                                sweeps.stream().map(SweepInfo::sweepId).toList())));
            } else {
                chosen = sweeps.stream().max(java.util.Comparator.comparing(SweepInfo::created)).orElseThrow();
            }
            Map<Path, Long> written = format == Format.PARQUET ? store.exportParquet(dir, chosen.sweepId())
                    : store.exportCsv(dir, chosen.sweepId());
            out.printf("sweep %s (%s, %s, %d runs, %s):%n", chosen.sweepId(), chosen.scenarioId(), chosen.design(), chosen.runs(),
                    chosen.status());
            for (Map.Entry<Path, Long> e : written.entrySet()) {
                out.printf("  %s  %,d rows%n", e.getKey(), e.getValue());
            }
            out.printf("  %s  sizes and SHA-256 of those files, written last%n", dir.toAbsolutePath().normalize().resolve(ExportFolder.MANIFEST));
        }
        return 0;
    }
}
