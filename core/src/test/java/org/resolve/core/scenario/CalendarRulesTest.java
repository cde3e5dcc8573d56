package org.resolve.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolve.core.model.Param;
import org.resolve.core.model.Posture;

/**
 * The operations calendar's rules: phases of uncertain length name a parameter in days, the phase
 * after one starts when it ends (so it has no date), and each mistake is located at its line.
 */
class CalendarRulesTest {
    private static String scenario(String... calendar) {
        StringBuilder sb = new StringBuilder(String.join("\n", "resolve: 1", "id: calendar-rule", "extends: kursk-2024",
                "calendar:"));
        for (String line : calendar) {
            sb.append('\n').append(line);
        }
        return sb.append('\n').toString();
    }

    private static Problem only(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromText("c.yaml", text, null));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void aChainOfUncertainLengthsLoads() throws Exception {
        Scenario sc = ScenarioLoader.fromText("c.yaml", scenario(
                "  - {from: 2024-10-08, posture: training, assumption: true, reason: test}",
                "  - {from: 2024-12-06, posture: assault, days: operation.offensive_days, assumption: true, reason: test}",
                "  - {posture: holding, days: operation.holding_days, assumption: true, reason: test}",
                "  - {posture: rear, assumption: true, reason: test}"), null);
        List<Phase> cal = sc.calendar();
        assertEquals(4, cal.size());
        assertSame(Param.OPERATION_OFFENSIVE_DAYS, cal.get(1).days());
        assertNull(cal.get(2).from());
        assertSame(Posture.REAR, cal.get(3).posture());
        assertNull(cal.get(3).days());
    }

    @Test
    void daysMustNameAParameterInDays() {
        Problem p = only(scenario(
                "  - {from: 2024-10-08, posture: assault, days: regime_share, assumption: true, reason: test}",
                "  - {posture: rear, assumption: true, reason: test}"));
        assertEquals("calendar[0].days", p.subject());
        assertEquals(5, p.location().line());
        assertTrue(p.problem().contains("'regime_share' is not a parameter in days"), p.problem());
        assertTrue(p.expected().contains("operation.offensive_days"), p.expected());
    }

    @Test
    void aDatedPhaseCannotFollowOneOfUncertainLength() {
        Problem p = only(scenario(
                "  - {from: 2024-10-08, posture: assault, days: operation.offensive_days, assumption: true, reason: test}",
                "  - {from: 2025-01-01, posture: rear, assumption: true, reason: test}"));
        assertEquals("calendar[1].from", p.subject());
        assertEquals(6, p.location().line());
        assertTrue(p.problem().contains("operation.offensive_days"), p.problem());
    }

    @Test
    void anUndatedPhaseMustFollowOneOfUncertainLength() {
        Problem p = only(scenario(
                "  - {from: 2024-10-08, posture: assault, assumption: true, reason: test}",
                "  - {posture: rear, assumption: true, reason: test}"));
        assertEquals("calendar[1].from", p.subject());
        assertEquals(6, p.location().line());
    }

    @Test
    void theLastPhaseLastsToTheHorizon() {
        Problem p = only(scenario(
                "  - {from: 2024-10-08, posture: assault, days: operation.offensive_days, assumption: true, reason: test}"));
        assertEquals("calendar[0].days", p.subject());
        assertTrue(p.problem().contains("the last phase has a length"), p.problem());
    }
}
