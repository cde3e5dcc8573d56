package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resolve.analysis.discovery.OutcomeExpression;

/** {@code resolve discover}: PRIM over a Latin hypercube of kursk-2024 (aggregate mode, deterministic). */
class DiscoverCommandTest {
    @TempDir
    Path tmp;

    @Test
    void highDeathTollsComeFromTheHighKillShareEstimates() throws Exception {
        Path out = tmp.resolve("d");
        Cli c = Cli.run("discover", "kursk-2024", "--outcome", "killed > 2500", "--n", "1000", "--days", "365",
                "--out", out.toString());
        assertEquals(0, c.code, c.toString());
        List<String> rows = Files.readAllLines(out.resolve("discover.csv"));
        String kill = rows.stream().filter(r -> r.contains(",casualty.kill_share,")).findFirst().orElse(null);
        assertTrue(kill != null, "the kill share is restricted: " + rows);
        String[] f = kill.split(",");
        double lower = Double.parseDouble(f[5]);
        // The mixture's two sourced estimates are 0.08-0.15 (South Korea) and 0.4-0.66 (Ukraine):
        // the box keeps the upper one.
        assertTrue(lower > 0.15 && lower < 0.66, "lower bound of the kill share: " + lower);
        assertEquals("true", f[7]);
        assertTrue(Double.parseDouble(f[2]) >= 0.8, "density " + f[2]);
        assertTrue(Double.parseDouble(f[1]) >= 0.5, "coverage " + f[1]);
        assertTrue(c.out.contains("coverage/density trade-off"), c.out);
        // Losses by exposure: a long offensive is part of the story too.
        assertTrue(rows.stream().anyMatch(r -> r.contains(",operation.offensive_days,")), "the offensive's length: " + rows);
    }

    @Test
    void aBadOutcomeIsAOneLineErrorWithASuggestion() {
        Cli c = Cli.run("discover", "kursk-2024", "--outcome", "kiled > 5000", "--n", "50");
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.contains("did you mean 'killed'"), c.err);
        assertFalse(c.err.contains("\tat "), c.err);
    }

    /**
     * Issue 13, item 5: thousands of parentheses once overflowed the parser's stack (a
     * StackOverflowError with its trace). They are refused at the stated depth with the one-line
     * error of any bad outcome, before a single run.
     */
    @ParameterizedTest(name = "{0} parentheses")
    @ValueSource(ints = {5_000, 100_000})
    void deeplyNestedParenthesesAreAOneLineErrorAtTheStatedDepth(int depth) {
        String outcome = "(".repeat(depth) + "killed > 1" + ")".repeat(depth);
        Cli c = Cli.run("discover", "kursk-2024", "--outcome", outcome, "--n", "50", "--out", tmp.resolve("p").toString());
        assertEquals(Main.INVALID_INPUT, c.code, "exit " + c.code);
        assertTrue(c.err.startsWith("error: --outcome: more than " + OutcomeExpression.MAX_DEPTH + " nested parentheses at column "
                + (OutcomeExpression.MAX_DEPTH + 1)), c.err.substring(0, Math.min(200, c.err.length())));
        assertEquals(1, c.err.lines().count(), c.err.substring(0, Math.min(200, c.err.length())));
        assertTrue(c.err.length() < 1000, "the expression is quoted as an excerpt: " + c.err.length() + " characters");
        assertFalse(c.err.contains("\tat "), c.err);
        assertFalse(Files.exists(tmp.resolve("p")), "nothing ran");
    }

    /** Long chains of unary operators (which the grammar does not have) and of and/or: an error or a result, never a stack overflow. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-", "not ", "!", "-("})
    void chainsOfUnaryOperatorsAreAOneLineError(String op) {
        Cli c = Cli.run("discover", "kursk-2024", "--outcome", op.repeat(100_000) + "killed > 1", "--n", "50", "--out",
                tmp.resolve("u").toString());
        assertEquals(Main.INVALID_INPUT, c.code, "exit " + c.code);
        String first = c.err.substring(0, Math.min(200, c.err.length()));
        assertTrue(c.err.startsWith("error: --outcome: ") && c.err.contains(" at column 1 of '"), first);
        assertEquals(1, c.err.lines().count(), first);
        assertTrue(c.err.length() < 1000, "the expression is quoted as an excerpt: " + c.err.length() + " characters");
    }

    /** Issue 13, item 9: a number literal beyond the doubles was read as infinity and accepted. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"killed > 1e999", "killed < -1e999"})
    void numberLiteralsMustBeFinite(String outcome) {
        Cli c = Cli.run("discover", "kursk-2024", "--outcome", outcome, "--n", "50", "--out", tmp.resolve("f").toString());
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.startsWith("error: --outcome: '") && c.err.contains("' is not a finite number at column 10"), c.err);
    }
}
