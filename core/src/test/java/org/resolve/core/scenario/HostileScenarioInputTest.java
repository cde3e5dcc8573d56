package org.resolve.core.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input built to break the loader rather than to describe a scenario (issue 13, items 5, 6, 8 and
 * 12): nesting deep enough to exhaust the stack, files that never end or block when opened, text
 * far above the size limit, and an {@code extends} that points at a file that is not a scenario.
 * Each must give located problems at once, never a stack overflow, a hang or the foreign file's
 * content.
 */
class HostileScenarioInputTest {
    /** Generous: each case takes milliseconds; the bound only keeps a regression from hanging the build. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final String HEAD = "resolve: 1\nid: x\n";

    @TempDir
    Path dir;

    static Stream<Arguments> deep() {
        return Stream.of(
                Arguments.of("2,000 nested flow lists", HEAD + "x: " + "[".repeat(2_000) + "]".repeat(2_000) + "\n"),
                Arguments.of("100,000 nested flow lists", HEAD + "x: " + lines("[".repeat(100_000) + "]".repeat(100_000)) + "\n"),
                Arguments.of("100,000 unclosed flow lists", HEAD + "x: " + lines("[".repeat(100_000)) + "\n"),
                Arguments.of("2,000 nested flow mappings", HEAD + "x: " + "{a: ".repeat(2_000) + "1" + "}".repeat(2_000) + "\n"),
                Arguments.of("100,000 nested flow mappings", HEAD + "x: " + lines("{a: ".repeat(100_000) + "1" + "}".repeat(100_000)) + "\n"),
                Arguments.of("2,000 nested block lists on one line", HEAD + "x:\n" + "- ".repeat(2_000) + "1\n"),
                Arguments.of("300 nested block mappings", HEAD + blockMappings(300)),
                Arguments.of("100 nested lists in a parameter value", TestScenarios.minimalWith("    value: 2000\n",
                        "    value: " + "[".repeat(100) + "]".repeat(100) + "\n")));
    }

    /** @return flow text broken into indented lines of 1,000 characters (a line may not be longer than 16,384) */
    private static String lines(String flow) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < flow.length(); i += 1_000) {
            sb.append(i == 0 ? "" : "\n ").append(flow, i, Math.min(flow.length(), i + 1_000));
        }
        return sb.toString();
    }

    private static String blockMappings(int depth) {
        StringBuilder sb = new StringBuilder("x:\n");
        for (int i = 1; i < depth; i++) {
            sb.append("  ".repeat(i)).append("a:\n");
        }
        return sb.append("  ".repeat(depth)).append("a: 1\n").toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deep")
    void deepNestingIsOneLocatedProblemNotAStackOverflow(String what, String text) {
        ScenarioException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(ScenarioException.class, () -> ScenarioLoader.fromText("deep.yaml", text, null)));
        assertEquals(1, e.problems().size(), e::getMessage);
        Problem p = e.problems().get(0);
        assertAll(what,
                () -> assertEquals("deep.yaml", p.location().file()),
                () -> assertTrue(p.location().line() >= 1 && p.location().column() >= 1, p::toString),
                () -> assertEquals("yaml", p.subject()),
                () -> assertEquals("lists and mappings nested more than 64 levels deep", p.problem()),
                () -> assertEquals("at most 64 levels of nesting", p.expected()));
    }

    @Test
    void theDepthLimitIsSixtyFourLevelsCountingTheTopMapping() {
        // 63 brackets under the top-level mapping: 64 levels, allowed (the key is then merely unknown)
        List<Problem> ok = TestScenarios.problems("d.yaml", HEAD + "x: " + "[".repeat(63) + "]".repeat(63) + "\n");
        assertEquals("unknown key 'x'", ok.get(0).problem().replaceAll(" \\(did you mean.*", ""), ok.toString());
        List<Problem> deep = TestScenarios.problems("d.yaml", HEAD + "x: " + "[".repeat(64) + "]".repeat(64) + "\n");
        assertEquals(new Location("d.yaml", 3, 67), deep.get(0).location(), "the bracket that opens level 65");
        assertEquals("lists and mappings nested more than 64 levels deep", deep.get(0).problem());
    }

    // ---------------------------------------------------------------- files that are not regular files (item 6)

    private Path fifo() throws Exception {
        Path f = dir.resolve("fifo.yaml");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", f.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            mk = null;
        }
        assumeTrue(mk != null && mk.waitFor() == 0, "mkfifo is not available");
        return f;
    }

    @Test
    void aPipeGivenDirectlyIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path f = fifo();
        Problem p = only(() -> ScenarioLoader.load(f.toString()));
        assertEquals(new Location(f.toString(), 0, 0), p.location());
        assertEquals(f + " is not a regular file", p.problem());
    }

    @Test
    void aPipeOrADeviceNamedByExtendsIsRefusedAtTheExtendsLine() throws Exception {
        Path f = fifo();
        Problem p = only(() -> ScenarioLoader.fromText("top.yaml", HEAD + "extends: " + f + "\n", null));
        assertEquals(new Location("top.yaml", 3, 10), p.location());
        assertEquals("extends", p.subject());
        assertEquals(f + " is not a regular file", p.problem());
        Files.writeString(dir.resolve("top.yaml"), HEAD + "extends: fifo.yaml\n");
        p = only(() -> ScenarioLoader.load(dir.resolve("top.yaml").toString()));
        assertEquals("fifo.yaml is not a regular file", p.problem());
    }

    @Test
    void aDeviceThatNeverEndsIsRefusedBeforeItIsRead() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
        Problem p = only(() -> ScenarioLoader.load("/dev/zero"));
        assertEquals("/dev/zero is not a regular file", p.problem());
        p = only(() -> ScenarioLoader.fromText("top.yaml", HEAD + "extends: /dev/zero\n", null));
        assertEquals(new Location("top.yaml", 3, 10), p.location());
        assertEquals("/dev/zero is not a regular file", p.problem());
    }

    @Test
    void aFolderIsNotAScenarioFile() {
        Problem p = only(() -> ScenarioLoader.load(dir.toString()));
        assertEquals(dir + " is not a regular file", p.problem());
    }

    @Test
    void aLinkToARegularFileIsFollowedOutsideTheWebServersWorkspace() throws Exception {
        Path target = dir.resolve("real.yaml");
        Files.writeString(target, TestScenarios.minimal());
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), target);
        assertEquals("minimal", ScenarioLoader.load(link.toString()).id());
    }

    // ---------------------------------------------------------------- size before parsing (item 8)

    @Test
    void eightMegabytesOfTextAreRefusedFromTheirSizeBeforeParsing() {
        String text = HEAD + "description: \"" + "a".repeat(8_000_000) + "\"\n";
        Problem p = only(() -> ScenarioLoader.fromText("big.yaml", text, null));
        assertEquals(new Location("big.yaml", 0, 0), p.location());
        assertEquals("big.yaml is larger than 1 MiB", p.problem());
        assertEquals("a scenario of at most 1 MiB", p.expected());
        p = only(() -> ScenarioLoader.fromText("big.yaml", text, null, dir));
        assertEquals("big.yaml is larger than 1 MiB", p.problem(), "the web editor's text too");
    }

    @Test
    void eightMegabyteFilesAreRefusedFromTheirSizeBeforeReading() throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, HEAD + "description: '" + "a".repeat(8_000_000) + "'\n");
        Problem p = only(() -> ScenarioLoader.load(big.toString()));
        assertEquals(big + " is larger than 1 MiB", p.problem());
        p = only(() -> ScenarioLoader.fromText("top.yaml", HEAD + "extends: big.yaml\n", dir));
        assertEquals(new Location("top.yaml", 3, 10), p.location());
        assertEquals("big.yaml is larger than 1 MiB", p.problem());
    }

    @Test
    void theLimitCountsBytesOfUtf8NotCharacters() {
        // 600,000 two-byte characters: fewer chars than the limit, more bytes
        String text = HEAD + "description: \"" + "é".repeat(600_000) + "\"\n";
        assertTrue(text.length() < ScenarioLoader.MAX_CONFINED_BYTES);
        Problem p = only(() -> ScenarioLoader.fromText("accents.yaml", text, null));
        assertEquals("accents.yaml is larger than 1 MiB", p.problem());
    }

    @Test
    void aQuotedScalarJustUnderTheSizeLimitIsRead() {
        // 1 MiB less a byte, in lines of 8,000 characters: read in well under a second
        String head = "resolve: 1\nid: long\nextends: kursk-2024\ndescription: \"";
        StringBuilder sb = new StringBuilder(head);
        while (sb.length() < ScenarioLoader.MAX_CONFINED_BYTES - 8_003) {
            sb.append("a".repeat(7_997)).append("\n  ");
        }
        sb.append("b".repeat((int) ScenarioLoader.MAX_CONFINED_BYTES - sb.length() - 3)).append("\"\n");
        String text = sb.toString();
        assertEquals(ScenarioLoader.MAX_CONFINED_BYTES - 1, text.length());
        Scenario sc = assertTimeoutPreemptively(HANG_GUARD, () -> ScenarioLoader.fromText("long.yaml", text, null));
        assertTrue(sc.description().length() > 1_040_000, "the whole text, its lines folded: " + sc.description().length());
    }

    @Test
    void aLineLongerThan16384CharactersIsRefusedBeforeParsing() {
        // the YAML readers' time grows faster than a line's length: a 1 MiB line took seconds
        String ok = HEAD + "description: '" + "a".repeat(16_384 - 15) + "'\n";
        assertEquals(16_384, ok.lines().toList().get(2).length());
        List<Problem> problems = TestScenarios.problems("l.yaml", ok);
        assertFalse(problems.stream().anyMatch(p -> p.subject().equals("yaml")), problems::toString);
        for (String text : List.of(HEAD + "description: '" + "a".repeat(16_384 - 14) + "'\n",
                HEAD + "description: \"" + "a".repeat(1_000_000) + "\"\n", HEAD + "x: " + "[".repeat(100_000) + "\n")) {
            Problem p = only(() -> ScenarioLoader.fromText("l.yaml", text, null));
            assertEquals(new Location("l.yaml", 3, 16_385), p.location());
            assertEquals("yaml", p.subject());
            assertEquals("line 3 has " + text.lines().toList().get(2).length() + " characters", p.problem());
            assertEquals("lines of at most 16384 characters (a long text can run over several lines)", p.expected());
        }
    }

    // ---------------------------------------------------------------- extends to a file that is not a scenario (item 12)

    static Stream<Arguments> foreign() {
        return Stream.of(
                Arguments.of("an environment file", "API_KEY=sk-live-SECRET-1234\nOTHER=1\n", 1),
                Arguments.of("a password file", "root:x:0:0:SECRET-PW:/root:/bin/bash\ndaemon:x:1:1::/:/bin/false\n", 1),
                Arguments.of("a mapping that is not a scenario", "# settings\nuser: bob\npassword: SECRET-789\n", 2),
                Arguments.of("a list", "- SECRET-A\n- SECRET-B\n", 1),
                Arguments.of("a JSON object", "{\"token\": \"SECRET-JSON\"}\n", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreign")
    void extendsToAFileThatIsNotAScenarioNamesItsLineButQuotesNothing(String what, String content, int line) throws Exception {
        Files.writeString(dir.resolve("secret.txt"), content);
        Problem p = only(() -> ScenarioLoader.fromText("top.yaml", HEAD + "extends: secret.txt\n", dir));
        assertAll(what,
                () -> assertEquals(new Location("top.yaml", 3, 10), p.location()),
                () -> assertEquals("extends", p.subject()),
                () -> assertTrue(p.problem().startsWith("secret.txt is not a scenario file (at line " + line + " "), p::toString),
                () -> assertFalse(p.toString().contains("SECRET"), p::toString));
        ScenarioException confined = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.fromText("top.yaml", HEAD + "extends: secret.txt\n", null, dir));
        assertFalse(confined.getMessage().contains("SECRET"), confined::getMessage);
    }

    @Test
    void malformedYamlInAnExtendedFileIsLocatedWithoutTheLinesText() throws Exception {
        Files.writeString(dir.resolve("a.ini"), "[section]\ntoken = SECRET-INI\n");
        Files.writeString(dir.resolve("b.yaml"), "user: bob\npassword: \"SECRET-QUOTE\n");
        Files.writeString(dir.resolve("c.yaml"), "user: bob\n\tpassword: SECRET-TAB\n");
        for (String f : List.of("a.ini", "b.yaml", "c.yaml")) {
            ScenarioException e = assertThrows(ScenarioException.class,
                    () -> ScenarioLoader.fromText("top.yaml", HEAD + "extends: " + f + "\n", dir));
            assertAll(f,
                    () -> assertEquals(f, e.problems().get(0).location().file()),
                    () -> assertTrue(e.problems().get(0).location().line() >= 1),
                    () -> assertFalse(e.getMessage().contains("SECRET"), e::getMessage));
        }
    }

    private static Problem only(Loader l) {
        ScenarioException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(ScenarioException.class, l::load));
        assertEquals(1, e.problems().size(), e::getMessage);
        return e.problems().get(0);
    }

    private interface Loader {
        Scenario load() throws ScenarioException;
    }
}
