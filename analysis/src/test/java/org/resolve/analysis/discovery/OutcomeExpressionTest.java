package org.resolve.analysis.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The outcome expression: valid forms, their meaning, and errors with their columns. */
class OutcomeExpressionTest {
    static final List<String> METRICS = List.of("killed", "surrendered", "status.killed", "self_killed", "wounded");

    static double eval(String text, Map<String, Double> values) {
        return OutcomeExpression.parse(text, METRICS).evaluate(values::get);
    }

    @ParameterizedTest(name = "{0} with killed={1}, surrendered={2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "killed > 3000                                  | 3001 | 0   | 1",
        "killed > 3000                                  | 3000 | 0   | 0",
        "killed >= 3000                                 | 3000 | 0   | 1",
        "killed < 3000                                  | 2999 | 0   | 1",
        "killed <= 3000                                 | 3001 | 0   | 0",
        "killed == 3000                                 | 3000 | 0   | 1",
        "killed != 3000                                 | 3000 | 0   | 0",
        "killed > 3000 and surrendered >= 100           | 4000 | 100 | 1",
        "killed > 3000 and surrendered >= 100           | 4000 | 99  | 0",
        "killed > 3000 or surrendered >= 100            | 10   | 100 | 1",
        "killed>3000 AND surrendered>=1e2               | 4000 | 100 | 1",
        "killed > 3e3 Or surrendered > -1.5             | 0    | -1  | 1",
        "killed < 0 or killed > 10 and surrendered > 5  | -1   | 0   | 1",
        "(killed < 0 or killed > 10) and surrendered > 5| -1   | 0   | 0",
        "killed > +.5                                   | 1    | 0   | 1",
    })
    void evaluates(String text, double killed, double surrendered, double expected) {
        assertEquals(expected, eval(text, Map.of("killed", killed, "surrendered", surrendered)));
    }

    @Test
    void readsDottedAndUnderscoredNamesAndListsTheMetrics() {
        OutcomeExpression e = OutcomeExpression.parse("status.killed > 1 and self_killed >= 2 or killed > 3", METRICS);
        assertEquals(Set.of("status.killed", "self_killed", "killed"), e.metrics());
        assertEquals("status.killed > 1 and self_killed >= 2 or killed > 3", e.toString());
        assertEquals(1.0, e.evaluate(Map.of("status.killed", 2.0, "self_killed", 2.0, "killed", 0.0)::get));
        assertEquals(0.0, e.evaluate(Map.of("status.killed", 2.0, "self_killed", 1.0, "killed", 0.0)::get));
    }

    @Test
    void aNaNMetricMakesTheOutcomeMissing() {
        assertTrue(Double.isNaN(eval("killed > 1 or surrendered > 1", Map.of("killed", 5.0, "surrendered", Double.NaN))));
        assertEquals(0.0, eval("killed > 1", Map.of("killed", Double.NEGATIVE_INFINITY)), "infinity is a value");
    }

    /** Each invalid expression, the 1-based column the message must name, and a fragment of it. */
    @ParameterizedTest(name = "''{0}'' -> column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "kiled > 3000                         | 1  | did you mean 'killed'?",
        "killed > 3000 and surendered >= 100  | 19 | did you mean 'surrendered'?",
        "status.kiled > 1                     | 1  | did you mean 'status.killed'?",
        "zzzzzz > 1                           | 1  | unknown metric 'zzzzzz'",
        "killed >> 3000                       | 9  | expected a number but found '>'",
        "killed = 3000                        | 8  | use '=='",
        "killed 3000                          | 8  | expected a comparison operator",
        "killed =< 3000                       | 8  | use '=='",
        "killed > 3000x                       | 10 | malformed number '3000x'",
        "killed > 1e                          | 10 | the exponent has no digits",
        "killed > 1.2.3                       | 10 | malformed number '1.2.3'",
        "killed > 3000 surrendered > 1        | 15 | expected 'and', 'or' or the end but found 'surrendered'",
        "killed > 3000 and                    | 18 | expected a metric name but found the end",
        "and killed > 1                       | 1  | the keyword 'and'",
        "(killed > 1                          | 12 | expected ')' to close the '(' at column 1",
        "killed > 1)                          | 11 | expected 'and', 'or' or the end but found ')'",
        "killed > 1 & wounded > 2             | 12 | expected 'and', 'or' or the end but found '&'",
        "3000 < killed                        | 1  | expected a metric name but found '3000'",
        "killed >                             | 9  | expected a number but found the end",
    })
    void rejectsWithTheColumn(String text, int column, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutcomeExpression.parse(text, METRICS));
        String m = e.getMessage();
        assertTrue(m.contains("at column " + column + " of '" + text + "'"), m);
        assertTrue(m.contains(fragment), m);
        // The caret line points at the same column.
        String[] lines = m.split("\\R");
        assertEquals(column - 1, lines[lines.length - 1].indexOf('^') - 2, m);
    }

    @Test
    void anUnknownNameWithNoCloseMatchListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutcomeExpression.parse("zzzzzz > 1", METRICS));
        assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
        assertTrue(e.getMessage().contains("Expected one of killed, self_killed, status.killed, surrendered, wounded"),
                e.getMessage());
    }

    @Test
    void blankIsRejected() {
        for (String s : new String[] {"", "   "}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OutcomeExpression.parse(s, METRICS));
            assertTrue(e.getMessage().startsWith("empty outcome expression"), e.getMessage());
        }
    }

    @Test
    void evaluatingColumnsNeedsEveryMetricRead() {
        OutcomeExpression e = OutcomeExpression.parse("killed > 1 and wounded > 1", METRICS);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> e.evaluate(Map.of("killed", new double[] {1})));
        assertTrue(ex.getMessage().contains("no values for metric 'wounded'"), ex.getMessage());
        IllegalArgumentException ex2 = assertThrows(IllegalArgumentException.class,
                () -> e.evaluate(Map.of("killed", new double[] {1}, "wounded", new double[] {1, 2})));
        assertTrue(ex2.getMessage().contains("values"), ex2.getMessage());
    }

    /** Parentheses deeper than the limit: 65 just past it, and the adversarial 5,000 and 100,000. */
    @ParameterizedTest(name = "{0} nested parentheses")
    @ValueSource(ints = {OutcomeExpression.MAX_DEPTH + 1, 5_000, 100_000})
    void parenthesesDeeperThanTheLimitAreAnErrorNotAStackOverflow(int depth) {
        String text = "(".repeat(depth) + "killed > 1" + ")".repeat(depth);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutcomeExpression.parse(text, METRICS));
        String m = e.getMessage();
        assertTrue(m.startsWith("more than " + OutcomeExpression.MAX_DEPTH + " nested parentheses at column "
                + (OutcomeExpression.MAX_DEPTH + 1) + " of '"), m);
        assertTrue(m.length() < 1000, "a long expression is shown as an excerpt, not whole: " + m.length() + " characters");
    }

    @Test
    void parenthesesUpToTheLimitAreAccepted() {
        int depth = OutcomeExpression.MAX_DEPTH;
        String text = "(".repeat(depth) + "killed > 1" + ")".repeat(depth) + " and " + "(".repeat(depth) + "surrendered < 5"
                + ")".repeat(depth);
        assertEquals(1.0, eval(text, Map.of("killed", 2.0, "surrendered", 1.0)));
        assertEquals(0.0, eval(text, Map.of("killed", 2.0, "surrendered", 7.0)));
    }

    /** 100,000 comparisons joined by and/or parse and evaluate without recursing once per term. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"and", "or"})
    void longChainsOfAndOrNeitherOverflowNorRecurse(String keyword) {
        String text = String.join(" " + keyword + " ", java.util.Collections.nCopies(100_000, "killed > 1"));
        OutcomeExpression e = OutcomeExpression.parse(text, METRICS);
        assertEquals(1.0, e.evaluate(Map.of("killed", 2.0)::get));
        assertEquals(0.0, e.evaluate(Map.of("killed", 0.0)::get));
    }

    /** The grammar has no unary operators: long chains of would-be ones are a plain error, never a stack overflow. */
    @ParameterizedTest(name = "{0} x 100,000")
    @ValueSource(strings = {"-", "- ", "not ", "!", "+", "-("})
    void chainsOfUnaryOperatorsAreAnError(String op) {
        String text = op.repeat(100_000) + "killed > 1";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutcomeExpression.parse(text, METRICS));
        assertTrue(e.getMessage().contains(" at column "), e.getMessage());
        assertTrue(e.getMessage().length() < 1000, "shown as an excerpt: " + e.getMessage().length() + " characters");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"killed > 1e999", "killed > -1e999", "killed < 1e309", "killed < 99999e305"})
    void numbersMustBeFinite(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutcomeExpression.parse(text, METRICS));
        assertTrue(e.getMessage().contains("is not a finite number") && e.getMessage().contains("at column 10 of"), e.getMessage());
    }

    @Test
    void theLargestFiniteNumbersAreAccepted() {
        assertEquals(1.0, eval("killed < 1.7976931348623157e308", Map.of("killed", 1e300)));
        assertEquals(1.0, eval("killed > 1e-999", Map.of("killed", 1.0)), "a literal too small to represent reads as 0");
    }
}
