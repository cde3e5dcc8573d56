package org.resolve.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @TempDir
    Path tmp;

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        Path f = tmp.resolve("t.csv");
        Files.writeString(f, "id,claimant,value\r\n\"A1\",\"Ukraine President Zelensky; SBU, \"\"HUR\"\"\",12.5\n"
                + "B2,\"two\nlines\",\n\nC3,short\n");
        CsvTable t = CsvTable.read(f);
        assertEquals(List.of("id", "claimant", "value"), t.header());
        assertEquals(3, t.size(), "the blank line is skipped");
        assertEquals("Ukraine President Zelensky; SBU, \"HUR\"", t.get(0, "claimant"));
        assertEquals(12.5, t.number(0, "value"));
        assertEquals("two\nlines", t.get(1, "claimant"));
        assertTrue(Double.isNaN(t.number(1, "value")), "an empty cell is NaN");
        assertEquals("", t.get(2, "value"), "a short row is padded");
        assertEquals("", t.get(0, "missing"));
    }
}
