package org.resolve.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Text on its way to a terminal, with its control characters made visible. Scenario titles,
 * descriptions, file names, report ids and every other text a user supplies reach the standard
 * output and error streams; a control character in them would be obeyed by the terminal: an
 * escape sequence can retitle the window, recolour or erase what was printed, move the cursor,
 * or (in some terminals) write files or open links. Every such character is printed instead as a
 * visible escape, {@code \x1b} for ESC: the C0 controls (U+0000-U+001F) but line feed and tab,
 * DEL (U+007F) and the C1 controls (U+0080-U+009F, which some terminals also obey). An escape
 * sequence is disarmed by its introducer alone: what follows it is printable text.
 *
 * <p>{@link Main#execute} wraps both streams with {@link #writer}, so every printing path goes
 * through {@link #safe}; one-line messages (errors, problems, headings that show a user's text)
 * also go through {@link #line}, which escapes line breaks and tabs too, so that a text cannot
 * forge a line of its own.
 */
final class Terminal {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Terminal() {
    }

    /** @return whether the terminal would obey {@code c} rather than print it (keeping line feed and tab) */
    static boolean control(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
    }

    /** @return {@code s} with every control character but line feed and tab written as {@code \xHH}; null as "null" */
    static String safe(String s) {
        return escape(String.valueOf(s), false);
    }

    /** @return {@code s} on one line: every control character, line feeds and tabs included, written as {@code \xHH} */
    static String line(String s) {
        return escape(String.valueOf(s), true);
    }

    private static String escape(String s, boolean oneLine) {
        int i = 0;
        while (i < s.length() && !(control(s.charAt(i)) || (oneLine && (s.charAt(i) == '\n' || s.charAt(i) == '\t')))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (control(c) || (oneLine && (c == '\n' || c == '\t'))) {
                sb.append("\\x").append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * @param target a stream to the terminal (or a file, a pipe)
     * @return a writer that prints everything through {@link #safe} to {@code target}, flushing
     *     it on {@code println}, {@code printf} and {@code flush}; closing it leaves {@code target} open
     */
    static PrintWriter writer(PrintWriter target) {
        return new PrintWriter(new Safe(target), true);
    }

    /** The filter behind {@link #writer}. */
    private static final class Safe extends Writer {
        private final PrintWriter target;

        Safe(PrintWriter target) {
            this.target = target;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            target.write(safe(new String(cbuf, off, len)));
        }

        @Override
        public void write(String str, int off, int len) {
            target.write(safe(str.substring(off, off + len)));
        }

        @Override
        public void flush() {
            target.flush();
        }

        @Override
        public void close() {
            target.flush();
        }
    }
}
