package org.resolve.report;

/**
 * HTML text helpers. Every text that comes from a scenario, a CSV file or meta.json goes through
 * {@link #escape} before it reaches the page, so a quote cannot inject markup.
 */
public final class Html {
    private Html() {
    }

    /**
     * Escapes text for an HTML (and XML) element or a double- or single-quoted attribute.
     * Control characters other than tab, newline and carriage return are dropped: they are not
     * allowed in XML, and the report is kept well-formed XML as well as HTML.
     *
     * @param s any text, or null (gives the empty string)
     * @return the text with {@code & < > " '} replaced by character references
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
