package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine spark} needs the spark module, which this module does not depend on: without it
 * on the classpath the command stops with one line and exit code 1, before writing anything.
 */
class EngineOptionTest {
    @Test
    void sparkWithoutTheSparkModuleIsAOneLineError(@TempDir Path dir) throws Exception {
        assertThrowsClassNotFound("org.apache.spark.SparkContext");
        assertThrowsClassNotFound("org.resolve.spark.SparkExecutor");
        Path out = dir.resolve("out");
        Cli r = Cli.run("sweep", "kursk-2024", "--mode", "aggregate", "--replications", "3", "--days", "10",
                "--engine", "spark", "--master", "local[2]", "--out", out.toString());
        assertEquals(Main.INVALID_INPUT, r.code, r.toString());
        String err = r.err.strip();
        assertEquals(1, err.lines().count(), r.toString());
        assertTrue(err.startsWith("error: --engine spark: the Spark executor is not on the classpath; run through the "
                + "resolve launcher"), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        assertFalse(Files.exists(out.resolve(RunCommand.STORE)), "no store written");
    }

    @Test
    void masterWithoutSparkAndUnknownEnginesAreOneLineErrors(@TempDir Path dir) {
        Cli r = Cli.run("run", "--replications", "2", "--days", "5", "--master", "local[2]", "--out", dir.resolve("a").toString());
        assertEquals(Main.INVALID_INPUT, r.code, r.toString());
        assertEquals("error: --master local[2] needs --engine spark", r.err.strip());
        Cli u = Cli.run("run", "--replications", "2", "--days", "5", "--engine", "flink", "--out", dir.resolve("b").toString());
        assertEquals(Main.INVALID_INPUT, u.code, u.toString());
        assertEquals("error: --engine flink: unknown executor; expected one of local", u.err.strip());
    }

    @Test
    void localIsTheDefaultAndIsRecorded(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("local");
        Cli r = Cli.run("run", "--mode", "aggregate", "--replications", "3", "--days", "5", "--threads", "2",
                "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        assertTrue(Files.readString(out.resolve("meta.json")).contains("\"executor\" : \"local threads=2\""));
    }

    private static void assertThrowsClassNotFound(String name) {
        try {
            Class.forName(name);
            throw new AssertionError(name + " is on the cli's test classpath; the cli must not depend on Spark");
        } catch (ClassNotFoundException expected) {
            // as it should be
        }
    }
}
