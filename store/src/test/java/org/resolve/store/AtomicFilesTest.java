package org.resolve.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes that cannot be redirected by files planted beside the target: the temporary file is new
 * and unpredictably named, a link at the target is replaced rather than written through, and a
 * failed write leaves the target and the folder as they were.
 */
class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aLinkPlantedAtTheOldTemporaryNameIsNeverFollowed() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Path victim = tmp.resolve("victim.txt");
        Files.writeString(victim, "KEEP");
        for (String planted : new String[] {"meta.json.partial", "meta.json.tmp", ".meta.json.partial"}) {
            Files.createSymbolicLink(dir.resolve(planted), victim);
        }
        AtomicFiles.write(dir.resolve("meta.json"), "{}\n");
        assertEquals("KEEP", Files.readString(victim));
        assertEquals("{}\n", Files.readString(dir.resolve("meta.json")));
        try (var files = Files.list(dir)) {
            assertEquals(4, files.count(), "the target and the three planted links, nothing else");
        }
    }

    @Test
    void aLinkAtTheTargetIsReplacedNotWrittenThrough() throws Exception {
        Path victim = tmp.resolve("victim.txt");
        Files.writeString(victim, "KEEP");
        Path target = tmp.resolve("report.html");
        Files.createSymbolicLink(target, victim);
        AtomicFiles.write(target, "<html/>");
        assertEquals("KEEP", Files.readString(victim));
        assertTrue(Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS));
        assertEquals("<html/>", Files.readString(target));
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("ro"));
        Path target = dir.resolve("a.txt");
        Files.writeString(target, "OLD");
        // The target is a folder that is not empty: the final rename fails after the text is written.
        Path blocked = Files.createDirectories(dir.resolve("b.txt"));
        Files.writeString(blocked.resolve("inside"), "x");
        assertThrows(IOException.class, () -> AtomicFiles.write(blocked, "NEW"));
        assertEquals("OLD", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left: " + dir);
        }
    }

    /** A full disk (injected) fails the write naming the target and the system's reason, not a temporary file. */
    @Test
    void aFailureNamesTheTargetAndTheSystemsReason() throws Exception {
        Path target = tmp.resolve("meta.json");
        Files.writeString(target, "OLD");
        try (AutoCloseable fault = AtomicFiles.injectFault(t -> {
            throw new IOException("No space left on device");
        })) {
            FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicFiles.write(target, "NEW"));
            assertEquals(target.toString(), e.getFile());
            assertEquals("No space left on device", e.getReason());
        }
        assertEquals("OLD", Files.readString(target));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
        AtomicFiles.write(target, "NEW");
        assertEquals("NEW", Files.readString(target), "the fault is gone once closed");
    }
}
