package org.resolve.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a reader sees either the old content or the whole new content, and so that
 * nothing planted beside it can redirect the write: the text goes into a temporary file created
 * fresh (a new, unpredictable name in the target's own folder, created with CREATE_NEW, so an
 * existing file or symbolic link is never opened), which is then renamed over the target (a rename
 * replaces a symbolic link at the target itself, it does not write through it).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * @param target the file to write (its folder is created if missing)
     * @param text its new content, UTF-8
     * @throws IOException if it cannot be written; the target is then unchanged and no temporary
     *     file is left behind
     */
    public static void write(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
