package org.resolve.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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
    /**
     * A failure injected into writes, for tests of what a full disk or an I/O error leaves behind
     * (a real full disk cannot be had in a test without privileges).
     */
    @FunctionalInterface
    public interface Fault {
        /**
         * Called once the text is in the temporary file, before it is renamed over the target.
         *
         * @param target the file being written
         * @throws IOException to fail the write as the disk would
         */
        void check(Path target) throws IOException;
    }

    private static volatile Fault fault;

    private AtomicFiles() {
    }

    /**
     * Makes the writes that follow consult {@code f} (for tests; none is installed otherwise).
     *
     * @param f the fault
     * @return a handle whose {@code close} removes it
     */
    public static AutoCloseable injectFault(Fault f) {
        fault = f;
        return () -> fault = null;
    }

    /**
     * @param target the file to write (its folder is created if missing)
     * @param text its new content, UTF-8
     * @throws IOException if it cannot be written, as a {@link FileSystemException} naming the
     *     target and the system's reason (such as "No space left on device"); the target is then
     *     unchanged and no temporary file is left behind
     */
    public static void write(Path target, String text) throws IOException {
        Path tmp = null;
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Fault f = fault;
            if (f != null) {
                f.check(target);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
            if (e instanceof IOException io) {
                throw named(target, io);
            }
            throw e;
        }
    }

    /**
     * @return the failure as an exception of the same kind naming the target, not the temporary
     *     file or nothing at all (a write to a full disk fails with a bare "No space left on device")
     */
    private static IOException named(Path target, IOException e) {
        String file = target.toString();
        String reason = reason(e);
        FileSystemException out;
        if (e instanceof AccessDeniedException) {
            out = new AccessDeniedException(file, null, reason);
        } else if (e instanceof NoSuchFileException) {
            out = new NoSuchFileException(file, null, reason);
        } else {
            out = new FileSystemException(file, null, reason);
        }
        out.initCause(e);
        return out;
    }

    /**
     * @param e a failed file operation
     * @return the system's reason for it, in its own words where Java kept them ("No space left on
     *     device", "Read-only file system", "Not a directory"), for one-line messages
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            if (fs.getReason() != null) {
                return fs.getReason();
            }
            return e instanceof AccessDeniedException ? "Permission denied"
                    : e instanceof NoSuchFileException ? "No such file or directory"
                    : e instanceof FileAlreadyExistsException ? "File exists"
                    : e instanceof NotDirectoryException ? "Not a directory"
                    : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
