package org.resolve.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resolve.core.model.Param;

class DidYouMeanTest {
    private static final List<String> PARAMS = new ArrayList<>();

    static {
        for (Param p : Param.values()) {
            PARAMS.add(p.key());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "wage_usd_per_mnth, wage_usd_per_month",      // a letter dropped
        "wage_usd_per_montth, wage_usd_per_month",    // a letter doubled
        "regime_shaer, regime_share",                 // two letters swapped
        "Regime_Share, regime_share",                 // case does not count
        "casualty.kill_shares, casualty.kill_share",
        "training_days, training_days",               // an exact name suggests itself
    })
    void suggestsTheCatalogueName(String wrong, String expected) {
        assertEquals(expected, DidYouMean.suggest(wrong, PARAMS));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"banana", "seed", "wages_paid_monthly", "x"})
    void suggestsNothingWhenNothingIsClose(String wrong) {
        assertNull(DidYouMean.suggest(wrong, PARAMS));
    }

    @Test
    void theLimitIsTheLargerOfTwoAndAThirdOfTheLength() {
        // "abcdef" (6 letters) allows 2 edits; "abcdefghijkl" (12) allows 4.
        assertEquals("abcdXY", DidYouMean.suggest("abcdef", List.of("abcdXY")));
        assertNull(DidYouMean.suggest("abcdef", List.of("abcXYZ")));
        assertEquals("abcdefghWXYZ", DidYouMean.suggest("abcdefghijkl", List.of("abcdefghWXYZ")));
        assertNull(DidYouMean.suggest("abcdefghijkl", List.of("abcdefgVWXYZ")));
    }

    @Test
    void tiesGoToTheAlphabeticallyFirstWhateverTheOrder() {
        List<String> known = new ArrayList<>(List.of("normal", "formal"));
        assertEquals("formal", DidYouMean.suggest("hormal", known));
        Collections.reverse(known);
        assertEquals("formal", DidYouMean.suggest("hormal", known));
    }

    @Test
    void nothingKnownSuggestsNothing() {
        assertNull(DidYouMean.suggest("anything", List.of()));
    }

    @ParameterizedTest(name = "d({0}, {1}) = {2}")
    @CsvSource({
        "kitten, sitting, 3",
        "'', abc, 3",
        "abc, '', 3",
        "same, same, 0",
        "flaw, lawn, 2",
        "gaussian, normal, 7",
    })
    void distanceIsLevenshteinAndSymmetric(String a, String b, int d) {
        assertEquals(d, DidYouMean.distance(a, b));
        assertEquals(d, DidYouMean.distance(b, a));
    }

    @Test
    void aNameFarLongerThanEveryKnownOneIsNotComparedLetterByLetter() {
        // Edit distance costs length x length; a misspelt name of 1 MiB (a scenario may hold one,
        // over several lines) against every parameter took seconds. The distance is at least the
        // difference in length, so such a name is skipped: the same answer, at once.
        String wrong = "o".repeat(1 << 20);
        assertNull(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> DidYouMean.suggest(wrong, PARAMS)));
        assertEquals("regime_share", DidYouMean.suggest("regime_share" + "x".repeat(4), PARAMS), "within a third of the length");
    }
}
