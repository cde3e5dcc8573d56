package org.resolve.core.observation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.core.scenario.Location;
import org.resolve.core.scenario.Problem;

/** The shared observation file, and reading rules that the one-mistake corpus cannot show. */
class ObservationLedgerTest {
    /** A copy of the shared evidence file observations-to-2025-01-13.csv (the original may not exist in CI). */
    static final Path SHARED = Path.of("src/test/resources/observations/observations-to-2025-01-13.csv");
    private static final String HEADER = Column.HEADER + "\n";

    @Test
    void theSharedFileParsesWithTheExpectedCounts() throws ObservationException {
        ObservationLedger l = ObservationLedger.read(SHARED);
        assertEquals(39, l.observations().size());
        Map<Quantity, Integer> q = l.countByQuantity();
        assertAll(
                () -> assertEquals(5, q.get(Quantity.CASUALTIES_TOTAL)),
                () -> assertEquals(2, q.get(Quantity.CASUALTIES_IN_PERIOD)),
                () -> assertEquals(1, q.get(Quantity.KILLED_IN_PERIOD)),
                () -> assertEquals(2, q.get(Quantity.KILLED)),
                () -> assertEquals(2, q.get(Quantity.WOUNDED)),
                () -> assertEquals(1, q.get(Quantity.PRISONERS)),
                () -> assertEquals(5, q.get(Quantity.TROOPS_IN_SECTOR)),
                () -> assertEquals(7, q.get(Quantity.TROOPS_IN_RUSSIA)),
                () -> assertEquals(25, l.calibrationTargets().size()),
                () -> assertEquals(14, l.parameterEvidence().size()),
                () -> assertEquals(22, q.size(), "every quantity in the file, once: " + q.keySet()));
        assertEquals(Map.of(ObservationKind.POINT, 13, ObservationKind.APPROX, 12, ObservationKind.LOWER, 10,
                ObservationKind.UPPER, 1, ObservationKind.RANGE, 3), l.countByKind());
    }

    @Test
    void theSharedFileKeepsValuesPeriodsAndLocations() throws ObservationException {
        ObservationLedger l = ObservationLedger.read(SHARED);
        Map<String, Observation> byId = new java.util.HashMap<>();
        l.observations().forEach(o -> byId.put(o.id(), o));
        Observation a9b = byId.get("A9b");
        Observation a10a = byId.get("A10a");
        assertAll(
                () -> assertEquals(ObservationKind.UPPER, a9b.kind()),
                () -> assertEquals(0.0, a9b.low()),
                () -> assertEquals(8000.0, a9b.high()),
                () -> assertTrue(Double.isNaN(a10a.high()), "empty high is NaN"),
                () -> assertEquals(LocalDate.of(2024, 11, 5), a10a.published()),
                () -> assertEquals(2, byId.get("B2").periodDays(), "one weekend (Dec 14-15)"),
                () -> assertEquals(3, byId.get("B4").periodDays(), "three days"),
                () -> assertEquals(7, byId.get("B8").periodDays(), "one week"),
                () -> assertEquals(0, byId.get("B3").periodDays()),
                () -> assertEquals(new Location(SHARED.toString(), 3, 1), byId.get("A3").location()),
                () -> assertEquals(new Location(SHARED.toString(), 2, 48), byId.get("A1").location(Column.KIND)),
                () -> assertEquals("", byId.get("D4").scope()),
                () -> assertEquals(2e8, byId.get("D2").low()));
        assertEquals(l.observations().size() - 3, l.publishedBy(LocalDate.of(2025, 1, 13)).observations().size(),
                "B12a, B12b and C5 were published on 2025-01-14");
    }

    @Test
    void everyProblemInTheFileIsReportedInFileOrder() {
        String text = HEADER
                + "X1,2024-13-01,C,killed,point,1,1,cumulative,P,2024-12-01,\n"          // bad date
                + "X2,2024-12-01,C,kiled,pont,1,1,cumulative,P,2024-12-01,\n"            // two in one row
                + "X3,2024-12-01,C,killed,point,1,1,cumulative,P,2024-12-01,\n"          // fine
                + "X1,2024-12-01,C,killed,range,5,2,cumulative,P,2024-11-01,\n";         // three in one row
        ObservationException e = assertThrows(ObservationException.class, () -> ObservationLedger.parse("f.csv", text));
        List<String> where = e.problems().stream().map(p -> p.location() + " " + p.subject()).toList();
        assertEquals(List.of("f.csv:2:4 X1.date", "f.csv:3:17 X2.quantity", "f.csv:3:23 X2.kind", "f.csv:5:1 X1.id",
                "f.csv:5:30 X1.low", "f.csv:5:47 X1.published"), where);
        assertTrue(e.problems().get(1).problem().contains("did you mean 'killed'"), e.getMessage());
        assertTrue(e.problems().get(2).problem().contains("did you mean 'point'"), e.getMessage());
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaksAndLinesStayRight() throws ObservationException {
        String text = "\uFEFF" + HEADER
                + "Q1,2024-12-01,\"Ukraine HUR, via SBU\",killed,point,1,,cumulative,P,2024-12-01,\"a\nb, \"\"c\"\"\"\r\n"
                + "\n"
                + "Q2, 2024-12-02 ,C,killed,lower,3,,cumulative,P,2024-12-02,\n";
        ObservationLedger l = ObservationLedger.parse("q.csv", text);
        Observation q1 = l.observations().get(0);
        Observation q2 = l.observations().get(1);
        assertAll(
                () -> assertEquals("Ukraine HUR, via SBU", q1.claimant()),
                () -> assertEquals("a\nb, \"c\"", q1.note()),
                () -> assertTrue(Double.isNaN(q1.high())),
                () -> assertEquals(1.0, q1.value()),
                () -> assertEquals(new Location("q.csv", 5, 1), q2.location(), "a line break inside quotes counts"),
                () -> assertEquals(new Location("q.csv", 5, 5), q2.location(Column.DATE), "column after the blanks"),
                () -> assertEquals(LocalDate.of(2024, 12, 2), q2.date()));
    }

    @Test
    void aHeaderOnlyFileIsAnEmptyLedgerAndAnEmptyFileIsAProblem() throws ObservationException {
        assertEquals(0, ObservationLedger.parse("h.csv", HEADER).observations().size());
        ObservationException e = assertThrows(ObservationException.class, () -> ObservationLedger.parse("e.csv", "\n"));
        assertEquals("e.csv:1:1: header: empty file; expected the header " + Column.HEADER, e.getMessage());
    }

    @Test
    void aMissingFileIsOneLocatedProblemNotAStackTrace() {
        ObservationException e = assertThrows(ObservationException.class,
                () -> ObservationLedger.read(Path.of("src/test/resources/observations/no-such.csv")));
        Problem p = e.problems().get(0);
        assertEquals("src/test/resources/observations/no-such.csv:0:0: file: no such file; expected the path of an observation CSV file",
                p.toString());
    }

    @Test
    void rowsWithTheWrongNumberOfFieldsAreReportedEachAndSkipped() {
        String text = HEADER
                + "R1,2024-12-01,C,killed,point,1,1,cumulative,P,2024-12-01\n"
                + "R2,2024-12-01,C,killed,point,1,1,cumulative,P,2024-12-01,,\n";
        ObservationException e = assertThrows(ObservationException.class, () -> ObservationLedger.parse("n.csv", text));
        assertEquals(List.of("n.csv:2:57: R1: the row has 10 fields", "n.csv:3:59: R2: the row has 12 fields"),
                e.problems().stream().map(p -> p.location() + ": " + p.subject() + ": " + p.problem()).toList());
    }

    @Test
    void infiniteAndHexNumbersAreNotNumbers() {
        for (String bad : List.of("Infinity", "1e999", "0x10", "1 000", "--1")) {
            String text = HEADER + "N1,2024-12-01,C,killed,lower," + bad + ",,cumulative,P,2024-12-01,\n";
            ObservationException e = assertThrows(ObservationException.class, () -> ObservationLedger.parse("x.csv", text), bad);
            assertEquals(1, e.problems().size(), e.getMessage());
            assertEquals("N1.low", e.problems().get(0).subject(), bad);
        }
    }

    @Test
    void syntheticObservationsObeyTheSameRules() {
        LocalDate d = LocalDate.of(2024, 12, 1);
        assertThrows(IllegalArgumentException.class,
                () -> Observation.synthetic("S", d, "C", Quantity.KILLED, ObservationKind.LOWER, 1, 2, 0, "s"));
        assertThrows(IllegalArgumentException.class,
                () -> Observation.synthetic("S", d, "C", Quantity.KILLED, ObservationKind.RANGE, 3, 2, 0, "s"));
        assertThrows(IllegalArgumentException.class,
                () -> Observation.synthetic("S", d, "C", Quantity.KILLED_IN_PERIOD, ObservationKind.POINT, 3, 3, 0, "s"));
        Observation ok = Observation.synthetic("S", d, "C", Quantity.KILLED_IN_PERIOD, ObservationKind.POINT, 3, 3, 7, "s");
        assertEquals(new Location("s", 0, 0), ok.location(Column.NOTE));
        assertThrows(IllegalStateException.class, () -> ok.withFigure(ObservationKind.UPPER, Double.NaN, 4).value());
        assertNull(ObservationKind.byKey("POINT"), "kinds are lower case in the file");
    }

    // Files that are not regular files, and size before parsing (issue 13, items 6 and 8): each is
    // refused at once; the guard only keeps a regression from hanging the build.

    private static Problem refused(Path p) {
        ObservationException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(ObservationException.class, () -> ObservationLedger.read(p)));
        assertEquals(1, e.problems().size(), e::getMessage);
        return e.problems().get(0);
    }

    @Test
    void aPipeADeviceAndAFolderAreRefusedWithoutBeingRead(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo.csv");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            mk = null;
        }
        if (mk != null && mk.waitFor() == 0) {
            assertEquals(fifo + ":0:0: file: not a regular file (a folder, device or pipe); expected the path of an observation CSV file",
                    refused(fifo).toString());
        }
        assertEquals("not a regular file (a folder, device or pipe)", refused(dir).problem());
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
        assertEquals("not a regular file (a folder, device or pipe)", refused(Path.of("/dev/zero")).problem());
    }

    @Test
    void aFileOrTextAboveTheLimitIsRefusedFromItsSize(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder(HEADER);
        String row = "R%d,2024-12-01,C,killed,point,1,1,cumulative,P,2024-12-01,\"" + "x".repeat(200) + "\"\n";
        for (int i = 0; sb.length() <= ObservationLedger.MAX_BYTES; i++) {
            sb.append(String.format(row, i));
        }
        Path big = dir.resolve("big.csv");
        Files.writeString(big, sb);
        assertEquals(big + ":0:0: file: larger than 16 MiB; expected an observation file of at most 16 MiB", refused(big).toString());
        ObservationException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(ObservationException.class, () -> ObservationLedger.parse("big.csv", sb.toString())));
        assertEquals("big.csv:0:0: file: larger than 16 MiB; expected an observation file of at most 16 MiB", e.getMessage());
    }
}
