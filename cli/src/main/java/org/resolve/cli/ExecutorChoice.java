package org.resolve.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.resolve.analysis.LocalExecutor;
import org.resolve.analysis.RunExecutor;
import org.resolve.analysis.RunExecutorProvider;
import picocli.CommandLine.Option;

/**
 * {@code --engine local|spark} and {@code --master}: which executor runs a sweep's runs. The local
 * executor is built in; any other is found with {@link ServiceLoader} (the {@code spark} module
 * provides {@code spark}), so this module never depends on Spark and a user who does not ask for
 * it never downloads it.
 */
final class ExecutorChoice {
    /** The built-in executor's name. */
    static final String LOCAL = "local";

    @Option(names = "--engine", defaultValue = LOCAL, paramLabel = "local|spark",
            description = "Where runs execute: local threads, or Apache Spark (needs the spark module; "
                    + "the resolve launcher provides it) (default: ${DEFAULT-VALUE}). Results do not depend on it.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master, e.g. local[4] or spark://host:7077 "
                    + "(default: spark-submit's, else local[threads]).")
    String master;

    /**
     * Opens the chosen executor.
     *
     * @param threads local threads (the local executor's, or a default local[threads] master)
     * @return the executor; close it when done
     * @throws UserError if the options do not fit, the executor is not on the classpath or cannot start
     */
    RunExecutor open(int threads) {
        if (LOCAL.equals(engine)) {
            if (master != null) {
                throw new UserError("--master " + master + " needs --engine spark");
            }
            return new LocalExecutor(threads);
        }
        List<String> names = new ArrayList<>(List.of(LOCAL));
        for (RunExecutorProvider p : ServiceLoader.load(RunExecutorProvider.class)) {
            if (p.name().equals(engine)) {
                try {
                    return p.open(master, threads);
                } catch (Exception | LinkageError e) {
                    // Exception, not RuntimeException: Spark (Scala) throws its checked SparkException
                    // undeclared, e.g. for --master foo, local[0] or yarn without Spark's YARN module.
                    // And LinkageError: a Spark jar missing from or clashing on the classpath.
                    throw new UserError("--engine " + engine + (master == null ? "" : " --master " + master)
                            + ": cannot start: " + firstLine(e));
                }
            }
            names.add(p.name());
        }
        if ("spark".equals(engine)) {
            throw new UserError("--engine spark: the Spark executor is not on the classpath; run through the resolve "
                    + "launcher (./resolve run --engine spark ...), which builds the spark module and adds Spark, or see "
                    + "docs/DISTRIBUTED.md");
        }
        throw new UserError("--engine " + engine + ": unknown executor; expected one of " + String.join(", ", names));
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
