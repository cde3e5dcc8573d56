package org.resolve.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.resolve.core.observation.ObservationException;
import org.resolve.core.observation.ObservationLedger;
import org.resolve.core.scenario.Problem;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioException;
import org.resolve.core.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resolve validate FILE...}: every problem, located; non-zero exit when any. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check scenario files (YAML) and observation ledgers (CSV) by schema and by meaning.",
            "Prints every problem as file:line:col: parameter: problem; expected ...",
            "Exit code 0 when all are valid, 1 when any has a problem."})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files or bundled scenario ids; observation ledgers (.csv).")
    List<String> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int bad = 0;
        int problems = 0;
        for (String f : files) {
            if (f.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                try {
                    ObservationLedger ledger = ObservationLedger.read(java.nio.file.Path.of(f));
                    out.println(f + ": ok (" + ledger.observations().size() + " observations, "
                            + ledger.calibrationTargets().size() + " calibration targets, "
                            + ledger.parameterEvidence().size() + " parameter evidence)");
                } catch (ObservationException e) {
                    bad++;
                    for (Problem p : e.problems()) {
                        err.println(Terminal.line(p.toString()));
                        problems++;
                    }
                }
                continue;
            }
            try {
                Scenario sc = ScenarioLoader.load(f);
                out.println(f + ": ok (" + sc.id() + ", " + sc.parameters().size() + " parameters, "
                        + sc.uncertainParameters().size() + " uncertain, " + sc.sources().size() + " sources)");
            } catch (ScenarioException e) {
                bad++;
                for (Problem p : e.problems()) {
                    err.println(Terminal.line(p.toString()));
                    problems++;
                }
            }
        }
        if (bad > 0) {
            err.println(problems + " problem(s) in " + bad + " of " + files.size() + " file(s).");
            return Main.INVALID_INPUT;
        }
        return 0;
    }
}
