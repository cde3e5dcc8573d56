package org.resolve.analysis.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FactorGroupsTest {
    @Test
    void singletons() {
        FactorGroups g = FactorGroups.singletons(3);
        assertEquals(3, g.size());
        assertEquals("x2", g.name(1));
        assertTrue(g.singletonsOnly());
        assertEquals(2, g.groupOf(2));
    }

    @Test
    void partition() {
        FactorGroups g = FactorGroups.of(3, List.of(new FactorGroups.Group("b", List.of(2, 0)),
                new FactorGroups.Group("a", List.of(1))));
        assertEquals(List.of(0, 2), g.get(0).columns());
        assertEquals(0, g.groupOf(2));
        assertEquals(1, g.groupOf(1));
    }

    @Test
    void rejectsWhatIsNotAPartition() {
        assertThrows(IllegalArgumentException.class, () -> FactorGroups.singletons(0));
        assertThrows(IllegalArgumentException.class, () -> FactorGroups.singletons(List.of("a", "a")));
        assertThrows(IllegalArgumentException.class, () -> FactorGroups.of(2, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new FactorGroups.Group(" ", List.of(0)));
        assertThrows(IllegalArgumentException.class, () -> new FactorGroups.Group("a", List.of()));
        // column 1 in no group
        assertThrows(IllegalArgumentException.class,
                () -> FactorGroups.of(2, List.of(new FactorGroups.Group("a", List.of(0)))));
        // column 0 in two groups
        assertThrows(IllegalArgumentException.class, () -> FactorGroups.of(2, List.of(
                new FactorGroups.Group("a", List.of(0)), new FactorGroups.Group("b", List.of(0, 1)))));
        // column out of range
        assertThrows(IllegalArgumentException.class,
                () -> FactorGroups.of(1, List.of(new FactorGroups.Group("a", List.of(0, 1)))));
    }
}
