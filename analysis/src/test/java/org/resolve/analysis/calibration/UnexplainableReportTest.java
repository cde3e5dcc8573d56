package org.resolve.analysis.calibration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolve.core.observation.Observation;
import org.resolve.core.observation.ObservationKind;
import org.resolve.core.observation.ObservationLedger;
import org.resolve.core.observation.Quantity;
import org.resolve.core.scenario.ScenarioLoader;

/**
 * A report that no parameter set can explain (zero likelihood under every draw from the priors) is
 * named in a clear error, instead of the sampler silently returning the prior: before, every particle
 * got the same minus-infinite weight, the temperature jumped from 0 to 1 with a full effective sample
 * size, and the "posterior" was the prior, ignoring every other report.
 */
class UnexplainableReportTest {
    static ObservationLedger withExtra(Observation extra) throws Exception {
        ObservationLedger real = ObservationLedger.read(Path.of("src/test/resources/observations/observations-to-2025-01-13.csv"));
        List<Observation> all = new ArrayList<>(real.observations());
        all.add(extra);
        return new ObservationLedger("ledger.csv", all);
    }

    static ScenarioCalibration.Options quick() {
        return new ScenarioCalibration.Options(40, 5, 2, 2, 7L, 2, null);
    }

    @Test
    void aReportNoRunCanReachIsNamed() throws Exception {
        // Killed "at most 0" by mid-January: every run has deaths by then, and a claimant's noise is
        // multiplicative, so no draw gives this report a non-zero likelihood.
        Observation none = Observation.synthetic("Z1", LocalDate.of(2025, 1, 13), "Test claimant", Quantity.KILLED,
                ObservationKind.UPPER, Double.NaN, 0, 0, "ledger.csv");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioCalibration.calibrate(
                ScenarioLoader.load("kursk-2024"), withExtra(none), LocalDate.of(2025, 1, 13), quick()));
        assertTrue(e.getMessage().contains("report Z1 (Test claimant, 2025-01-13, killed upper <= 0.0)"), e.getMessage());
        assertTrue(e.getMessage().contains("zero likelihood") && e.getMessage().contains("return the prior"), e.getMessage());
    }

    @Test
    void anAbsurdPointReportIsNamedToo() throws Exception {
        Observation huge = Observation.synthetic("Z2", LocalDate.of(2025, 1, 13), "Test claimant", Quantity.KILLED,
                ObservationKind.POINT, 1e308, 1e308, 0, "ledger.csv");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioCalibration.calibrate(
                ScenarioLoader.load("kursk-2024"), withExtra(huge), LocalDate.of(2025, 1, 13), quick()));
        assertTrue(e.getMessage().contains("report Z2"), e.getMessage());
    }

    @Test
    void theSharedLedgerItselfCalibrates() throws Exception {
        ObservationLedger real = ObservationLedger.read(Path.of("src/test/resources/observations/observations-to-2025-01-13.csv"));
        ScenarioCalibration.Calibrated cal = ScenarioCalibration.calibrate(ScenarioLoader.load("kursk-2024"), real,
                LocalDate.of(2025, 1, 13), quick());
        assertTrue(cal.posterior().particles().size() == 40);
    }
}
