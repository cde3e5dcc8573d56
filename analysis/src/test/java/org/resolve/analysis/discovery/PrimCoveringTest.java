package org.resolve.analysis.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Covering on two disjoint regions: x1 &gt; 0.6 and x2 &gt; 0.6 (16% of the runs), and x1 &lt; 0.3
 * and x3 &lt; 0.3 (9%); x uniform in [0, 1]^5, n = 2000, no noise.
 *
 * <p>Over seeds 1..200 these assertions failed for 12 (6%): for 9, greedy peeling began on x2 and
 * ended in a mix of both regions whose density (at most 0.66 to 0.79) missed the 0.8 target, so
 * covering stopped after one box, as documented; for 3, one box kept a noise input with a
 * quasi-p-value below 0.05 or a loose bound (up to 0.08). PRIM's greedy peeling is known to be
 * path-dependent on such functions (with two opposite corners of the same two inputs it fails
 * almost always, since no single peel raises the density). The test's seed is fixed, so it is
 * deterministic.
 */
class PrimCoveringTest {
    static final long SEED = 11;

    static boolean inRegions(double[] p) {
        return (p[0] > 0.6 && p[1] > 0.6) || (p[0] < 0.3 && p[2] < 0.3);
    }

    @Test
    void coveringFindsASecondDisjointBox() {
        SyntheticRuns runs = SyntheticRuns.of(SEED, 2000, PrimCoveringTest::inRegions, 0);
        PrimResult r = Prim.discover(runs.data(), PrimOptions.defaults().withMaxBoxes(3));
        r.boxes().forEach(b -> System.out.println("covering, seed " + SEED + ": " + b.box()));
        assertTrue(r.boxes().size() >= 2, "found " + r.boxes().size());
        PrimBox a = r.boxes().get(0).box();
        PrimBox b = r.boxes().get(1).box();
        PrimBox high = a.lower(0) > 0.5 ? a : b;
        PrimBox low = high == a ? b : a;
        assertEquals(Set.of("x1", "x2"), significant(high));
        assertEquals(Set.of("x1", "x3"), significant(low));
        assertNotNull(high.restriction("x1"));
        assertEquals(0.6, high.restriction("x1").lower(), 0.05);
        assertEquals(0.6, high.restriction("x2").lower(), 0.05);
        assertEquals(0.3, low.restriction("x1").upper(), 0.05);
        assertEquals(0.3, low.restriction("x3").upper(), 0.05);
        assertTrue(low.upper(0) < high.lower(0), "disjoint on x1");
        for (double[] p : runs.x) {
            assertFalse(a.contains(p) && b.contains(p), "no run in both boxes");
        }
        assertTrue(a.density() >= 0.9 && b.density() >= 0.9, a + " / " + b);
        // Coverage is a share of all cases, so the two boxes' coverages add up.
        assertTrue(a.coverage() + b.coverage() >= 0.85, a + " / " + b);
        assertTrue(a.coverage() + b.coverage() <= 1.0 + 1e-12);
        // The second search looked only at the runs outside the first box.
        int outsideFirst = 0;
        for (double[] p : runs.x) {
            outsideFirst += r.boxes().get(0).box().contains(p) ? 0 : 1;
        }
        assertEquals(1.0, r.boxes().get(1).trajectory().box(0).mass() * 2000 / outsideFirst, 1e-12);
    }

    @Test
    void withoutRemovesTheBoxRuns() {
        SyntheticRuns runs = SyntheticRuns.of(SEED, 2000, PrimCoveringTest::inRegions, 0);
        Prim prim = Prim.of(runs.data(), PrimOptions.defaults());
        DiscoveredBox first = prim.findBox();
        Prim rest = prim.without(first.box());
        assertEquals(2000 - first.box().count(), rest.remaining());
        assertEquals(prim.remainingCases() - first.box().cases(), rest.remainingCases());
    }

    @Test
    void coveringStopsWhenNoCaseIsLeft() {
        SyntheticRuns runs = SyntheticRuns.of(SEED, 400, p -> p[0] > 0.5, 0);
        PrimResult r = Prim.discover(runs.data(), PrimOptions.defaults().withMaxBoxes(5));
        PrimBox box = r.boxes().get(0).box();
        assertEquals(1.0, box.coverage(), "the first box holds every case");
        assertEquals(1, r.boxes().size());
    }

    private static Set<String> significant(PrimBox box) {
        return box.restrictions().stream().filter(q -> q.quasiPValue() < 0.05).map(Restriction::name)
                .collect(Collectors.toSet());
    }
}
