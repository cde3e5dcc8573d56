package org.resolve.analysis.calibration.abc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Determinism across threads and seeds, the stopping rules, and argument checks. */
class AbcSmcTest {
    static final long SEED = 20250616L;

    /** Two parameters, one bounded, so the kernel truncation and the weights are exercised. */
    private static AbcResult run(long seed, int threads) {
        List<Prior> priors = List.of(NormalMeanModel.prior(), Prior.uniform("scale", 0.5, 2));
        DistanceFunction d = (theta, s) -> Math.abs(NormalMeanModel.simulateMean(theta[0], s) - 0.7)
                + Math.abs(theta[1] - 1.2) * (1 + (s & 1));
        return AbcSmc.run(priors, d, AbcSmcOptions.defaults(seed).withParticles(150).withMaxGenerations(5)
                .withThreads(threads));
    }

    @Test
    void sameResultOnOneTwoAndThreeThreads() {
        AbcResult one = run(SEED, 1);
        for (int threads : new int[] {2, 3}) {
            AbcResult other = run(SEED, threads);
            assertEquals(one.generations().size(), other.generations().size());
            assertEquals(one.simulations(), other.simulations());
            for (int g = 0; g < one.generations().size(); g++) {
                Generation a = one.generations().get(g);
                Generation b = other.generations().get(g);
                assertEquals(a.tolerance(), b.tolerance());
                assertEquals(a.proposals(), b.proposals());
                assertArrayEquals(a.weights(), b.weights());
                assertArrayEquals(a.distances(), b.distances());
                assertArrayEquals(a.values(0), b.values(0));
                assertArrayEquals(a.values(1), b.values(1));
            }
        }
        System.out.println("determinism seed " + SEED + ": " + one.generations().size() + " generations, "
                + one.simulations() + " simulations");
    }

    @Test
    void differentSeedsDiffer() {
        assertFalse(java.util.Arrays.equals(run(SEED, 1).posterior().values(0), run(SEED + 1, 1).posterior().values(0)));
    }

    @Test
    void particlesReplayFromTheirSeedAndStayWithinTolerance() {
        AbcResult res = run(SEED, 2);
        DistanceFunction d = (theta, s) -> Math.abs(NormalMeanModel.simulateMean(theta[0], s) - 0.7)
                + Math.abs(theta[1] - 1.2) * (1 + (s & 1));
        double previous = Double.POSITIVE_INFINITY;
        for (Generation g : res.generations()) {
            assertTrue(g.tolerance() < previous || g.index() == 0);
            previous = g.tolerance();
            double sum = 0;
            long lastProposal = -1;
            for (Particle p : g.particles()) {
                assertTrue(p.distance() <= g.tolerance());
                assertEquals(p.distance(), d.distance(p.theta(), p.seed()));
                assertTrue(p.proposal() > lastProposal);
                assertTrue(p.theta(1) >= 0.5 && p.theta(1) <= 2);
                lastProposal = p.proposal();
                sum += p.weight();
            }
            assertEquals(1, sum, 1e-12);
            assertEquals(lastProposal + 1, g.proposals());
            assertTrue(g.simulations() >= g.proposals());
            assertTrue(g.effectiveSampleSize() >= 1 && g.effectiveSampleSize() <= g.size() + 1e-9);
        }
        assertEquals(AbcResult.StopReason.GENERATIONS, res.stopReason());
        assertEquals(List.of("theta", "scale"), res.parameters());
        assertEquals(res.generations().stream().mapToLong(Generation::simulations).sum(), res.simulations());
    }

    @Test
    void stoppingRules() {
        List<Prior> p = List.of(NormalMeanModel.prior());
        DistanceFunction d = NormalMeanModel.distanceTo(0.3);
        AbcSmcOptions o = AbcSmcOptions.defaults(SEED).withParticles(100);
        AbcResult target = AbcSmc.run(p, d, o.withTargetTolerance(0.2));
        assertEquals(AbcResult.StopReason.TARGET_TOLERANCE, target.stopReason());
        assertEquals(0.2, target.posterior().tolerance());
        AbcResult rate = AbcSmc.run(p, d, o.withMinAcceptanceRate(0.3));
        assertEquals(AbcResult.StopReason.ACCEPTANCE_RATE, rate.stopReason());
        AbcResult one = AbcSmc.run(p, d, o.withMaxGenerations(1));
        assertEquals(1, one.generations().size());
        assertEquals(1.0, one.posterior().acceptanceRate());
        // Distances in {0, 1}: the median is soon 0 and cannot fall further.
        AbcResult stalled = AbcSmc.run(p, (theta, s) -> theta[0] > 0 ? 0 : 1, o);
        assertEquals(AbcResult.StopReason.TOLERANCE_STALLED, stalled.stopReason());
    }

    @Test
    void failedSimulationsAreNeverAccepted() {
        AbcResult res = AbcSmc.run(List.of(NormalMeanModel.prior()),
                (theta, s) -> theta[0] < 0 ? Double.NaN : Math.abs(theta[0] - 1),
                AbcSmcOptions.defaults(SEED).withParticles(100).withMaxGenerations(4));
        for (Generation g : res.generations()) {
            for (Particle p : g.particles()) {
                assertTrue(p.theta(0) >= 0);
            }
        }
        assertThrows(IllegalStateException.class, () -> AbcSmc.run(List.of(NormalMeanModel.prior()), (t, s) -> {
            throw new IllegalStateException("simulation failed");
        }, AbcSmcOptions.defaults(SEED).withParticles(10).withThreads(2)));
        assertThrows(IllegalArgumentException.class, () -> AbcSmc.run(List.of(NormalMeanModel.prior()),
                (t, s) -> Double.NaN, AbcSmcOptions.defaults(SEED).withParticles(10)));
    }

    static Stream<Arguments> invalidOptions() {
        return Stream.<UnaryOperator<AbcSmcOptions>>of(o -> o.withParticles(1), o -> o.withMaxGenerations(0),
                o -> o.withQuantile(0), o -> o.withQuantile(1), o -> o.withQuantile(Double.NaN),
                o -> o.withTargetTolerance(-1), o -> o.withTargetTolerance(Double.NaN),
                o -> o.withMinAcceptanceRate(0), o -> o.withMinAcceptanceRate(1.5),
                o -> o.withInitialTolerance(0), o -> o.withKernelScale(0),
                o -> o.withKernelScale(Double.POSITIVE_INFINITY), o -> o.withThreads(0)).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("invalidOptions")
    void rejectsInvalidOptions(UnaryOperator<AbcSmcOptions> change) {
        assertThrows(IllegalArgumentException.class, () -> change.apply(AbcSmcOptions.defaults(SEED)));
    }

    @Test
    void rejectsInvalidPriorsAndProblems() {
        assertThrows(IllegalArgumentException.class, () -> Prior.uniform("x", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Prior.uniform("x", 0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Prior.normal("x", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Prior.normal("x", Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Prior.of(" ", u -> u, x -> 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Prior.of("x", u -> u, x -> 0, 1, 0));
        DistanceFunction d = (t, s) -> 0;
        AbcSmcOptions o = AbcSmcOptions.defaults(SEED);
        assertThrows(IllegalArgumentException.class, () -> AbcSmc.run(List.of(), d, o));
        assertThrows(IllegalArgumentException.class,
                () -> AbcSmc.run(List.of(Prior.uniform("x", 0, 1), Prior.uniform("x", 0, 2)), d, o));
        assertEquals(Double.NEGATIVE_INFINITY, Prior.uniform("x", 0, 1).logDensity(2));
    }
}
