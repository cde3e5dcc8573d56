package org.resolve.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The model's version, recorded with every result (from the build). */
public final class ModelVersion {
    private static final String VERSION = load();

    private ModelVersion() {
    }

    /** @return the version, e.g. {@code 0.1.0} */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ModelVersion.class.getResourceAsStream("/org/resolve/core/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
