package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 12: escape sequences in a user's text (a scenario title, a YAML key, a file name,
 * an option's value) were printed raw, so the terminal obeyed them (here: retitle the window, ring
 * the bell, print in red). Every printing path now shows them as visible escapes: neither standard
 * output nor standard error carries an ESC, a BEL or any other control character but line feed and
 * tab.
 */
class TerminalEscapesTest {
    /** OSC 0 (set the window title) ended by BEL, then SGR 31 (red). */
    static final String EVIL = "\u001b]0;pwned\u0007\u001b[31m";
    /** How it is printed instead. */
    static final String SHOWN = "\\x1b]0;pwned\\x07\\x1b[31m";

    @TempDir
    Path tmp;

    Path scenario;

    @BeforeEach
    void writeScenario() throws IOException {
        // YAML's double-quoted escapes: \e is ESC, \a is BEL.
        scenario = Files.writeString(tmp.resolve("evil.yaml"), "resolve: 1\nid: evil\nextends: kursk-2024\n"
                + "title: \"Kursk \\e]0;pwned\\a\\e[31m\"\n");
    }

    /** Fails with the first control character found and where. */
    static void assertNoControlCharacters(Cli c) {
        for (String stream : new String[] {c.out, c.err}) {
            for (int i = 0; i < stream.length(); i++) {
                char ch = stream.charAt(i);
                boolean control = (ch < 0x20 && ch != '\n' && ch != '\t') || (ch >= 0x7f && ch <= 0x9f);
                if (control) {
                    int from = Math.max(0, i - 60);
                    throw new AssertionError(String.format("U+%04X printed at %d: ...%s", (int) ch, i,
                            stream.substring(from, Math.min(stream.length(), i + 20)).replace("\u001b", "<ESC>")
                                    .replace("\u0007", "<BEL>")));
                }
            }
        }
    }

    @Test
    void theRunSummaryShowsATitlesEscapesVisibly() {
        Cli c = Cli.run("run", scenario.toString(), "--mode", "aggregate", "--replications", "2", "--days", "30",
                "--out", tmp.resolve("run").toString());
        assertEquals(0, c.code, "exit " + c.code);
        assertNoControlCharacters(c);
        assertTrue(c.out.contains("evil: Kursk " + SHOWN), c.out);
    }

    @Test
    void validateShowsAKeysEscapesVisibly() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "resolve: 1\nid: bad\nextends: kursk-2024\n"
                + "\"\\e[2Jcleared\\nforged line\": 1\n");
        Cli c = Cli.run("validate", bad.toString());
        assertEquals(Main.INVALID_INPUT, c.code, "exit " + c.code);
        assertNoControlCharacters(c);
        assertTrue(c.err.contains("\\x1b[2Jcleared\\x0aforged line"), c.err);
        assertEquals(2, c.err.lines().count(), "one line per problem, and the count: " + c.err);
    }

    @Test
    void aLedgersTextIsShownVisibly() throws IOException {
        Path csv = Files.writeString(tmp.resolve("bad.csv"), "id,date,claimant,quantity,kind,low,high,scope,publication,published,note\n"
                + "A1," + EVIL + ",x,troops_in_russia,point,1,1,,p,2024-10-18,\n");
        Cli c = Cli.run("validate", csv.toString());
        assertEquals(Main.INVALID_INPUT, c.code, "exit " + c.code);
        assertNoControlCharacters(c);
        assertTrue(c.err.contains("not a date: '" + SHOWN + "'"), c.err);
    }

    @Test
    void errorsShowAnOptionsEscapesVisibly() {
        Cli[] runs = {
            Cli.run("run", EVIL), // a scenario that does not exist: a located problem
            Cli.run("run", "--set", EVIL + "=1"), // a user error
            Cli.run("run", "--replications", EVIL), // picocli's usage error
            Cli.run("run", "--frobnicate" + EVIL), // an unknown option, with picocli's suggestions
            Cli.run("discover", "--outcome", EVIL + " > 1", "--out", tmp.resolve("d").toString()),
            Cli.run("compare", scenario.toString(), EVIL),
            Cli.run("export", tmp.resolve(EVIL).toString()),
            Cli.run("validate", EVIL + ".yaml", EVIL + ".csv"),
        };
        for (Cli c : runs) {
            assertTrue(c.code == Main.INVALID_INPUT || c.code == 2, "exit " + c.code + ": " + c.err.replace("\u001b", "<ESC>"));
            assertNoControlCharacters(c);
            assertTrue(c.err.contains(SHOWN), c.err.replace("\u001b", "<ESC>"));
        }
    }
}
