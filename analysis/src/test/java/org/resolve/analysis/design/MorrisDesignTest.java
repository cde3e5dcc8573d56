package org.resolve.analysis.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MorrisDesignTest {
    private static final FactorGroups GROUPED = FactorGroups.of(6, List.of(
            new FactorGroups.Group("pair", List.of(1, 4)),
            new FactorGroups.Group("x1", List.of(0)),
            new FactorGroups.Group("triple", List.of(2, 3, 5))));

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 6, 8})
    void consecutivePointsDifferInOneFactorByDelta(int levels) {
        MorrisDesign d = MorrisDesign.create(FactorGroups.singletons(7), 30, levels, levels);
        checkTrajectories(d);
    }

    @Test
    void groupsMoveTogetherInOneDirection() {
        MorrisDesign d = MorrisDesign.create(GROUPED, 40, 4, 17);
        assertEquals(40 * 4, d.size());
        checkTrajectories(d);
    }

    private static void checkTrajectories(MorrisDesign d) {
        FactorGroups groups = d.groups();
        double delta = d.levels() / (2.0 * (d.levels() - 1));
        assertEquals(delta, d.delta(), 1e-15);
        for (int t = 0; t < d.trajectories(); t++) {
            boolean[] movedOnce = new boolean[groups.size()];
            for (int s = 1; s <= groups.size(); s++) {
                int before = d.row(t, s - 1);
                int after = d.row(t, s);
                int g = d.movedGroup(t, s);
                assertTrue(!movedOnce[g], "group " + g + " moved twice in trajectory " + t);
                movedOnce[g] = true;
                for (int c = 0; c < d.dimension(); c++) {
                    double step = d.gridValue(after, c) - d.gridValue(before, c);
                    if (groups.groupOf(c) == g) {
                        assertEquals(d.direction(t, g) * delta, step, 1e-12,
                                "trajectory " + t + " step " + s + " column " + c);
                    } else {
                        assertEquals(0.0, step, 0.0, "trajectory " + t + " step " + s + " column " + c + " moved");
                    }
                }
            }
            for (int r = d.row(t, 0); r <= d.row(t, groups.size()); r++) {
                for (int c = 0; c < d.dimension(); c++) {
                    int l = d.level(r, c);
                    assertTrue(l >= 0 && l < d.levels(), "level " + l);
                    assertEquals((l + 0.5) / d.levels(), d.coordinate(r, c), 0.0);
                    assertTrue(d.coordinate(r, c) > 0 && d.coordinate(r, c) < 1);
                }
            }
        }
    }

    @Test
    void baseOrdersAndDirectionsAreRandomised() {
        // Over 200 trajectories of 7 factors, each factor should both rise and fall, and every
        // factor should be moved first at least once: P(a given sign never occurs) = 2^-200 and
        // P(a factor never first) = (6/7)^200 < 1e-13, so neither check fails by chance.
        MorrisDesign d = MorrisDesign.create(FactorGroups.singletons(7), 200, 4, 23);
        for (int g = 0; g < 7; g++) {
            boolean up = false;
            boolean down = false;
            boolean first = false;
            for (int t = 0; t < 200; t++) {
                up |= d.direction(t, g) > 0;
                down |= d.direction(t, g) < 0;
                first |= d.movedGroup(t, 1) == g;
            }
            assertTrue(up && down && first, "factor " + g);
        }
    }

    @Test
    void sameSeedSameDesign() {
        MorrisDesign a = MorrisDesign.create(GROUPED, 10, 6, 5);
        MorrisDesign b = MorrisDesign.create(GROUPED, 10, 6, 5);
        for (int r = 0; r < a.size(); r++) {
            assertArrayEquals(a.point(r), b.point(r), 0.0);
        }
    }

    @Test
    void rejectsBadArguments() {
        FactorGroups g = FactorGroups.singletons(3);
        assertThrows(IllegalArgumentException.class, () -> MorrisDesign.create(g, 1, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> MorrisDesign.create(g, 0, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> MorrisDesign.create(g, 10, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> MorrisDesign.create(g, 10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> MorrisDesign.create(g, 10, -4, 1));
    }
}
