package org.resolve.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.resolve.core.engine.Metric;
import org.resolve.core.model.Param;

/**
 * Keeps the user documentation in step with the code: every metric the engines record is described
 * in docs/METRICS.md, and every parameter of the catalogue in docs/PARAMETERS.md and docs/ODD.md.
 * A key counts as documented only when it appears in code format (between backticks), so a key that
 * happens to be an ordinary word ("killed") is not found by accident in running text.
 *
 * <p>Maven runs tests from the module folder, so the docs are one level up.
 */
class DocsInSyncTest {
    private static final Path DOCS = Path.of("..", "docs");
    /** A table row whose first cell is a key in backticks, as in docs/PARAMETERS.md. */
    private static final Pattern ROW_KEY = Pattern.compile("(?m)^\\| `([^`]+)` \\|");

    private static String read(String name) throws IOException {
        Path p = DOCS.resolve(name);
        assertTrue(Files.isRegularFile(p), () -> p.toAbsolutePath() + " is missing");
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static List<String> missing(String text, List<String> keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (!text.contains("`" + k + "`")) {
                out.add(k);
            }
        }
        return out;
    }

    private static List<String> metricKeys() {
        List<String> keys = new ArrayList<>();
        for (Metric m : Metric.values()) {
            keys.add(m.key());
        }
        return keys;
    }

    private static List<String> paramKeys() {
        List<String> keys = new ArrayList<>();
        for (Param p : Param.values()) {
            keys.add(p.key());
        }
        return keys;
    }

    @Test
    void everyMetricIsInMetricsMd() throws IOException {
        assertEquals(List.of(), missing(read("METRICS.md"), metricKeys()),
                "metrics not described in docs/METRICS.md");
    }

    @Test
    void everyParameterIsInParametersMd() throws IOException {
        assertEquals(List.of(), missing(read("PARAMETERS.md"), paramKeys()),
                "parameters not described in docs/PARAMETERS.md");
    }

    @Test
    void everyParameterIsInOddMd() throws IOException {
        assertEquals(List.of(), missing(read("ODD.md"), paramKeys()),
                "parameters not described in docs/ODD.md");
    }

    @Test
    void parametersMdDescribesNoParameterThatIsGone() throws IOException {
        List<String> stale = new ArrayList<>();
        Matcher m = ROW_KEY.matcher(read("PARAMETERS.md"));
        while (m.find()) {
            if (Param.byKey(m.group(1)) == null) {
                stale.add(m.group(1));
            }
        }
        assertEquals(List.of(), stale, "rows of docs/PARAMETERS.md that name no catalogue parameter");
    }
}
