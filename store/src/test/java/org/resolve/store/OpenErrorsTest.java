package org.resolve.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A store that cannot be opened gives one clear line and is left byte for byte as it was. */
class OpenErrorsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aCorruptFileIsRefusedAndLeftUntouched(boolean withDuckDbMagic) throws Exception {
        long seed = System.nanoTime();
        System.out.println("OpenErrorsTest corrupt-file seed: " + seed);
        byte[] junk = new byte[1 << 16];
        new Random(seed).nextBytes(junk);
        if (withDuckDbMagic) {
            // Past our own check of the magic bytes: DuckDB itself must refuse it.
            System.arraycopy("DUCK".getBytes(StandardCharsets.US_ASCII), 0, junk, 8, 4);
        }
        Path file = dir.resolve("corrupt.duckdb");
        Files.write(file, junk);
        String before = StoreTesting.sha256(file);
        StoreException e = assertThrows(StoreException.class, () -> ResultsStore.open(file));
        String msg = e.getMessage();
        System.out.println(msg);
        assertFalse(msg.contains("\n"), msg);
        assertTrue(msg.startsWith("cannot open results store " + file.toAbsolutePath()), msg);
        assertTrue(msg.contains(withDuckDbMagic ? "corrupt DuckDB database (left untouched" : "not a DuckDB database (left untouched)"), msg);
        assertEquals(before, StoreTesting.sha256(file));
        assertFalse(Files.exists(Path.of(file + ".wal")));
    }

    @Test
    void aFileLockedByAnotherProcessIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("held.duckdb");
        StoreTesting.Child child = StoreTesting.start(List.of(), "hold", file.toString());
        try {
            assertNotNull(child.await("ready", 60), child.output());
            String before = StoreTesting.sha256(file);
            StoreException e = assertThrows(StoreException.class, () -> ResultsStore.open(file));
            String msg = e.getMessage();
            System.out.println(msg);
            assertFalse(msg.contains("\n"), msg);
            assertEquals("cannot open results store " + file.toAbsolutePath() + ": locked by another process (pid "
                    + child.process.pid() + "); close that process or choose another file", msg);
            assertEquals(before, StoreTesting.sha256(file));
        } finally {
            child.process.getOutputStream().close(); // the child closes its store and exits
            assertTrue(child.process.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(0, child.process.exitValue(), child.output());
        try (ResultsStore store = ResultsStore.open(file)) {
            assertTrue(store.sweeps().isEmpty());
        }
    }

    @Test
    void aFileOpenInThisProcessIsRefused() {
        Path file = dir.resolve("twice.duckdb");
        try (ResultsStore store = ResultsStore.open(file)) {
            StoreException e = assertThrows(StoreException.class, () -> ResultsStore.open(dir.resolve("./twice.duckdb")));
            assertTrue(e.getMessage().endsWith("already open in this process; close it first"), e.getMessage());
            assertFalse(store.isClosed());
        }
        ResultsStore.open(file).close();
    }

    @Test
    void aFolderIsRefused() {
        StoreException e = assertThrows(StoreException.class, () -> ResultsStore.open(dir));
        assertTrue(e.getMessage().contains("it is a folder"), e.getMessage());
    }
}
