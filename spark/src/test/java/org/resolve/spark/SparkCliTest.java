package org.resolve.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.cli.Main;

/**
 * The resolve command with {@code --engine spark --master local[2]} end to end: it finds the Spark
 * executor through the ServiceLoader, and writes the same tidy files as a local run; a resume of
 * the complete sweep runs nothing. A master Spark cannot reach or start with is a one-line error
 * (exit code 1, no stack trace, no store).
 */
class SparkCliTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Result(code, o.toString(), e.toString());
    }

    @Test
    void anUnreachableMasterIsAOneLineErrorWithinSeconds(@TempDir Path dir) throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort(); // closed again: nothing listens there
        }
        long t0 = System.nanoTime();
        Result r = run("sweep", "kursk-2024", "--replications", "2", "--days", "5", "--engine", "spark",
                "--master", "spark://127.0.0.1:" + port, "--out", dir.resolve("out").toString());
        double secs = (System.nanoTime() - t0) / 1e9;
        assertEquals(1, r.code(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("no Spark master answers at spark://127.0.0.1:" + port), r.err());
        assertTrue(secs < 30, "took " + secs + " s"); // Spark's own retries take about a minute
        assertTrue(!Files.exists(dir.resolve("out").resolve("results.duckdb")), "no store written");
        Result bad = run("sweep", "kursk-2024", "--engine", "spark", "--master", "spark://host:notaport",
                "--out", dir.resolve("out2").toString());
        assertEquals(1, bad.code(), bad.toString());
        assertTrue(bad.err().contains("is not a port"), bad.err());
    }

    @Test
    void aMasterSparkCannotStartIsAOneLineError(@TempDir Path dir) throws Exception {
        // Spark throws its checked SparkException (undeclared, from Scala) for each of these.
        for (String master : List.of("local[0]", "foo", "yarn")) {
            Path out = dir.resolve(master.replaceAll("\\W", "_"));
            Result r = run("sweep", "kursk-2024", "--replications", "2", "--days", "5", "--engine", "spark",
                    "--master", master, "--out", out.toString());
            assertEquals(1, r.code(), r.toString());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("--engine spark --master " + master + ": cannot start: "), r.err());
            assertTrue(!r.err().contains("internal error") && !r.err().contains("\tat "), r.err());
            assertTrue(!Files.exists(out.resolve("results.duckdb")), "no store written for " + master);
        }
    }

    @Test
    void aBadMasterPrintsOneLineAsTheCommandRunsIt(@TempDir Path dir) throws Exception {
        // A fresh JVM, as the resolve launcher starts it: Spark's own log (stderr) must not add the
        // stack trace of its failed start to the one-line error.
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognized") || a.startsWith("-Djdk.reflect")
                    || a.startsWith("-Dio.netty")) {
                cmd.add(a); // Spark's module flags, as surefire gave them to this JVM
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "sweep", "kursk-2024",
                "--replications", "2", "--days", "5", "--engine", "spark", "--master", "foo",
                "--out", dir.resolve("out").toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertEquals(List.of("error: --engine spark --master foo: cannot start: Could not parse Master URL: 'foo'"),
                err.strip().lines().toList());
        assertTrue(!Files.exists(dir.resolve("out").resolve("results.duckdb")), "no store written");
    }

    @Test
    void sweepOnSparkWritesWhatALocalSweepWrites(@TempDir Path dir) throws Exception {
        List<String> common = List.of("kursk-2024", "--mode", "aggregate", "--replications", "10", "--days", "30");
        Path local = dir.resolve("local");
        Path spark = dir.resolve("spark");
        Result l = run(args("run", common, "--threads", "2", "--out", local.toString()));
        assertEquals(0, l.code(), l.toString());
        Result s = run(args("sweep", common, "--engine", "spark", "--master", "local[2]", "--out", spark.toString()));
        assertEquals(0, s.code(), s.toString());
        assertTrue(s.out().contains("10 runs in"), s.out());
        for (String f : List.of("sweep.csv", "runs.csv", "series.csv", "kpis.csv")) {
            List<String> a = Files.readAllLines(local.resolve(f));
            List<String> b = Files.readAllLines(spark.resolve(f));
            if (f.equals("sweep.csv")) {
                continue; // holds the command line and times
            }
            assertEquals(a, b, f);
        }
        assertEquals(1 + 10 * 30 * org.resolve.core.engine.Metric.COUNT, Files.readAllLines(spark.resolve("series.csv")).size());
        String meta = Files.readString(spark.resolve("meta.json"));
        assertTrue(meta.contains("\"executor\" : \"spark master=local[2] slots=2\""), meta);

        Result again = run(args("run", common, "--engine", "spark", "--master", "local[2]", "--out", spark.toString(), "--resume"));
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.err().contains("10 of 10 runs stored, 0 to run"), again.err());
    }

    private static String[] args(String command, List<String> common, String... more) {
        java.util.List<String> a = new java.util.ArrayList<>();
        a.add(command);
        a.addAll(common);
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }
}
