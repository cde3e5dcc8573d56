package org.resolve.core.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.RunResult;
import org.resolve.core.model.Param;

/**
 * Rotation ({@link Rotation}): at the end of the tour the soldiers in the sector go home, the
 * wounded follow as they leave care, and losses stop with exposure. Deterministic (aggregate mode).
 */
class RotationTest {
    @Test
    void theTourEndsTheExposure() {
        RunResult r = AttritionTest.aggregate(AttritionTest.fixture(Map.of(Param.TOUR_DAYS, 30.0)));
        // Tour end = arrival (day 0) + 30: on day 30 everyone in the sector rotates home.
        double inSector = r.value(Metric.STATUS_FRONT, 29);
        assertTrue(inSector > 5000);
        assertEquals(0.0, r.value(Metric.STATUS_FRONT, 30));
        assertTrue(r.value(Metric.ROTATED_HOME, 30) >= inSector * 0.95, "rotated " + r.value(Metric.ROTATED_HOME, 30));
        // No new casualty after the tour: casualties stop growing.
        assertEquals(r.value(Metric.CASUALTIES, 31), r.kpi(Metric.CASUALTIES), 1e-9);
        // The wounded in care come home as they recover; at the horizon the wounded still in care
        // and those home account for everyone alive.
        assertTrue(r.kpi(Metric.ROTATED_HOME) > r.value(Metric.ROTATED_HOME, 30));
        assertEquals(r.kpi(Metric.SENT), r.kpi(Metric.KILLED) + r.kpi(Metric.STATUS_WOUNDED) + r.kpi(Metric.ROTATED_HOME)
                + r.kpi(Metric.REPATRIATED_WOUNDED), 1e-6);
    }

    @Test
    void theHostsShortfallDrivesLaterWaves() {
        // kursk-2024 at its medians: with the regime asked for more of the host's shortfall, more
        // replacements are drafted (up to the cap); with the host recruiting as many as it loses,
        // only the regime's own losses are replaced.
        org.resolve.core.scenario.Scenario sc = org.resolve.core.engine.TestScenarios.bundled("kursk-2024")
                .with(Map.of(Param.REPLACEMENT_CAP, 20_000.0), 0);
        double asked = AttritionTest.kpi(sc.with(Map.of(Param.HOST_REQUEST_SHARE, 0.05), 0), Metric.REPLACEMENTS);
        double notAsked = AttritionTest.kpi(sc.with(Map.of(Param.HOST_REQUEST_SHARE, 0.0), 0), Metric.REPLACEMENTS);
        double balanced = AttritionTest.kpi(sc.with(Map.of(Param.HOST_REQUEST_SHARE, 0.05,
                Param.HOST_RECRUITS_PER_MONTH, 60_000.0), 0), Metric.REPLACEMENTS);
        assertTrue(asked > notAsked + 3000, asked + " drafted when asked, " + notAsked + " when not");
        assertEquals(notAsked, balanced, 1e-9 * notAsked, "no shortfall, no request");
        assertTrue(AttritionTest.kpi(sc.with(Map.of(Param.HOST_REQUEST_SHARE, 0.05), 0), Metric.SENT)
                > AttritionTest.kpi(sc.with(Map.of(Param.HOST_REQUEST_SHARE, 0.0), 0), Metric.SENT) + 3000);
    }
}
