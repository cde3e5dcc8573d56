package org.resolve.cli;

import java.util.concurrent.Callable;
import org.resolve.core.scenario.ScenarioSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resolve schema}: prints the scenario files' JSON Schema (for editors). */
@Command(name = "schema", mixinStandardHelpOptions = true, description = "Print the JSON Schema of scenario files.")
public final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ScenarioSchema.shipped());
        return 0;
    }
}
