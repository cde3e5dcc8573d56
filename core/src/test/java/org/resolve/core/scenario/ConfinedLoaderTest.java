package org.resolve.core.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ScenarioLoader#load(String, Path)} and {@link ScenarioLoader#fromText(String, String, Path, Path)}:
 * every file of the chain must be a regular file inside the folder; bundled ids stay allowed; the
 * unconfined loader (the CLI's) still reads any path.
 */
class ConfinedLoaderTest {
    @TempDir
    Path tmp;
    Path ws;
    Path outside;

    @BeforeEach
    void files() throws Exception {
        ws = Files.createDirectories(tmp.resolve("ws"));
        Files.createDirectories(ws.resolve("scenarios"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("base.yaml"), TestScenarios.minimal());
        Files.writeString(ws.resolve("base.yaml"), TestScenarios.minimal());
        Files.writeString(ws.resolve("scenarios/child.yaml"), "resolve: 1\nid: child\nextends: ../base.yaml\n");
        Files.writeString(ws.resolve("scenarios/bundled.yaml"), "resolve: 1\nid: b\nextends: kursk-2024\n");
        Files.writeString(ws.resolve("scenarios/escape.yaml"), "resolve: 1\nid: e\nextends: ../../outside/base.yaml\n");
        Files.writeString(ws.resolve("scenarios/chain.yaml"), "resolve: 1\nid: c\nextends: escape.yaml\n");
        Files.createSymbolicLink(ws.resolve("link.yaml"), outside.resolve("base.yaml"));
        Files.writeString(ws.resolve("scenarios/via-link.yaml"), "resolve: 1\nid: l\nextends: ../link.yaml\n");
    }

    private static Problem only(ScenarioException e) {
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.problems().get(0);
    }

    @Test
    void filesInsideTheFolderAndBundledIdsLoad() {
        assertDoesNotThrow(() -> ScenarioLoader.load(ws.resolve("scenarios/child.yaml").toString(), ws));
        assertDoesNotThrow(() -> ScenarioLoader.load("scenarios/bundled.yaml", ws), "relative to the folder");
        assertDoesNotThrow(() -> ScenarioLoader.load("kursk-2024", ws));
        assertDoesNotThrow(() -> ScenarioLoader.fromText("editor", "resolve: 1\nid: x\nextends: base.yaml\n", null, ws));
        assertDoesNotThrow(() -> ScenarioLoader.fromText("editor", "resolve: 1\nid: x\nextends: ../base.yaml\n", ws.resolve("scenarios"), ws));
    }

    @Test
    void everyWayOutIsALocatedProblemAtTheExtendsValue() {
        String abs = outside.resolve("base.yaml").toString();
        for (String text : List.of("resolve: 1\nid: x\nextends: " + abs + "\n", "resolve: 1\nid: x\nextends : " + abs + "\n",
                "resolve: 1\nid: x\n\"extends\": " + abs + "\n", "resolve: 1\nid: x\nextends: ../outside/base.yaml\n",
                "resolve: 1\nid: x\nextends: link.yaml\n", "resolve: 1\nid: x\nextends: /etc/hostname\n")) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromText("editor", text, null, ws), text);
            Problem p = only(e);
            assertEquals("extends", p.subject(), p.toString());
            assertEquals(3, p.location().line(), p.toString());
            assertTrue(p.problem().endsWith("is outside the workspace"), p.toString());
            assertEquals("a bundled scenario id or a file in the workspace", p.expected());
        }
        // the same texts without confinement read the outside file (the CLI's behaviour)
        assertDoesNotThrow(() -> ScenarioLoader.fromText("cli", "resolve: 1\nid: x\nextends: " + abs + "\n", ws));
    }

    @Test
    void aFolderReachedThroughASymbolicLinkStillWorks() throws Exception {
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), ws);
        Scenario sc = ScenarioLoader.load(alias.resolve("scenarios/child.yaml").toString(), alias);
        assertEquals("child", sc.id());
        Problem p = only(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(alias.resolve("../outside/base.yaml").toString(), alias)));
        assertTrue(p.problem().endsWith("is outside the workspace"), p.toString());
    }

    @Test
    void aChainIsCheckedAtEveryLevel() {
        Problem p = only(assertThrows(ScenarioException.class, () -> ScenarioLoader.load("scenarios/chain.yaml", ws)));
        assertEquals("escape.yaml", p.location().file(), "reported in the file that leaves");
        assertTrue(p.problem().contains("../../outside/base.yaml is outside the workspace"), p.toString());
        p = only(assertThrows(ScenarioException.class, () -> ScenarioLoader.load("scenarios/via-link.yaml", ws)));
        assertTrue(p.problem().contains("is outside the workspace"), "a symbolic link is followed: " + p);
        assertDoesNotThrow(() -> ScenarioLoader.load(ws.resolve("scenarios/chain.yaml").toString()), "unconfined");
    }

    @Test
    void theTopFileMustBeInsideToo() {
        Problem p = only(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(outside.resolve("base.yaml").toString(), ws)));
        assertEquals("scenario", p.subject());
        assertTrue(p.problem().endsWith("is outside the workspace"), p.toString());
        p = only(assertThrows(ScenarioException.class, () -> ScenarioLoader.load("link.yaml", ws)));
        assertTrue(p.problem().endsWith("is outside the workspace"), p.toString());
        p = only(assertThrows(ScenarioException.class, () -> ScenarioLoader.load("../outside/missing.yaml", ws)));
        assertTrue(p.problem().endsWith("is outside the workspace"), "nothing learnt about files outside: " + p);
    }

    @Test
    void devicesPipesFoldersAndLargeFilesAreRefused() throws Exception {
        Files.createSymbolicLink(ws.resolve("zero.yaml"), Path.of("/dev/zero"));
        Problem p = only(assertThrows(ScenarioException.class,
                () -> ScenarioLoader.fromText("editor", "resolve: 1\nid: x\nextends: zero.yaml\n", null, ws)));
        assertTrue(p.problem().endsWith("is outside the workspace"), p.toString());
        Path fifo = ws.resolve("fifo.yaml");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mk.waitFor() == 0) {
            p = only(assertThrows(ScenarioException.class,
                    () -> ScenarioLoader.fromText("editor", "resolve: 1\nid: x\nextends: fifo.yaml\n", null, ws)));
            assertTrue(p.problem().endsWith("is not a regular file"), p.toString());
        }
        p = only(assertThrows(ScenarioException.class,
                () -> ScenarioLoader.fromText("editor", "resolve: 1\nid: x\nextends: scenarios\n", null, ws)));
        assertTrue(p.problem().endsWith("is not a regular file"), p.toString());
        Files.writeString(ws.resolve("big.yaml"), "#".repeat((int) ScenarioLoader.MAX_CONFINED_BYTES + 1));
        p = only(assertThrows(ScenarioException.class,
                () -> ScenarioLoader.fromText("editor", "resolve: 1\nid: x\nextends: big.yaml\n", null, ws)));
        assertTrue(p.problem().endsWith("is larger than 1 MiB"), p.toString());
        assertFalse(p.toString().contains("#"));
    }
}
