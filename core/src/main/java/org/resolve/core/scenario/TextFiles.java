package org.resolve.core.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the text files a user names (scenario files, the files they extend, observation ledgers)
 * so that a wrong path can neither block nor read without end: the file's attributes are read
 * first and only a regular file is opened (a device such as {@code /dev/zero} never ends, and
 * opening a named pipe blocks until a writer appears); a file larger than the limit is refused
 * from its size, and at most one byte more than the limit is ever read (a file that grows while
 * it is read is refused too). The size is checked before any parsing, so the cost of reading is
 * bounded by the limit whatever the file holds.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** Why a file was not read: it is not a regular file, or it is too large. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean tooLarge;

        private Refused(boolean tooLarge, String message) {
            super(message);
            this.tooLarge = tooLarge;
        }

        /** @return true when the file is too large, false when it is not a regular file */
        public boolean tooLarge() {
            return tooLarge;
        }
    }

    /**
     * Reads a regular file of at most {@code maxBytes} bytes as UTF-8.
     *
     * @param path the file
     * @param maxBytes the largest size read
     * @param options {@link LinkOption#NOFOLLOW_LINKS} to refuse a symbolic link, or nothing to follow it
     * @return the text
     * @throws Refused when the path is not a regular file (a folder, device or pipe) or is larger than {@code maxBytes}
     * @throws java.nio.charset.CharacterCodingException when the bytes are not UTF-8
     * @throws IOException when the file cannot be read (e.g. {@link java.nio.file.NoSuchFileException})
     */
    public static String read(Path path, long maxBytes, LinkOption... options) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, options);
        if (!a.isRegularFile()) {
            throw new Refused(false, "not a regular file");
        }
        if (a.size() > maxBytes) {
            throw new Refused(true, "larger than " + size(maxBytes));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path, options)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            throw new Refused(true, "larger than " + size(maxBytes));
        }
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    /**
     * Whether a text is larger, in UTF-8, than a limit; counted without encoding it, and stopping
     * as soon as the answer is known (a text of more chars than the limit is larger).
     *
     * @param text the text
     * @param maxBytes the limit
     * @return true when the text's UTF-8 form has more than {@code maxBytes} bytes
     */
    public static boolean largerThan(CharSequence text, long maxBytes) {
        if (text.length() > maxBytes) {
            return true;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
            if (bytes > maxBytes) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param bytes a size
     * @return it for people: {@code 1 MiB}, {@code 16 MiB}, or bytes when not a whole number of MiB
     */
    public static String size(long bytes) {
        return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}
