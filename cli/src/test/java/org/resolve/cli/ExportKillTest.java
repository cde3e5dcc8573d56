package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.store.ExportFolder;

/**
 * {@code resolve export} killed with kill -9 in a child JVM while it writes (issue 13, item 7)
 * leaves the destination absent, or holding a complete export, never a partial one; the next
 * export removes what the killed one left and completes. An export from a damaged store is a
 * one-line error that leaves no file behind.
 */
class ExportKillTest {
    @TempDir
    static Path tmp;
    private static Path run;

    @BeforeAll
    static void aStoreLargeEnoughToBeCaughtMidExport() {
        run = tmp.resolve("run");
        Cli c = Cli.run("run", "--mode", "aggregate", "--replications", "120", "--days", "365", "--out", run.toString());
        assertEquals(0, c.code, c.toString());
    }

    @Test
    void killMinus9MidExportLeavesNoPartialExportAndTheNextExportCompletes() throws Exception {
        long seed = Long.getLong("cli.killSeed", System.nanoTime());
        System.out.println("ExportKillTest kill seed: " + seed + " (replay with -Dcli.killSeed=" + seed + ")");
        Random rnd = new Random(seed);
        Path dest = run.resolve("export-parquet");
        int midway = 0;
        boolean lastLeft = false;
        // Round 0: no earlier export, so the destination must stay absent. Round 1: an earlier
        // complete export is there, and must stay complete (or be absent for the instant between
        // the two renames that replace it).
        for (int round = 0; round < 2; round++) {
            if (round == 1) {
                Cli c = Cli.run("export", run.toString());
                assertEquals(0, c.code, c.toString());
                ExportFolder.verify(dest);
            }
            // Kill points: as soon as the temporary folder exists; once a file in it has data; a
            // random time after the folder appears.
            for (int point = 0; point < 3; point++) {
                Path log = tmp.resolve("child-" + round + "-" + point + ".log");
                Process child = start(log, "export", run.toString());
                String prefix = ".export-parquet." + child.pid() + ".";
                Path tmpFolder = awaitWriting(child, log, prefix, point == 1, Files.notExists(dest, LinkOption.NOFOLLOW_LINKS) ? dest : null);
                if (point == 2) {
                    Thread.sleep(rnd.nextInt(400));
                }
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                assertEquals(137, child.exitValue(), "killed, not finished: " + Files.readString(log));
                lastLeft = tmpFolder != null && Files.exists(tmpFolder, LinkOption.NOFOLLOW_LINKS);
                if (lastLeft) {
                    midway++; // the kill landed before the export was moved into place
                }
                System.out.println("round " + round + ", kill point " + point + ": " + (lastLeft ? "mid-export" : "after the export")
                        + ", destination " + listing(dest));
                // Each export removes the folders that the killed ones before it left.
                assertEquals(lastLeft ? List.of(tmpFolder.getFileName().toString()) : List.of(), temporaryFolders(run));
                if (round == 0) {
                    assertFalse(Files.exists(dest, LinkOption.NOFOLLOW_LINKS) && ExportFolder.complete(dest).isEmpty(),
                            "round 0, kill point " + point + ": a partial export at the destination " + listing(dest));
                } else {
                    assertTrue(Files.notExists(dest, LinkOption.NOFOLLOW_LINKS) || ExportFolder.complete(dest).isPresent(),
                            "round 1, kill point " + point + ": the earlier export is no longer complete " + listing(dest));
                }
                assertNoEmptyFileAt(dest);
            }
        }
        assertTrue(midway > 0, "at least one kill must land mid-export");

        Cli c = Cli.run("export", run.toString());
        assertEquals(0, c.code, c.toString());
        ExportFolder.Manifest m = ExportFolder.verify(dest);
        assertEquals(4, m.files().size());
        assertEquals(List.of(), temporaryFolders(run), "the next export removes what killed exports left (last kill left one: " + lastLeft + ")");
    }

    @Test
    void aDamagedStoreIsAOneLineErrorAndLeavesNoFile() throws Exception {
        Path damaged = Files.createDirectories(tmp.resolve("damaged"));
        Path file = damaged.resolve(RunCommand.STORE);
        Files.copy(run.resolve(RunCommand.STORE), file);
        // Junk over a stretch past the middle, where the series data is: the store opens, reading fails.
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[256 * 1024];
            Arrays.fill(junk, (byte) 0xAB);
            f.seek(f.length() / 2 / 4096 * 4096);
            f.write(junk);
        }
        for (String format : List.of("parquet", "csv")) {
            Cli c = Cli.run("export", damaged.toString(), "--format", format);
            assertEquals(Main.INVALID_INPUT, c.code, c.toString());
            assertEquals(1, c.err.strip().lines().count(), c.err);
            assertTrue(c.err.contains("Corrupt database file") && c.err.contains(file.toAbsolutePath().toString()), c.err);
            try (Stream<Path> s = Files.list(damaged)) {
                assertEquals(List.of(RunCommand.STORE), s.map(p -> p.getFileName().toString()).toList(), "no export folder, no 0-byte file");
            }
        }
    }

    private static Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Polls until the child writes: its temporary export folder appears (with a file holding data
     * in it, if asked), or files appear at {@code dest} itself (an export that writes in place,
     * as they did before this was fixed).
     *
     * @return the temporary folder, or null if the child writes at the destination
     */
    private static Path awaitWriting(Process child, Path log, String prefix, boolean withData, Path dest) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Optional<Path> found;
            try (Stream<Path> s = Files.list(run)) {
                found = s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst();
            }
            if (found.isPresent() && (!withData || hasData(found.get()))) {
                return found.get();
            }
            if (dest != null && Files.isDirectory(dest) && (!withData || hasData(dest))) {
                return null;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the export ended before it could be killed: " + Files.readString(log));
            }
            Thread.sleep(1);
        }
        child.destroyForcibly();
        throw new AssertionError("no temporary folder " + prefix + "* appeared");
    }

    private static boolean hasData(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.anyMatch(p -> {
                try {
                    return Files.size(p) > 0;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> temporaryFolders(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".export-parquet.")).sorted().toList();
        }
    }

    private static void assertNoEmptyFileAt(Path dest) throws IOException {
        if (!Files.isDirectory(dest)) {
            return;
        }
        try (Stream<Path> s = Files.list(dest)) {
            for (Path p : s.toList()) {
                assertTrue(Files.size(p) > 0, "0-byte " + p);
            }
        }
    }

    private static String listing(Path dest) throws IOException {
        if (!Files.isDirectory(dest)) {
            return "(absent)";
        }
        try (Stream<Path> s = Files.list(dest)) {
            List<String> l = new ArrayList<>();
            for (Path p : s.sorted().toList()) {
                l.add(p.getFileName() + " " + Files.size(p));
            }
            return l.toString();
        }
    }
}
