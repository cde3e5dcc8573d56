package org.resolve.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;

class ProvenanceTest {
    @ParameterizedTest
    @ValueSource(strings = {"kursk-2024", "kursk-2024-persuasion", "kursk-2024-state-media", "rotation-100k", "stress-1.2m"})
    void everyParameterHasARowWithItsSourcesOrItsAssumption(String id) throws Exception {
        Scenario sc = ScenarioLoader.load(id);
        List<Provenance.Row> rows = Provenance.rows(sc);
        assertEquals(Param.values().length, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Provenance.Row r = rows.get(i);
            assertEquals(Param.values()[i].key(), r.key(), "catalogue order");
            assertTrue(r.assumption() || !r.evidence().isEmpty(), r.key() + " is sourced or assumed");
            if (r.assumption()) {
                assertFalse(r.reason().isBlank(), r.key() + ": an assumption has its reason");
            }
            for (Provenance.Evidence e : r.evidence()) {
                assertFalse(e.claimant().isEmpty() || e.quote().isEmpty() || e.publication().isEmpty(), r.key() + " cites " + e.id());
            }
        }
    }

    @Test
    void aMixtureListsItsComponentsAndTheirSources() throws Exception {
        Provenance.Row killShare = Provenance.rows(ScenarioLoader.load("kursk-2024")).stream()
                .filter(r -> r.key().equals("casualty.kill_share")).findFirst().orElseThrow();
        assertEquals(2, killShare.components().size(), killShare.components().toString());
        assertTrue(killShare.components().get(0).contains("South Korean intelligence"), killShare.components().toString());
        assertTrue(killShare.evidence().stream().anyMatch(e -> e.id().equals("obs-B4")), "the second component's source");
        assertTrue(killShare.uncertain());
    }
}
