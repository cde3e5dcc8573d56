package org.resolve.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scenario.hash() covers what a scenario means, not how its file is laid out. */
class ScenarioHashTest {
    /** A complete small scenario (no extends), block style, with comments. */
    private static final String BLOCK = """
            # A scenario written one way.
            resolve: 1
            id: hash-test
            extends: kursk-2024
            start: 2024-10-08
            days: 90
            sources:
              one:
                claimant: A claimant
                date: 2024-11-01
                publication: A paper
                quote: a few words
              two:
                claimant: Another claimant
                date: 2024-11-02
                publication: Another paper
                quote: other words
            parameters:
              wage_usd_per_month:
                value: 2000         # dollars
                unit: USD/month
                evidence: [one]
              informed_share:
                distribution:
                  type: uniform
                  low: 0.3
                  high: 0.9
                unit: fraction
                evidence: [two]
            """;

    /** The same content: other comments, indentation, flow style, quoting, key and source order. */
    private static final String FLOW = """
            resolve: 1
            id: "hash-test"
            extends: 'kursk-2024'
            # Keys in another order, and four-space indentation.
            days: 90
            start: 2024-10-08
            parameters:
                informed_share: {unit: fraction, evidence: [two], distribution: {type: uniform, low: 0.30, high: 9.0e-1}}
                wage_usd_per_month: {value: 2_000, unit: "USD/month", evidence: ["one"]}
            sources:
                two: {claimant: Another claimant, date: 2024-11-02, publication: Another paper, quote: other words}
                one:
                    claimant: A claimant
                    date: "2024-11-01"
                    publication: A paper
                    quote: "a few words"
            """;

    private static String hash(String label, String text) throws ScenarioException {
        return ScenarioLoader.fromText(label, text, null).hash();
    }

    @Test
    void layoutCommentsAndOrderDoNotChangeTheHash() throws ScenarioException {
        assertEquals(hash("block.yaml", BLOCK), hash("flow.yaml", FLOW));
    }

    @Test
    void theFileNameDoesNotChangeTheHash() throws Exception {
        assertEquals(hash("a.yaml", BLOCK), hash("elsewhere/b.yaml", BLOCK));
        assertEquals(ScenarioLoader.load(TestScenarios.MINIMAL.toString()).hash(),
                hash("copy.yaml", TestScenarios.minimal()));
        assertEquals(ScenarioLoader.load(TestScenarios.MINIMAL.toString()).hash(),
                ScenarioLoader.load(Path.of("..").resolve(Path.of("core")).resolve(TestScenarios.MINIMAL).toString()).hash());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "value: 2000         # dollars | value: 2001",
        "value: 2000         # dollars | value: 2000.0000001",   // beyond what describe() prints
        "high: 0.9                     | high: 0.9000001",
        "type: uniform                 | type: triangular\\n      mode: 0.5",
        "days: 90                      | days: 91",
        "days: 90                      | days: 90\\nknowledge_date: 2024-12-01",
        "evidence: [one]               | evidence: [two]",
        "quote: a few words            | quote: a few other words",
        "id: hash-test                 | id: hash-test-2",
    })
    void changingWhatItMeansChangesTheHash(String from, String to) throws ScenarioException {
        String changed = BLOCK.replace(from, to.replace("\\n", "\n"));
        assertNotEquals(BLOCK, changed, "the row must change the text");
        assertNotEquals(hash("block.yaml", BLOCK), hash("block.yaml", changed));
    }

    @Test
    void overridingAParameterChangesTheBundledScenariosHash() throws ScenarioException {
        String base = ScenarioLoader.load("kursk-2024").hash();
        String same = hash("same.yaml", "resolve: 1\nid: kursk-2024\nextends: kursk-2024\n");
        String other = hash("other.yaml", "resolve: 1\nid: kursk-2024\nextends: kursk-2024\nparameters:\n"
                + "  wage_usd_per_month: {value: 2100, unit: USD/month, evidence: [wsj-wage]}\n");
        assertEquals(base, same, "extending without overriding anything is the same scenario");
        assertNotEquals(base, other);
    }
}
