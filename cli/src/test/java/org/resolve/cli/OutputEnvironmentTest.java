package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.store.AtomicFiles;

/**
 * Issue 13, item 6 (environment): an output folder that cannot be created and a disk that fills
 * up while meta.json is written ended with exit code 3 (an internal error, with a stack trace) and
 * left files behind. They are now one line naming the path and the system's reason, exit code 1,
 * and the folder is left as it was: what the command wrote is removed, temporary files included,
 * and a results store that was there before (a resumed run) stays usable.
 *
 * <p>Tests run as root here, which ignores permissions, so "cannot be created" is a path whose
 * parent is a regular file; a full disk is injected through {@link AtomicFiles#injectFault}.
 */
class OutputEnvironmentTest {
    private static final String[] SMALL_RUN = {"run", "--mode", "aggregate", "--replications", "4", "--days", "30", "--seed", "5"};

    @TempDir
    Path tmp;

    private static String[] with(String[] base, String... extra) {
        String[] a = new String[base.length + extra.length];
        System.arraycopy(base, 0, a, 0, base.length);
        System.arraycopy(extra, 0, a, base.length, extra.length);
        return a;
    }

    /** A full disk when a file of this name is written under the test's folder. */
    private AutoCloseable diskFullAt(String name) {
        return AtomicFiles.injectFault(target -> {
            if (target.startsWith(tmp) && target.getFileName().toString().equals(name)) {
                throw new IOException("No space left on device");
            }
        });
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertOneLineEnvironmentError(Cli c, String start) {
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        List<String> lines = c.err.lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("error: " + start), c.err);
        assertEquals(1, lines.stream().filter(l -> l.contains("error")).count(), "one line of error, after the progress: " + c.err);
        assertFalse(c.err.contains("internal error") || c.err.contains("\tat "), c.err);
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsAOneLineError() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path out = file.resolve("out");
        List<String[]> commands = List.of(with(SMALL_RUN, "--out", out.toString()),
                new String[] {"discover", "--outcome", "killed > 1", "--n", "20", "--days", "30", "--out", out.toString()},
                new String[] {"sensitivity", "--method", "morris", "--n", "2", "--days", "30", "--resamples", "0", "--out",
                    out.toString()},
                new String[] {"compare", "kursk-2024", "kursk-2024", "--mode", "aggregate", "--replications", "2", "--days", "30",
                    "--out", out.toString()});
        for (String[] args : commands) {
            Cli c = Cli.run(args);
            assertOneLineEnvironmentError(c, "cannot write " + out);
            assertTrue(c.err.contains(": Not a directory"), "the system's reason: " + c.err);
            assertEquals("x", Files.readString(file));
        }
    }

    @Test
    void aFullDiskWhileWritingMetaLeavesNothingBehind() throws Exception {
        Path out = tmp.resolve("full");
        Cli c;
        try (AutoCloseable fault = diskFullAt("meta.json")) {
            c = Cli.run(with(SMALL_RUN, "--out", out.toString()));
        }
        assertOneLineEnvironmentError(c, "cannot write " + out.resolve("meta.json") + ": No space left on device; removed what"
                + " this command had written to " + out);
        assertFalse(Files.exists(out), "the folder the run created is gone, with its store, CSV files and temporary files");
        assertEquals(List.of(), names(tmp));
    }

    @Test
    void aFolderThatWasThereKeepsWhatItHeld() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Cli c;
        try (AutoCloseable fault = diskFullAt("meta.json")) {
            c = Cli.run(with(SMALL_RUN, "--out", out.toString()));
        }
        assertOneLineEnvironmentError(c, "cannot write " + out.resolve("meta.json") + ": No space left on device");
        assertEquals(List.of("notes.txt"), names(out));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void aResumedStoreStaysIntactAndResumable() throws Exception {
        Path out = tmp.resolve("res");
        Cli first = Cli.run(with(SMALL_RUN, "--out", out.toString()));
        assertEquals(0, first.code, first.toString());
        String kpis = Files.readString(out.resolve("kpis.csv"));
        String meta = Files.readString(out.resolve("meta.json"));
        List<String> files = names(out);
        Cli c;
        try (AutoCloseable fault = diskFullAt("meta.json")) {
            c = Cli.run(with(SMALL_RUN, "--out", out.toString(), "--resume"));
        }
        assertOneLineEnvironmentError(c, "cannot write " + out.resolve("meta.json") + ": No space left on device");
        assertTrue(c.err.contains("the results store that was there is kept"), c.err);
        assertEquals(files, names(out), "no .partial, no .wal, nothing new");
        assertEquals(meta, Files.readString(out.resolve("meta.json")), "meta.json is not half written");
        Cli again = Cli.run(with(SMALL_RUN, "--out", out.toString(), "--resume"));
        assertEquals(0, again.code, again.toString());
        assertEquals(kpis, Files.readString(out.resolve("kpis.csv")), "the store still holds every run");
    }

    @Test
    void aFullDiskWhileDiscoverWritesItsBoxesLeavesNothingBehind() throws Exception {
        Path out = tmp.resolve("disc");
        Cli c;
        try (AutoCloseable fault = diskFullAt("discover.csv")) {
            c = Cli.run("discover", "--outcome", "killed > 1", "--n", "20", "--days", "30", "--out", out.toString());
        }
        assertOneLineEnvironmentError(c, "cannot write " + out.resolve("discover.csv") + ": No space left on device");
        assertFalse(Files.exists(out), "the store and the folder are gone");
    }
}
