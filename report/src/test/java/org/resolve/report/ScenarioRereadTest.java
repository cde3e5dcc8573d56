package org.resolve.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.core.scenario.Bundled;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;

/** How a report re-reads the scenario its results recorded (as {@code resolve serve} records it). */
class ScenarioRereadTest {
    @Test
    void unsavedEditorTextIsNeverReplacedByAFileOrBundledScenarioOfTheSameName() throws Exception {
        Scenario bundled = ScenarioLoader.load("kursk-2024");
        ReportData.ScenarioCheck c = ReportData.resolve("kursk-2024",
                List.of(Bundled.label("kursk-2024"), ScenarioLoader.UNSAVED + " of scenarios/kursk-2024.yaml"), "edited-hash", 30, List.of(), null);
        assertNull(c.scenario(), "the bundled kursk-2024 is not what was run: " + c.note());
        assertFalse(c.exact());
        assertTrue(c.note().contains("cannot be re-read"), c.note());
        // the same bundled scenario, recorded by its id, is re-read
        ReportData.ScenarioCheck b = ReportData.resolve("kursk-2024", List.of(Bundled.label("kursk-2024")),
                bundled.with(java.util.Map.of(), 30).hash(), 30, List.of(), null);
        assertTrue(b.exact(), b.note());
    }

    @Test
    void aFileRecordedByItsAbsolutePathIsReReadWhereverTheReportRuns(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("scenarios/mine.yaml");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "resolve: 1\nid: mine\nextends: kursk-2024\n");
        Scenario sc = ScenarioLoader.load(f.toString(), tmp);
        assertEquals(f.toRealPath().toString(), sc.files().get(sc.files().size() - 1), "recorded by its real path");
        ReportData.ScenarioCheck c = ReportData.resolve("mine", sc.files(), sc.hash(), null, List.of(), null);
        assertTrue(c.exact(), c.note());
        assertTrue(c.note().contains("mine.yaml"), c.note());
    }
}
