package org.resolve.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.resolve.core.scenario.Bundled;
import org.resolve.core.scenario.DidYouMean;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioException;
import org.resolve.core.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resolve scenarios [ID]}: lists the bundled scenarios, or prints one to copy and edit. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = {"List the bundled scenarios, or print one (to copy and edit: resolve scenarios kursk-2024 > mine.yaml)."})
public final class ScenariosCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "ID", description = "A bundled scenario to print.")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws ScenarioException {
        PrintWriter out = spec.commandLine().getOut();
        if (id != null) {
            if (!Bundled.IDS.contains(id)) {
                String hint = DidYouMean.suggest(id, Bundled.IDS);
                throw new UserError("no bundled scenario '" + id + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + "; expected one of " + String.join(", ", Bundled.IDS));
            }
            out.print(Bundled.text(id));
            return 0;
        }
        for (String b : Bundled.IDS) {
            Scenario sc = ScenarioLoader.load(b);
            out.printf("%-24s %s%s%n", b, Terminal.line(sc.title()), b.equals(Bundled.DEFAULT) ? " (default)" : "");
        }
        return 0;
    }
}
