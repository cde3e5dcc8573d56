package org.resolve.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports are folders that appear complete or not at all (issue 13, item 7): a manifest of sizes
 * and SHA-256 written last, a reader that refuses anything else, a destination that is replaced
 * only when it is an earlier export, a damaged store that leaves no file behind, and temporary
 * folders of killed exports removed by the next export.
 */
class ExportFolderTest {
    private static final List<String> PARQUET = List.of("sweep.parquet", "runs.parquet", "series.parquet", "kpis.parquet");

    @TempDir
    static Path shared;
    private static Path storeFile;
    private static String sweepId;

    @TempDir
    Path tmp;

    @BeforeAll
    static void store() {
        Sweep sweep = StoreTesting.aggregateSweep(150, 120);
        storeFile = shared.resolve("s.duckdb");
        try (ResultsStore store = ResultsStore.open(storeFile)) {
            new SweepRunner(store, 2).run(sweep, SweepProgress.NONE);
        }
        sweepId = sweep.id();
    }

    @Test
    void anExportIsAFolderWithAManifestOfSizesAndChecksumsThatAReaderVerifies() throws Exception {
        Path dest = tmp.resolve("out").resolve("export-parquet");
        Map<Path, Long> written;
        try (ResultsStore store = ResultsStore.open(storeFile)) {
            written = store.exportParquet(dest, sweepId);
        }
        assertEquals(PARQUET.stream().map(n -> dest.toAbsolutePath().resolve(n)).toList(), List.copyOf(written.keySet()));
        ExportFolder.Manifest m = ExportFolder.verify(dest);
        assertEquals(sweepId, m.sweepId());
        assertEquals("parquet", m.format());
        for (ExportFolder.Entry e : m.files()) {
            Path f = dest.resolve(e.name());
            assertEquals(Files.size(f), e.bytes(), e.name());
            assertEquals(StoreTesting.sha256(f), e.sha256(), e.name());
            assertEquals(written.get(f.toAbsolutePath()), e.rows(), e.name());
            assertTrue(e.bytes() > 0, e.name());
        }
        assertEquals(List.of("out"), names(tmp), "nothing left beside the export");
        assertEquals(List.of("export-parquet"), names(tmp.resolve("out")), "no temporary folder left");

        // The reader refuses a folder whose files differ from the manifest in any way.
        Path series = dest.resolve("series.parquet");
        byte[] whole = Files.readAllBytes(series);
        Files.write(series, Arrays.copyOf(whole, whole.length / 2));
        assertIncomplete(dest, "series.parquet has " + whole.length / 2 + " bytes");
        Files.write(series, new byte[0]);
        assertIncomplete(dest, "series.parquet has 0 bytes");
        byte[] flipped = whole.clone();
        flipped[whole.length / 2] ^= 1;
        Files.write(series, flipped);
        assertIncomplete(dest, "series.parquet does not match its SHA-256");
        Files.delete(series);
        assertIncomplete(dest, "series.parquet is missing");
        Files.write(series, whole);
        ExportFolder.verify(dest);
        Files.writeString(dest.resolve(ExportFolder.MANIFEST), "{\"kind\": \"resolve-export\", \"files\": [");
        assertIncomplete(dest, "manifest.json is not valid JSON");
        Files.delete(dest.resolve(ExportFolder.MANIFEST));
        assertIncomplete(dest, "it has no manifest.json");
        assertIncomplete(tmp.resolve("absent"), "it does not exist");
    }

    @Test
    void anEarlierExportIsReplacedWholeAndAnEmptyFolderIsUsed() throws Exception {
        Path dest = tmp.resolve("csv");
        Files.createDirectories(dest);
        try (ResultsStore store = ResultsStore.open(storeFile)) {
            store.exportCsv(dest, sweepId); // an empty folder
            String before = Files.readString(dest.resolve(ExportFolder.MANIFEST));
            // An earlier export, even one damaged since (a file truncated), is replaced whole.
            Files.write(dest.resolve("series.csv"), new byte[0]);
            store.exportCsv(dest, sweepId);
            assertEquals(before, Files.readString(dest.resolve(ExportFolder.MANIFEST)), "same sweep, same files");
            ExportFolder.verify(dest);
            assertEquals(List.of("csv"), names(tmp), "the earlier export moved aside is gone too");
        }
    }

    @Test
    void aFolderHoldingOtherFilesIsRefusedAndLeftAsItWas() throws Exception {
        Path dest = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dest.resolve("sweep.csv"), "my own sweep table\n");
        Files.writeString(dest.resolve("notes.txt"), "mine\n");
        try (ResultsStore store = ResultsStore.open(storeFile)) {
            StoreException e = assertThrows(StoreException.class, () -> store.exportCsv(dest, sweepId));
            assertTrue(e.getMessage().contains(dest.toAbsolutePath().toString()) && e.getMessage().contains("sweep.csv, which the export"
                    + " would overwrite"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            assertEquals("my own sweep table\n", Files.readString(dest.resolve("sweep.csv")));
            assertEquals(List.of("notes.txt", "sweep.csv"), names(dest));
            assertEquals(List.of("run"), names(tmp), "no temporary folder left");

            // A file the export would not overwrite, but would remove with the folder, is refused too.
            Files.delete(dest.resolve("sweep.csv"));
            e = assertThrows(StoreException.class, () -> store.exportParquet(dest, sweepId));
            assertTrue(e.getMessage().contains("notes.txt, which the export would remove"), e.getMessage());

            // So is a file added to an earlier export, and a manifest that is not one.
            Path earlier = tmp.resolve("earlier");
            store.exportParquet(earlier, sweepId);
            Files.writeString(earlier.resolve("analysis.ipynb"), "{}");
            e = assertThrows(StoreException.class, () -> store.exportParquet(earlier, sweepId));
            assertTrue(e.getMessage().contains("analysis.ipynb") && e.getMessage().contains("does not list it"), e.getMessage());
            assertEquals("{}", Files.readString(earlier.resolve("analysis.ipynb")));
            Path fake = Files.createDirectories(tmp.resolve("fake"));
            Files.writeString(fake.resolve(ExportFolder.MANIFEST), "{\"files\": \"everything\"}");
            Files.writeString(fake.resolve("kpis.parquet"), "mine");
            e = assertThrows(StoreException.class, () -> store.exportParquet(fake, sweepId));
            assertTrue(e.getMessage().contains("kpis.parquet, which the export would overwrite"), e.getMessage());
            assertEquals("mine", Files.readString(fake.resolve("kpis.parquet")));

            // A link or a file at the destination is never replaced or written through.
            Path victim = Files.createDirectories(tmp.resolve("victim"));
            Path link = Files.createSymbolicLink(tmp.resolve("link"), victim);
            e = assertThrows(StoreException.class, () -> store.exportParquet(link, sweepId));
            assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
            assertTrue(Files.isSymbolicLink(link));
            assertEquals(List.of(), names(victim));
            Path file = Files.writeString(tmp.resolve("file"), "x");
            e = assertThrows(StoreException.class, () -> store.exportParquet(file, sweepId));
            assertTrue(e.getMessage().contains("is a file"), e.getMessage());
            assertEquals("x", Files.readString(file));
        }
    }

    @Test
    void aDamagedStoreGivesAClearErrorAndLeavesNoFileBehind() throws Exception {
        Path damaged = tmp.resolve("damaged.duckdb");
        Files.copy(storeFile, damaged);
        // Junk over a stretch past the middle of the file, where the series data blocks are: the
        // store still opens (its catalog is intact), and reading the series fails its checksums.
        try (RandomAccessFile f = new RandomAccessFile(damaged.toFile(), "rw")) {
            byte[] junk = new byte[256 * 1024];
            Arrays.fill(junk, (byte) 0xAB);
            f.seek(f.length() / 2 / 4096 * 4096);
            f.write(junk);
        }
        try (ResultsStore store = ResultsStore.open(damaged)) {
            for (String format : List.of("parquet", "csv")) {
                Path dest = tmp.resolve("export-" + format);
                StoreException e = assertThrows(StoreException.class, () -> export(store, format, dest));
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
                assertTrue(e.getMessage().contains("Corrupt database file") && e.getMessage().contains(damaged.toAbsolutePath().toString()),
                        e.getMessage());
                assertFalse(Files.exists(dest, LinkOption.NOFOLLOW_LINKS), "no export folder, so no 0-byte file: " + names(tmp));
            }
        }
        assertEquals(List.of("damaged.duckdb"), names(tmp), "nothing left behind");
    }

    @Test
    void theTemporaryFolderOfAKilledExportIsRemovedByTheNextAndOneUnderWayIsNot() throws Exception {
        // A process that has ended stands for a killed export; a running one for an export under way.
        Process ended = new ProcessBuilder("true").start();
        assertTrue(ended.waitFor(30, TimeUnit.SECONDS));
        Process running = new ProcessBuilder("sleep", "60").start();
        try {
            Path dest = tmp.resolve("export-parquet");
            Path stale = Files.createDirectories(tmp.resolve(".export-parquet." + ended.pid() + ".123456789"));
            Files.write(stale.resolve("series.parquet"), new byte[1000]);
            Path staleAside = Files.createDirectories(tmp.resolve(".export-parquet." + ended.pid() + ".42.old"));
            Path busy = Files.createDirectories(tmp.resolve(".export-parquet." + running.pid() + ".987654321"));
            Path other = Files.createDirectories(tmp.resolve(".export-csv." + ended.pid() + ".5"));
            try (ResultsStore store = ResultsStore.open(storeFile)) {
                store.exportParquet(dest, sweepId);
            }
            ExportFolder.verify(dest);
            assertFalse(Files.exists(stale), "a killed export's folder is removed");
            assertFalse(Files.exists(staleAside), "a killed replacement's folder is removed");
            assertTrue(Files.isDirectory(busy), "a running export's folder is left alone");
            assertTrue(Files.isDirectory(other), "another destination's folder is left to its own exports");
        } finally {
            running.destroyForcibly();
        }
    }

    private static void export(ResultsStore store, String format, Path dest) {
        if (format.equals("csv")) {
            store.exportCsv(dest, sweepId);
        } else {
            store.exportParquet(dest, sweepId);
        }
    }

    private static void assertIncomplete(Path dir, String why) {
        StoreException e = assertThrows(StoreException.class, () -> ExportFolder.verify(dir));
        assertTrue(e.getMessage().contains(why) && e.getMessage().contains("is not a complete export"), e.getMessage());
        assertTrue(ExportFolder.complete(dir).isEmpty());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
