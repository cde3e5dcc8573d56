package org.resolve.core.observation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.resolve.core.engine.Metric;

/** The quantity table: what is a calibration target, what is parameter evidence, and the docs. */
class QuantityTest {
    /** The issue's list of quantities the model has no output for. */
    private static final Set<String> PARAMETER_EVIDENCE = Set.of("wage_usd_per_month", "regime_share_of_wage",
            "interpreters_per_30", "russian_terms_taught", "friendly_fire_killed", "assault_group_size",
            "hotline_surrenders_russians", "defector_volunteers", "leaflet_procedure_steps", "host_recruits_per_month",
            "host_casualties_per_day", "host_casualties_per_month", "regime_revenue_usd_per_year", "self_killed_in_event");

    @Test
    void theParameterEvidenceListIsExactlyTheIssuesList() {
        Set<String> got = new TreeSet<>();
        for (Quantity q : Quantity.values()) {
            if (!q.isCalibrationTarget()) {
                got.add(q.key());
            }
        }
        assertEquals(new TreeSet<>(PARAMETER_EVIDENCE), got);
    }

    @Test
    void theMappingIsTheDocumentedOne() {
        assertAll(
                () -> assertEquals(List.of(Metric.CASUALTIES), Quantity.CASUALTIES_TOTAL.metrics()),
                () -> assertEquals(List.of(Metric.KILLED), Quantity.KILLED.metrics()),
                () -> assertEquals(List.of(Metric.WOUNDED), Quantity.WOUNDED.metrics()),
                () -> assertEquals(List.of(Metric.CAPTURED, Metric.SURRENDERED), Quantity.PRISONERS.metrics()),
                () -> assertEquals(List.of(Metric.STATUS_FRONT, Metric.STATUS_RESERVE, Metric.STATUS_WOUNDED),
                        Quantity.TROOPS_IN_SECTOR.metrics()),
                () -> assertEquals(List.of(Metric.IN_THEATRE), Quantity.TROOPS_IN_RUSSIA.metrics()),
                () -> assertEquals(List.of(Metric.CASUALTIES), Quantity.CASUALTIES_IN_PERIOD.metrics()),
                () -> assertEquals(List.of(Metric.KILLED), Quantity.KILLED_IN_PERIOD.metrics()),
                () -> assertTrue(Quantity.CASUALTIES_IN_PERIOD.needsPeriod()),
                () -> assertFalse(Quantity.CASUALTIES_TOTAL.needsPeriod()));
    }

    @ParameterizedTest
    @EnumSource(Quantity.class)
    void targetsHaveMetricsAndEvidenceHasNone(Quantity q) {
        assertEquals(q.isCalibrationTarget(), !q.metrics().isEmpty(), q.key());
        assertEquals(q, Quantity.byKey(q.key()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "one week|7", "three days|3", "one weekend (Dec 14-15)|2", "10 days|10", "two weeks|14", "a day|1",
        "One Week of fighting|7", "1 day|1", "seven days|7",
        "two weekends|0", "a fortnight|0", "cumulative|0", "week|0", "0 days|0", "400 days|0", "oneweek|0", "99999 weeks|0"})
    void periodsAreReadFromTheStartOfTheScope(String scope, int days) {
        assertEquals(days, Period.days(scope), scope);
    }

    /** A table row whose first cell is a key in backticks. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\|", Pattern.MULTILINE);

    @Test
    void docsObservationsListsEveryQuantityOnce() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "OBSERVATIONS.md"));
        List<String> rows = new java.util.ArrayList<>();
        Matcher m = ROW.matcher(doc);
        while (m.find()) {
            rows.add(m.group(1));
        }
        Set<String> quantities = new TreeSet<>(Quantity.keys());
        Set<String> documented = new TreeSet<>(rows);
        documented.retainAll(quantities);
        Set<String> missing = new TreeSet<>(quantities);
        missing.removeAll(documented);
        assertTrue(missing.isEmpty(), () -> "quantities missing from docs/OBSERVATIONS.md: " + missing);
        for (String k : quantities) {
            assertEquals(1, rows.stream().filter(k::equals).count(), () -> k + " documented more than once");
        }
        for (Quantity q : Quantity.values()) {
            for (Metric metric : q.metrics()) {
                assertTrue(doc.contains("`" + metric.key() + "`"), () -> metric.key() + " of " + q.key() + " not in the docs");
            }
        }
    }
}
