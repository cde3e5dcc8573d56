package org.resolve.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.resolve.core.observation.BundledLedgers;
import org.resolve.core.observation.ObservationException;
import org.resolve.core.observation.ObservationLedger;
import org.resolve.core.scenario.DidYouMean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resolve observations [ID]}: lists the bundled observation ledgers, or prints one. */
@Command(name = "observations", mixinStandardHelpOptions = true,
        description = {"List the bundled ledgers of dated reports, or print one as CSV (resolve observations kursk-2024 > obs.csv).",
            "A bundled id also works wherever --observations takes a file."})
public final class ObservationsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "ID", description = "A bundled ledger to print.")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws ObservationException {
        PrintWriter out = spec.commandLine().getOut();
        if (id != null) {
            if (!BundledLedgers.IDS.contains(id)) {
                String hint = DidYouMean.suggest(id, BundledLedgers.IDS);
                throw new UserError("no bundled ledger '" + id + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + "; expected one of " + String.join(", ", BundledLedgers.IDS));
            }
            out.print(BundledLedgers.text(id));
            return 0;
        }
        for (String b : BundledLedgers.IDS) {
            ObservationLedger l = ObservationLedger.parse(BundledLedgers.label(b), BundledLedgers.text(b));
            out.printf("%-24s %d reports, %s to %s%n", b, l.observations().size(),
                    l.observations().stream().map(o -> o.date()).min(java.time.LocalDate::compareTo).orElseThrow(),
                    l.observations().stream().map(o -> o.date()).max(java.time.LocalDate::compareTo).orElseThrow());
        }
        return 0;
    }
}
