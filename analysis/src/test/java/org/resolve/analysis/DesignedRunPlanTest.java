package org.resolve.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resolve.analysis.design.Design;
import org.resolve.analysis.design.FactorGroups;
import org.resolve.analysis.design.MorrisDesign;
import org.resolve.analysis.design.ParameterSpace;
import org.resolve.analysis.design.PointSet;
import org.resolve.analysis.design.SaltelliDesign;
import org.resolve.analysis.design.Sampling;
import org.resolve.core.model.Param;
import org.resolve.core.random.Streams;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;

class DesignedRunPlanTest {
    private static final long ROOT = 2024;
    private static Scenario sc;
    private static ParameterSpace space;

    @BeforeAll
    static void load() throws Exception {
        sc = ScenarioLoader.load("kursk-2024");
        space = ParameterSpace.of(sc);
        assertTrue(space.dimension() >= 3, "kursk-2024 should have several uncertain parameters");
    }

    @Test
    void saltelliPlanHasNTimesGPlusTwoRowsAndIsTheSameTwice() {
        int n = 16;
        int g = space.groups().size();
        RunPlan a = RunPlan.fromDesign(sc, space, SaltelliDesign.create(space.groups(), n, false, Sampling.SOBOL, 7),
                ROOT, SeedPolicy.PER_RUN);
        RunPlan b = RunPlan.fromDesign(sc, space, SaltelliDesign.create(space.groups(), n, false, Sampling.SOBOL, 7),
                ROOT, SeedPolicy.PER_RUN);
        assertEquals(n * (g + 2), a.size());
        assertSamePlan(a, b);
        RunPlan second = RunPlan.fromDesign(sc, space,
                SaltelliDesign.create(space.groups(), n, true, Sampling.SOBOL, 7), ROOT, SeedPolicy.PER_RUN);
        assertEquals(n * (2 * g + 2), second.size());
        assertTrue(a.design().startsWith("saltelli("), a.design());
    }

    @Test
    void morrisLatinHypercubeAndSobolPlansAreTheSameTwice() {
        MorrisDesign m = MorrisDesign.create(space.groups(), 5, 4, 3);
        RunPlan a = RunPlan.fromDesign(sc, space, m, ROOT, SeedPolicy.COMMON);
        assertSamePlan(a, RunPlan.fromDesign(sc, space, MorrisDesign.create(space.groups(), 5, 4, 3), ROOT,
                SeedPolicy.COMMON));
        assertEquals(5 * (space.groups().size() + 1), a.size());
        assertSamePlan(RunPlan.latinHypercube(sc, ROOT, 50), RunPlan.latinHypercube(sc, ROOT, 50));
        assertSamePlan(RunPlan.sobol(sc, ROOT, 64), RunPlan.sobol(sc, ROOT, 64));
        assertEquals(50, RunPlan.latinHypercube(sc, ROOT, 50).size());
        assertEquals(64, RunPlan.sobol(sc, ROOT, 64).size());
        assertNotEquals(RunPlan.sobol(sc, ROOT, 4).runs().get(1).parameters()[space.parameters().get(0).ordinal()],
                RunPlan.sobol(sc, ROOT + 1, 4).runs().get(1).parameters()[space.parameters().get(0).ordinal()]);
    }

    @Test
    void valuesAreQuantilesAndFixedParametersKeepTheirValue() {
        Design d = PointSet.latinHypercube(20, space.dimension(), 5);
        RunPlan plan = RunPlan.fromDesign(sc, space, d, ROOT, SeedPolicy.PER_RUN);
        for (RunSpec run : plan.runs()) {
            for (Param p : Param.values()) {
                int c = space.parameters().indexOf(p);
                double expected = c < 0 ? sc.spec(p).distribution().quantile(0.5)
                        : sc.spec(p).distribution().quantile(d.coordinate(run.runIndex(), c));
                if (c < 0) {
                    assertTrue(sc.spec(p).distribution().fixed(), p.key());
                }
                assertEquals(expected, run.parameters()[p.ordinal()], 0.0, p.key() + " run " + run.runIndex());
            }
        }
    }

    @Test
    void seedsPerRunOrCommon() {
        Design d = PointSet.monteCarlo(10, space.dimension(), 1);
        RunPlan per = RunPlan.fromDesign(sc, space, d, ROOT, SeedPolicy.PER_RUN);
        RunPlan common = RunPlan.fromDesign(sc, space, d, ROOT, SeedPolicy.COMMON);
        for (int i = 0; i < 10; i++) {
            assertEquals(i, per.runs().get(i).runIndex());
            assertEquals(Streams.replicationSeed(ROOT, i), per.runs().get(i).seed());
            assertEquals(Streams.replicationSeed(ROOT, 0), common.runs().get(i).seed());
            assertArrayEquals(per.runs().get(i).parameters(), common.runs().get(i).parameters(), 0.0);
        }
        assertEquals(ROOT, per.rootSeed());
    }

    @Test
    void groupsOfParameters() {
        List<Param> unc = space.parameters();
        Map<String, List<Param>> groups = new LinkedHashMap<>();
        groups.put("pair", List.of(unc.get(2), unc.get(0)));
        ParameterSpace grouped = ParameterSpace.grouped(sc, groups);
        FactorGroups fg = grouped.groups();
        assertEquals(unc.size() - 1, fg.size());
        assertEquals("pair", fg.name(0));
        assertEquals(List.of(0, 2), fg.get(0).columns());
        assertEquals(unc.get(1).key(), fg.name(1));
        SaltelliDesign d = SaltelliDesign.create(fg, 8, false, Sampling.SOBOL, 1);
        assertEquals(8 * (fg.size() + 2), RunPlan.fromDesign(sc, grouped, d, ROOT, SeedPolicy.PER_RUN).size());
        // A design over other groups would mislabel the indices.
        assertThrows(IllegalArgumentException.class, () -> RunPlan.fromDesign(sc, space, d, ROOT, SeedPolicy.PER_RUN));
    }

    @Test
    void rejectsMismatches() {
        Param fixed = null;
        for (Param p : Param.values()) {
            if (sc.spec(p).distribution().fixed()) {
                fixed = p;
                break;
            }
        }
        if (fixed != null) {
            Param f = fixed;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ParameterSpace.grouped(sc, Map.of("g", List.of(f))));
            assertTrue(e.getMessage().contains("is fixed"), e.getMessage());
        }
        Param p0 = space.parameters().get(0);
        Param p1 = space.parameters().get(1);
        assertThrows(IllegalArgumentException.class, () -> ParameterSpace.grouped(sc,
                new LinkedHashMap<>(Map.of("g", List.of(p0), "h", List.of(p0, p1)))));
        assertThrows(IllegalArgumentException.class, () -> ParameterSpace.grouped(sc, Map.of("g", List.of())));
        assertThrows(IllegalArgumentException.class, () -> RunPlan.fromDesign(sc, space,
                PointSet.monteCarlo(4, space.dimension() + 1, 1), ROOT, SeedPolicy.PER_RUN));
        Scenario narrower = sc.with(Map.of(p0, sc.spec(p0).distribution().quantile(0.5)), 0);
        assertThrows(IllegalArgumentException.class, () -> RunPlan.fromDesign(narrower, space,
                PointSet.monteCarlo(4, space.dimension(), 1), ROOT, SeedPolicy.PER_RUN));
        assertThrows(IllegalArgumentException.class, () -> RunPlan.latinHypercube(sc, ROOT, 0));
    }

    private static void assertSamePlan(RunPlan a, RunPlan b) {
        assertEquals(a.size(), b.size());
        assertEquals(a.design(), b.design());
        assertEquals(a.rootSeed(), b.rootSeed());
        for (int i = 0; i < a.size(); i++) {
            RunSpec x = a.runs().get(i);
            RunSpec y = b.runs().get(i);
            assertEquals(x.runIndex(), y.runIndex());
            assertEquals(x.seed(), y.seed());
            assertArrayEquals(x.parameters(), y.parameters(), 0.0, "run " + i);
        }
    }
}
