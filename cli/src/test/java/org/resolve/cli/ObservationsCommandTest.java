package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled ledger: listed, printed, and taken by id wherever --observations takes a file. */
class ObservationsCommandTest {
    private static final Path SHARED = Path.of("../core/src/test/resources/observations/observations-to-2025-01-13.csv");

    @TempDir
    Path tmp;

    @Test
    void listsAndPrintsTheBundledLedgerAsTheSharedFile() throws Exception {
        Cli list = Cli.run("observations");
        assertEquals(0, list.code, list.toString());
        long rows = Files.readAllLines(SHARED).stream().skip(1).filter(l -> !l.isBlank()).count();
        assertTrue(list.out.startsWith("kursk-2024 ") && list.out.contains(rows + " reports, ") && list.out.contains(" to 2025-01-13"), list.out);
        Cli print = Cli.run("observations", "kursk-2024");
        assertEquals(0, print.code, print.toString());
        assertEquals(Files.readString(SHARED), print.out, "the bundled ledger is the shared ledger, byte for byte");
        Cli bad = Cli.run("observations", "kursk-2042");
        assertEquals(Main.INVALID_INPUT, bad.code);
        assertTrue(bad.err.contains("did you mean 'kursk-2024'"), bad.err);
    }

    @Test
    void aBundledIdWorksAsTheLedgerAndAFileOfThatNameWins() throws Exception {
        Cli byId = Cli.run("calibrate", "kursk-2024", "--observations", "kursk-2024", "--particles", "20", "--generations", "2",
                "--mode", "aggregate", "--out", tmp.resolve("a").toString());
        Cli byFile = Cli.run("calibrate", "kursk-2024", "--observations", SHARED.toString(), "--particles", "20", "--generations", "2",
                "--mode", "aggregate", "--out", tmp.resolve("b").toString());
        assertEquals(0, byId.code, byId.toString());
        assertEquals(0, byFile.code, byFile.toString());
        assertEquals(Files.readString(tmp.resolve("b").resolve("posterior.csv")), Files.readString(tmp.resolve("a").resolve("posterior.csv")),
                "the same reports give the same posterior");
        Cli missing = Cli.run("backtest", "--observations", tmp.resolve("nope.csv").toString(), "--cutoff", "2024-12-20");
        assertEquals(Main.INVALID_INPUT, missing.code, missing.toString());
        assertTrue(missing.err.contains("no such file"), missing.err);
    }
}
