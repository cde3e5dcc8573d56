package org.resolve.cli;

import java.io.PrintWriter;
import org.resolve.core.ModelVersion;
import org.resolve.core.scenario.Problem;
import org.resolve.core.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code resolve} command. */
@Command(name = "resolve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Resolve: an evidence-grounded simulator of a foreign troop deployment.",
            "A tool for exploring scenarios with their uncertainty; not a prediction, not an operational tool."},
        subcommands = {RunCommand.class, CompareCommand.class, SensitivityCommand.class, DiscoverCommand.class, CalibrateCommand.class, BacktestCommand.class, ReportCommand.class, ExportCommand.class, ServeCommand.class, BenchCommand.class, ValidateCommand.class, ScenariosCommand.class, ObservationsCommand.class, SchemaCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /**
     * Exit code for invalid input (a scenario with problems, an output folder in use) and for an
     * environment that cannot take the output (a folder that cannot be written, a full disk).
     */
    public static final int INVALID_INPUT = 1;
    /** Exit code when the user interrupts a sweep (Ctrl-C); the store stays resumable. */
    public static final int INTERRUPTED = 130;
    /** Exit code for an internal error (a bug: please report it). */
    public static final int INTERNAL_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** @param args command-line arguments */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line and returns the exit code (tests call this in-process). Everything
     * printed goes through {@link Terminal}: a control character in a user's text (a scenario
     * title, a file name, an option's value) is printed as a visible escape, never obeyed by the
     * terminal; and picocli's help is printed without colours, whose escape sequences the filter
     * could not tell from a hostile title's.
     *
     * @param args arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0 ok, 1 invalid input, 2 usage error, 3 internal error
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        PrintWriter safeOut = Terminal.writer(out);
        PrintWriter safeErr = Terminal.writer(err);
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(safeOut);
        cl.setErr(safeErr);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter e = c.getErr();
            e.println(Terminal.line(ex.getMessage()));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, e)) {
                c.usage(e);
            }
            return c.getCommandSpec().exitCodeOnInvalidInput();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof ScenarioException se) {
                for (Problem p : se.problems()) {
                    e.println(Terminal.line(p.toString()));
                }
                e.println(se.problems().size() + " problem(s) found.");
                return INVALID_INPUT;
            }
            if (ex instanceof org.resolve.core.observation.ObservationException oe) {
                for (Problem p : oe.problems()) {
                    e.println(Terminal.line(p.toString()));
                }
                e.println(oe.problems().size() + " problem(s) found.");
                return INVALID_INPUT;
            }
            if (ex instanceof org.resolve.store.StoreException st) {
                e.println("error: " + Terminal.line(st.getMessage()));
                return INVALID_INPUT;
            }
            if (ex instanceof UserError ue) {
                e.println("error: " + Terminal.line(ue.getMessage()));
                return INVALID_INPUT;
            }
            if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
                // The environment's failure (a folder that cannot be created, a full disk), not a bug:
                // the path and the system's reason, as the commands' own output folders report it.
                e.println("error: " + Terminal.line(OutputFolder.describe(ex)));
                return INVALID_INPUT;
            }
            e.println("internal error (please report it with the command line): " + Terminal.line(String.valueOf(ex)));
            ex.printStackTrace(e);
            return INTERNAL_ERROR;
        });
        int code = cl.execute(args);
        safeOut.flush();
        safeErr.flush();
        return code;
    }

    /**
     * @param spec a command's spec, after parsing
     * @return the command line as the user typed it, for provenance
     */
    static String commandLine(CommandLine.Model.CommandSpec spec) {
        java.util.List<String> parts = new java.util.ArrayList<>(java.util.List.of("resolve"));
        parts.addAll(spec.commandLine().getParseResult().originalArgs());
        return String.join(" ", parts);
    }

    /** Supplies the version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"resolve " + ModelVersion.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
