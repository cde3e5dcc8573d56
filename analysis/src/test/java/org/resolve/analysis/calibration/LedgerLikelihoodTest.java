package org.resolve.analysis.calibration;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolve.core.engine.RunResult;
import org.resolve.core.observation.Observation;
import org.resolve.core.observation.ObservationException;
import org.resolve.core.observation.ObservationLedger;

/** The shared ledger against a synthetic run: what is compared, what is ignored and why. */
class LedgerLikelihoodTest {
    /** A copy of the shared evidence file observations-to-2025-01-13.csv. */
    static final Path SHARED = Path.of("src/test/resources/observations/observations-to-2025-01-13.csv");

    @Test
    void theSharedLedgerIsComparedWhereTheRunHasValuesAndIgnoresParameterEvidenceVisibly() throws ObservationException {
        ObservationLedger ledger = ObservationLedger.read(SHARED);
        RunResult run = SyntheticRuns.run(100); // 2024-10-01 to 2025-01-08
        MeasurementModel m = MeasurementModel.of(MeasurementPriors.DEFAULT);
        LedgerLikelihood r = LedgerLikelihood.evaluate(ledger, run, SyntheticRuns.START, m);
        List<String> outside = r.outsideRun().stream().map(Observation::id).toList();
        double sum = 0;
        for (LedgerLikelihood.Term t : r.terms()) {
            sum += t.logLikelihood();
            assertEquals(ModelValue.of(t.observation(), run, SyntheticRuns.START), t.modelValue());
            assertEquals(m.logLikelihood(t.observation(), t.modelValue()), t.logLikelihood());
        }
        double total = sum;
        assertAll(
                () -> assertEquals(14, r.parameterEvidence().size()),
                () -> assertEquals(List.of("B11", "B12a", "B12b", "C2"), outside, "dated after 2025-01-08"),
                () -> assertEquals(21, r.terms().size()),
                () -> assertEquals(total, r.logLikelihood()),
                () -> assertTrue(Double.isFinite(r.logLikelihood()), "finite: " + r.logLikelihood()),
                () -> assertEquals("A1", r.terms().get(0).observation().id(), "file order"));
    }

    @Test
    void aRunCloserToTheClaimsIsMoreLikely() throws ObservationException {
        ObservationLedger ledger = ObservationLedger.parse("t.csv", org.resolve.core.observation.Column.HEADER + "\n"
                + "K1,2024-12-01,South Korea NIS,killed,approx,300,300,cumulative,P,2024-12-02,\n"
                + "K2,2024-12-01,Ukraine HUR,killed,lower,250,,cumulative,P,2024-12-02,\n");
        MeasurementModel m = MeasurementModel.of(MeasurementPriors.DEFAULT);
        double near = LedgerLikelihood.evaluate(ledger, SyntheticRuns.constant(100, 320), SyntheticRuns.START, m).logLikelihood();
        double far = LedgerLikelihood.evaluate(ledger, SyntheticRuns.constant(100, 3000), SyntheticRuns.START, m).logLikelihood();
        assertTrue(near > far, near + " vs " + far);
    }
}
