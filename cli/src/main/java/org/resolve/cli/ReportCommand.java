package org.resolve.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.resolve.report.HtmlReport;
import org.resolve.report.ReportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resolve report RESULTS_DIR}: one self-contained HTML page of what a results folder holds. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a self-contained HTML report of a results folder (report.html in it).",
            "Headline numbers with their ranges, fan charts of the daily series, comparison, sensitivity,",
            "calibration and backtest results when the folder holds them, and the provenance of every parameter.",
            "The page works offline: styles and charts (SVG) are inline, nothing is fetched."})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "A folder written by run, compare --out, sensitivity, calibrate or backtest --out.")
    Path dir;

    @Option(names = "--to", paramLabel = "FILE", description = "Write the page here instead of RESULTS_DIR/report.html (never over a file that is not a Resolve report).")
    Path to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path file = write(dir, to);
        spec.commandLine().getOut().println("report: " + file);
        return 0;
    }

    /**
     * Writes a results folder's report; a folder that cannot be reported on is a {@link UserError}.
     *
     * @param dir the results folder
     * @param to the file to write, or null for DIR/report.html
     * @return the file written
     * @throws UserError if the folder holds no results or the report cannot be written there
     */
    static Path write(Path dir, Path to) {
        Path target = to != null ? to : dir.resolve(HtmlReport.FILE);
        try {
            return to == null ? HtmlReport.write(dir) : HtmlReport.write(dir, to);
        } catch (ReportException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UserError("cannot write " + target + ": " + why);
        }
    }
}
