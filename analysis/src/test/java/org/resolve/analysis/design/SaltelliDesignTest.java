package org.resolve.analysis.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resolve.analysis.design.SaltelliDesign.Block;

class SaltelliDesignTest {
    /** Columns 0 and 3 move together, 1 alone, 2 and 4 together. */
    private static final FactorGroups GROUPS = FactorGroups.of(5, List.of(
            new FactorGroups.Group("a", List.of(0, 3)),
            new FactorGroups.Group("b", List.of(1)),
            new FactorGroups.Group("c", List.of(4, 2))));

    @ParameterizedTest
    @CsvSource({"false, 5", "true, 8"})
    void sizeIsNTimesGPlusTwoOrTwoGPlusTwo(boolean secondOrder, int perBase) {
        SaltelliDesign d = SaltelliDesign.create(GROUPS, 64, secondOrder, Sampling.SOBOL, 3);
        assertEquals(perBase, d.rowsPerBase());
        assertEquals(64 * perBase, d.size());
        assertEquals(64, d.baseSize());
        assertEquals(5, d.dimension());
    }

    @Test
    void rolesAndRowsAreInverse() {
        SaltelliDesign d = SaltelliDesign.create(GROUPS, 16, true, Sampling.MONTE_CARLO, 3);
        for (int r = 0; r < d.size(); r++) {
            SaltelliDesign.Role role = d.role(r);
            assertEquals(r, d.row(role.base(), role.block(), role.group()), "row " + r + " " + role);
        }
        assertEquals(new SaltelliDesign.Role(2, Block.BA, 1), d.role(2 * 8 + 2 + 3 + 1));
    }

    @Test
    void groupColumnsAreSwappedTogether() {
        SaltelliDesign d = SaltelliDesign.create(GROUPS, 32, true, Sampling.LATIN_HYPERCUBE, 11);
        for (int j = 0; j < 32; j++) {
            double[] a = d.point(d.row(j, Block.A, -1));
            double[] b = d.point(d.row(j, Block.B, -1));
            for (int g = 0; g < GROUPS.size(); g++) {
                double[] ab = d.point(d.row(j, Block.AB, g));
                double[] ba = d.point(d.row(j, Block.BA, g));
                for (int c = 0; c < 5; c++) {
                    boolean in = GROUPS.groupOf(c) == g;
                    assertEquals(in ? b[c] : a[c], ab[c], 0.0, "AB row " + j + " group " + g + " column " + c);
                    assertEquals(in ? a[c] : b[c], ba[c], 0.0, "BA row " + j + " group " + g + " column " + c);
                }
            }
        }
    }

    @Test
    void aAndBAreTheTwoHalvesOfTheBase() {
        PointSet base = PointSet.sobol(8, 10, 5);
        SaltelliDesign d = SaltelliDesign.create(GROUPS, 8, false, Sampling.SOBOL, 5);
        for (int j = 0; j < 8; j++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(base.coordinate(j, c), d.coordinate(d.row(j, Block.A, -1), c), 0.0);
                assertEquals(base.coordinate(j, 5 + c), d.coordinate(d.row(j, Block.B, -1), c), 0.0);
            }
        }
    }

    @Test
    void sameSeedSameDesign() {
        SaltelliDesign a = SaltelliDesign.create(GROUPS, 16, true, Sampling.SOBOL, 9);
        SaltelliDesign b = SaltelliDesign.create(GROUPS, 16, true, Sampling.SOBOL, 9);
        assertEquals(a.describe(), b.describe());
        for (int r = 0; r < a.size(); r++) {
            assertArrayEquals(a.point(r), b.point(r), 0.0);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> SaltelliDesign.create(GROUPS, 1, false, Sampling.SOBOL, 1));
        assertThrows(IllegalArgumentException.class, () -> SaltelliDesign.create(GROUPS, 0, false, Sampling.SOBOL, 1));
        SaltelliDesign noBa = SaltelliDesign.create(GROUPS, 4, false, Sampling.SOBOL, 1);
        assertThrows(IllegalArgumentException.class, () -> noBa.row(0, Block.BA, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> noBa.row(4, Block.A, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> noBa.row(0, Block.AB, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> noBa.role(noBa.size()));
        double[][] ok = {{0.1, 0.2}, {0.3, 0.4}};
        FactorGroups two = FactorGroups.singletons(2);
        assertThrows(IllegalArgumentException.class,
                () -> SaltelliDesign.fromMatrices(two, ok, new double[][] {{0.1, 0.2}}, false));
        assertThrows(IllegalArgumentException.class,
                () -> SaltelliDesign.fromMatrices(two, ok, new double[][] {{0.1, 1.0}, {0.3, 0.4}}, false));
        assertThrows(IllegalArgumentException.class,
                () -> SaltelliDesign.fromMatrices(two, ok, new double[][] {{0.1, Double.NaN}, {0.3, 0.4}}, false));
        assertThrows(IllegalArgumentException.class,
                () -> SaltelliDesign.fromMatrices(two, ok, new double[][] {{0.1}, {0.3}}, false));
    }
}
