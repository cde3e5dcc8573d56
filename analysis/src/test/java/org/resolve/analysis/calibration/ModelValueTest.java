package org.resolve.analysis.calibration;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.resolve.analysis.calibration.SyntheticRuns.START;
import static org.resolve.analysis.calibration.SyntheticRuns.f;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.RunResult;
import org.resolve.core.observation.Observation;
import org.resolve.core.observation.ObservationKind;
import org.resolve.core.observation.Quantity;

/** The quantity-to-metric mapping applied to a synthetic run. */
class ModelValueTest {
    private static final RunResult RUN = SyntheticRuns.run(60);

    private static Observation obs(Quantity q, LocalDate date, int periodDays) {
        return Observation.synthetic("T", date, "C", q, ObservationKind.POINT, 1, 1, periodDays, "test");
    }

    private static double value(Quantity q, int day) {
        return ModelValue.of(obs(q, START.plusDays(day), q.needsPeriod() ? 7 : 0), RUN, START);
    }

    @Test
    void levelsAndCumulativesAreTheDocumentedSumsOnTheDate() {
        int d = 20;
        assertAll(
                () -> assertEquals(f(Metric.CASUALTIES, d), value(Quantity.CASUALTIES_TOTAL, d)),
                () -> assertEquals(f(Metric.KILLED, d), value(Quantity.KILLED, d)),
                () -> assertEquals(f(Metric.WOUNDED, d), value(Quantity.WOUNDED, d)),
                () -> assertEquals(f(Metric.CAPTURED, d) + f(Metric.SURRENDERED, d), value(Quantity.PRISONERS, d)),
                () -> assertEquals(f(Metric.STATUS_FRONT, d) + f(Metric.STATUS_RESERVE, d) + f(Metric.STATUS_WOUNDED, d),
                        value(Quantity.TROOPS_IN_SECTOR, d)),
                () -> assertEquals(f(Metric.IN_THEATRE, d), value(Quantity.TROOPS_IN_RUSSIA, d)));
    }

    @Test
    void periodsAreTheIncreaseOverTheDaysEndingOnTheDate() {
        assertAll(
                () -> assertEquals(f(Metric.CASUALTIES, 20) - f(Metric.CASUALTIES, 13), value(Quantity.CASUALTIES_IN_PERIOD, 20)),
                () -> assertEquals(f(Metric.KILLED, 20) - f(Metric.KILLED, 13), value(Quantity.KILLED_IN_PERIOD, 20)),
                () -> assertEquals(f(Metric.KILLED, 20) - f(Metric.KILLED, 17),
                        ModelValue.of(obs(Quantity.KILLED_IN_PERIOD, START.plusDays(20), 3), RUN, START)),
                () -> assertEquals(f(Metric.KILLED, 6), value(Quantity.KILLED_IN_PERIOD, 6),
                        "a period reaching before the start counts from 0"),
                () -> assertEquals(f(Metric.KILLED, 7) - f(Metric.KILLED, 0), value(Quantity.KILLED_IN_PERIOD, 7)));
    }

    @Test
    void theRunCoversItsDaysOnly() {
        Observation before = obs(Quantity.KILLED, START.minusDays(1), 0);
        Observation first = obs(Quantity.KILLED, START, 0);
        Observation last = obs(Quantity.KILLED, START.plusDays(59), 0);
        Observation after = obs(Quantity.KILLED, START.plusDays(60), 0);
        Observation evidence = Observation.synthetic("W", START.plusDays(5), "C", Quantity.WAGE_USD_PER_MONTH,
                ObservationKind.APPROX, 2000, 2000, 0, "test");
        assertAll(
                () -> assertFalse(ModelValue.covers(before, RUN, START)),
                () -> assertTrue(ModelValue.covers(first, RUN, START)),
                () -> assertEquals(f(Metric.KILLED, 0), ModelValue.of(first, RUN, START)),
                () -> assertTrue(ModelValue.covers(last, RUN, START)),
                () -> assertFalse(ModelValue.covers(after, RUN, START)),
                () -> assertThrows(IllegalArgumentException.class, () -> ModelValue.of(after, RUN, START)),
                () -> assertThrows(IllegalArgumentException.class, () -> ModelValue.of(before, RUN, START)),
                () -> assertFalse(ModelValue.covers(evidence, RUN, START)),
                () -> assertThrows(IllegalArgumentException.class, () -> ModelValue.of(evidence, RUN, START)));
    }

    @Test
    void aFailedRunCoversTheDaysBeforeItFailed() {
        RunResult failed = RunResult.failed(0, 1L, new double[0], SyntheticRuns.series(60), 30, new IllegalStateException("x"));
        assertTrue(ModelValue.covers(obs(Quantity.KILLED, START.plusDays(29), 0), failed, START));
        assertFalse(ModelValue.covers(obs(Quantity.KILLED, START.plusDays(30), 0), failed, START));
    }

    @Test
    void aPeriodQuantityNeedsAPeriod() {
        assertThrows(IllegalArgumentException.class, () -> ModelValue.of(Quantity.KILLED_IN_PERIOD, RUN, 10, 0));
        assertEquals(f(Metric.KILLED, 10), ModelValue.of(Quantity.KILLED, RUN, 10, 0));
    }
}
