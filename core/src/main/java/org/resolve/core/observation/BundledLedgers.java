package org.resolve.core.observation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The observation ledgers shipped in the jar, by id: the dated public reports a bundled scenario
 * is calibrated and backtested against, so that {@code --observations kursk-2024} works without a
 * file of one's own. A ledger is data like any user's ledger and is validated the same way.
 */
public final class BundledLedgers {
    /**
     * Every bundled ledger id. {@code kursk-2024}: the reports on the deployment to Kursk dated up
     * to 2025-01-13 (the scenario's knowledge date), with claimant, publication and note per row.
     */
    public static final List<String> IDS = List.of("kursk-2024");

    private BundledLedgers() {
    }

    /** @return the name shown in messages for a bundled ledger */
    public static String label(String id) {
        return "observations/" + id + ".csv";
    }

    /**
     * @param id a bundled id
     * @return the ledger's CSV text
     * @throws IllegalArgumentException if there is no such bundled ledger
     */
    public static String text(String id) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("no bundled ledger " + id);
        }
        try (InputStream in = BundledLedgers.class.getResourceAsStream("/org/resolve/core/observations/" + id + ".csv")) {
            if (in == null) {
                throw new IllegalStateException("bundled ledger missing from the jar: " + id);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a ledger named on the command line: a file if one exists at that path, else a bundled
     * ledger of that id, else the file's own "no such file" problem.
     *
     * @param ref a path or a bundled id
     * @return its observations
     * @throws ObservationException as {@link ObservationLedger#read} and {@link ObservationLedger#parse}
     */
    public static ObservationLedger read(String ref) throws ObservationException {
        Path p = Path.of(ref);
        if (!Files.exists(p) && IDS.contains(ref)) {
            return ObservationLedger.parse(label(ref), text(ref));
        }
        return ObservationLedger.read(p);
    }
}
