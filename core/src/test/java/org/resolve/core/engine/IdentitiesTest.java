package org.resolve.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;

/** Identities between metrics that the families, beliefs and casualty processes imply, both modes. */
class IdentitiesTest {

    private static Engine engine(Mode mode) {
        return mode == Mode.AGENT ? new AgentEngine() : new AggregateEngine(Engine.DEFAULT_BINS);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void familiesFollowTheirSoldiers(Mode mode) throws Exception {
        Scenario sc = ScenarioLoader.load("rotation-100k").with(Map.of(), 200);
        RunResult r = engine(mode).run(sc, ParameterSampler.medians(sc), 5, 0);
        for (int t = 0; t < r.days(); t++) {
            assertEquals(r.value(Metric.KILLED, t), r.value(Metric.FAMILIES_VALORISED, t), 1e-6 * (1 + r.value(Metric.KILLED, t)),
                    "every death valorises a family, day " + t);
            assertEquals(r.value(Metric.ROTATED_HOME, t), r.value(Metric.FAMILIES_HONOURED, t), 1e-6 * (1 + r.value(Metric.ROTATED_HOME, t)),
                    "every soldier home is honoured, day " + t);
            double taken = r.value(Metric.CAPTURED, t) + r.value(Metric.SURRENDERED, t) + r.value(Metric.DESERTED, t);
            assertTrue(r.value(Metric.FAMILIES_PUNISHED, t) <= taken + 1e-9, "punished <= captured + surrendered + deserted");
        }
        assertTrue(r.kpi(Metric.ROTATED_HOME) > 0, "rotation-100k rotates soldiers home within 200 days");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void onlyACampaignTeachesTheProcedure(Mode mode) throws Exception {
        Scenario base = ScenarioLoader.load("kursk-2024");
        Scenario camp = ScenarioLoader.load("kursk-2024-persuasion");
        RunResult b = engine(mode).run(base, ParameterSampler.medians(base), 9, 0);
        RunResult c = engine(mode).run(camp, ParameterSampler.medians(camp), 9, 0);
        int start = (int) java.time.temporal.ChronoUnit.DAYS.between(camp.start(), camp.campaign().start());
        for (int t = 0; t < b.days(); t++) {
            assertEquals(0, b.value(Metric.KNOWS_PROCEDURE, t), 0, "no campaign, nobody knows, day " + t);
            // Surrender needs doubt and, above all, a safe procedure: without a campaign it stays
            // below one soldier all year (the decision's log-odds start at -6 and loyalty lowers them).
            assertTrue(b.value(Metric.SURRENDERED, t) < 1, "no procedure, (almost) no surrender, day " + t);
            assertEquals(0, b.value(Metric.SURRENDERED_BY_CHOICE, t), 0, "no procedure, no surrender by choice, day " + t);
            assertTrue(c.value(Metric.KNOWS_PROCEDURE, t) <= c.value(Metric.IN_THEATRE, t) + 1e-9, "knowers are in theatre");
            if (t < start) {
                assertEquals(0, c.value(Metric.KNOWS_PROCEDURE, t), 0, "before the campaign starts, day " + t);
            }
        }
        assertTrue(c.value(Metric.KNOWS_PROCEDURE, start + 30) > 0.5 * c.value(Metric.STATUS_FRONT, start + 30),
                "a month into the campaign most of the front knows the procedure");
        assertTrue(c.kpi(Metric.SURRENDERED) > 0);
    }
}
