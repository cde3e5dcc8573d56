package org.resolve.core.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The scenarios shipped in the jar, by id. */
public final class Bundled {
    /** The default scenario. */
    public static final String DEFAULT = "kursk-2024";

    /** Every bundled scenario id, default first. */
    public static final List<String> IDS = List.of(
            "kursk-2024", "kursk-2024-persuasion", "kursk-2024-state-media", "rotation-100k", "stress-1.2m");

    private Bundled() {
    }

    /** @return the resource path of a bundled scenario */
    static String resource(String id) {
        return "/org/resolve/core/scenarios/" + id + ".yaml";
    }

    /** @return the name shown in messages for a bundled scenario */
    public static String label(String id) {
        return "scenarios/" + id + ".yaml";
    }

    /**
     * @param id a bundled id
     * @return the file's text
     * @throws IllegalArgumentException if there is no such bundled scenario
     */
    public static String text(String id) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("no bundled scenario " + id);
        }
        try (InputStream in = Bundled.class.getResourceAsStream(resource(id))) {
            if (in == null) {
                throw new IllegalStateException("bundled scenario missing from the jar: " + id);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
