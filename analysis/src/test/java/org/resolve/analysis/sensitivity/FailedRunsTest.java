package org.resolve.analysis.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolve.analysis.design.FactorGroups;
import org.resolve.analysis.design.MorrisDesign;
import org.resolve.analysis.design.SaltelliDesign;
import org.resolve.analysis.design.SaltelliDesign.Block;
import org.resolve.analysis.design.Sampling;

/** The policy for failed (NaN or infinite) outputs; see {@link SensitivityOptions}. */
class FailedRunsTest {
    static final int N = 256;

    private static SaltelliDesign design(boolean secondOrder) {
        return SaltelliDesign.create(FactorGroups.singletons(3), N, secondOrder, Sampling.SOBOL, 5);
    }

    @Test
    void aBaseRowWithAFailureIsLeftOutAndCounted() {
        SaltelliDesign d = design(true);
        double[] y = TestFunctions.evaluate(d, TestFunctions::ishigami);
        y[d.row(3, Block.A, -1)] = Double.NaN;
        y[d.row(7, Block.AB, 2)] = Double.NaN;
        y[d.row(7, Block.B, -1)] = Double.POSITIVE_INFINITY;
        y[d.row(200, Block.BA, 0)] = Double.NEGATIVE_INFINITY;
        SensitivityOptions o = SensitivityOptions.withSeed(1).withResamples(50);
        SobolResult r = SobolAnalysis.analyse(d, "y", y, o);
        assertEquals(3, r.nExcluded(), "base rows 3, 7 and 200");
        assertEquals(N - 3, r.nUsed());
        for (SobolIndex i : r.rows()) {
            assertEquals(3, i.nExcluded(), i.toString());
            assertEquals(N - 3, i.nUsed(), i.toString());
            assertTrue(Double.isFinite(i.value()) && Double.isFinite(i.ciLow()), i.toString());
        }
        assertTrue(r.reliable(), "3 of 256 is below the 10% limit");
        assertTrue(r.warning().contains("3 of 256 base rows"), r.warning());

        // The estimates are those of the design without the three base rows.
        SobolResult rest = SobolAnalysis.analyse(without(d, List.of(3, 7, 200)), "y",
                TestFunctions.evaluate(without(d, List.of(3, 7, 200)), TestFunctions::ishigami), o);
        List<SobolIndex> a = r.rows();
        List<SobolIndex> b = rest.rows();
        for (int k = 0; k < a.size(); k++) {
            assertEquals(b.get(k).value(), a.get(k).value(), 1e-12, a.get(k).toString());
            assertEquals(b.get(k).ciLow(), a.get(k).ciLow(), 1e-12, a.get(k).toString());
        }

        // Nothing else of an excluded block is read: changing it changes nothing.
        double[] y2 = y.clone();
        for (int row = d.row(7, Block.A, -1); row < d.row(8, Block.A, -1); row++) {
            if (Double.isFinite(y2[row])) {
                y2[row] = 1e6;
            }
        }
        assertEquals(r, SobolAnalysis.analyse(d, "y", y2, o));
    }

    /** The same design without some base rows, built from its A and B rows. */
    private static SaltelliDesign without(SaltelliDesign d, List<Integer> drop) {
        List<double[]> a = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int j = 0; j < d.baseSize(); j++) {
            if (!drop.contains(j)) {
                a.add(d.point(d.row(j, Block.A, -1)));
                b.add(d.point(d.row(j, Block.B, -1)));
            }
        }
        return SaltelliDesign.fromMatrices(d.groups(), a.toArray(new double[0][]), b.toArray(new double[0][]),
                d.secondOrder());
    }

    @Test
    void tooManyFailuresMakeTheResultUnreliable() {
        SaltelliDesign d = design(false);
        double[] y = TestFunctions.evaluate(d, TestFunctions::ishigami);
        // 26 of 256 = 10.2% > 10%.
        for (int j = 0; j < 26; j++) {
            y[d.row(j * 9, Block.AB, j % 3)] = Double.NaN;
        }
        SobolResult r = SobolAnalysis.analyse(d, "y", y, SensitivityOptions.withSeed(1).withResamples(10));
        assertEquals(26, r.nExcluded());
        assertFalse(r.reliable());
        assertTrue(r.warning().contains("above the 10.0% limit"), r.warning());
        assertTrue(Double.isFinite(r.first(0).value()), "still estimated, but flagged");
        // At a looser limit the same result is reliable.
        assertTrue(SobolAnalysis.analyse(d, "y", y,
                SensitivityOptions.withSeed(1).withResamples(10).withMaxExcludedFraction(0.2)).reliable());
    }

    @Test
    void allFailedOrConstantGivesNaNAndUnreliable() {
        SaltelliDesign d = design(false);
        double[] nan = new double[d.size()];
        java.util.Arrays.fill(nan, Double.NaN);
        SobolResult r = SobolAnalysis.analyse(d, "y", nan, SensitivityOptions.withSeed(1));
        assertEquals(0, r.nUsed());
        assertEquals(N, r.nExcluded());
        assertFalse(r.reliable());
        assertTrue(Double.isNaN(r.first(0).value()));

        double[] constant = new double[d.size()];
        java.util.Arrays.fill(constant, 3.0);
        SobolResult c = SobolAnalysis.analyse(d, "y", constant, SensitivityOptions.withSeed(1));
        assertFalse(c.reliable());
        assertTrue(c.warning().contains("does not vary"), c.warning());
        assertTrue(Double.isNaN(c.total(1).value()));
    }

    @Test
    void morrisLeavesOutTrajectoriesWithAFailure() {
        MorrisDesign d = MorrisDesign.create(FactorGroups.singletons(3), 10, 4, 8);
        double[] y = TestFunctions.evaluate(d, TestFunctions::ishigami);
        y[d.row(4, 2)] = Double.NaN;
        MorrisResult r = MorrisAnalysis.analyse(d, "y", y, SensitivityOptions.withSeed(2));
        assertEquals(1, r.nExcluded());
        assertEquals(9, r.nUsed());
        assertTrue(r.reliable(), "1 of 10 trajectories is at the 10% limit, not above it");
        // mu* by hand over the other nine trajectories.
        for (int i = 0; i < 3; i++) {
            double sum = 0;
            for (int t = 0; t < 10; t++) {
                if (t == 4) {
                    continue;
                }
                for (int s = 1; s <= 3; s++) {
                    if (d.movedGroup(t, s) == i) {
                        sum += Math.abs(y[d.row(t, s)] - y[d.row(t, s - 1)]) / d.delta();
                    }
                }
            }
            assertEquals(sum / 9, r.effect(i).muStar(), 1e-12);
            assertEquals(1, r.effect(i).nExcluded());
        }
    }

    @Test
    void severalOutputsAreAnalysedInNameOrder() {
        SaltelliDesign d = design(false);
        Map<String, double[]> outputs = new LinkedHashMap<>();
        outputs.put("z", TestFunctions.evaluate(d, u -> u[0]));
        outputs.put("a", TestFunctions.evaluate(d, u -> u[1]));
        List<SobolResult> rs = SobolAnalysis.analyse(d, outputs, SensitivityOptions.withSeed(1).withResamples(10));
        assertEquals("a", rs.get(0).metric());
        assertEquals("z", rs.get(1).metric());
        assertEquals(1, rs.get(0).first(1).value(), 0.02);
        assertThrows(IllegalArgumentException.class,
                () -> SobolAnalysis.analyse(d, "short", new double[3], SensitivityOptions.withSeed(1)));
    }

    @Test
    void optionsRejectBadValues() {
        SensitivityOptions o = SensitivityOptions.withSeed(1);
        assertEquals(0.95, o.confidenceLevel());
        assertEquals(1000, o.resamples());
        assertEquals(0.10, o.maxExcludedFraction());
        for (double bad : new double[] {0, 1, -0.5, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> o.withConfidenceLevel(bad), "level " + bad);
        }
        for (double bad : new double[] {-0.1, 1.1, Double.NaN, Double.NEGATIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> o.withMaxExcludedFraction(bad), "fraction " + bad);
        }
        assertThrows(IllegalArgumentException.class, () -> o.withResamples(-1));
    }
}
