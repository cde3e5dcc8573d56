package org.resolve.core.observation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target (Jazzer) for the observation ledger reader ({@link ObservationLedger#parse} over
 * {@link Csv}): any text either gives a ledger or is refused with the documented user error, an
 * {@link ObservationException} with at least one located problem. Anything else thrown fails the
 * target. A ledger that is read holds what its Javadoc promises: numbers that are empty (NaN) or
 * finite and not negative, and bounds that suit each row's kind.
 *
 * <p>In {@code ./mvnw verify} it runs in regression mode over the seed corpus in
 * {@code src/test/resources/org/resolve/core/observation/ObservationLedgerFuzzTestInputs/parse/}
 * (valid ledgers and the hostile rows of issue 13); {@code -Pfuzz} fuzzes it
 * (docs/VALIDATION.md, "Fuzzing").
 */
class ObservationLedgerFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ObservationLedger ledger;
        try {
            ledger = ObservationLedger.parse("fuzz.csv", text);
        } catch (ObservationException e) {
            if (e.problems().isEmpty() || e.problems().stream().anyMatch(p -> p.location() == null)) {
                throw new AssertionError("an ObservationException without located problems: " + e.problems());
            }
            return;
        }
        for (Observation o : ledger.observations()) {
            for (double v : new double[] {o.low(), o.high()}) {
                if (!Double.isNaN(v) && (!Double.isFinite(v) || v < 0)) {
                    throw new AssertionError(o.id() + ": read a number " + v);
                }
            }
            if (!Double.isNaN(o.low()) && !Double.isNaN(o.high()) && o.low() > o.high()) {
                throw new AssertionError(o.id() + ": low " + o.low() + " > high " + o.high());
            }
        }
        ledger.calibrationTargets();
        ledger.parameterEvidence();
        ledger.countByKind();
        ledger.countByQuantity();
    }
}
