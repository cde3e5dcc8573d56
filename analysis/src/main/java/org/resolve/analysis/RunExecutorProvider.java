package org.resolve.analysis;

/**
 * Makes executors of one kind; found with {@link java.util.ServiceLoader}, so an executor that needs
 * large dependencies (Spark) lives in its own module and is on the classpath only when asked for.
 */
public interface RunExecutorProvider {
    /** @return the name users choose it by, e.g. {@code spark} */
    String name();

    /**
     * Opens an executor.
     *
     * @param master where to run, in the executor's own terms (for Spark a master URL such as
     *     {@code local[4]} or {@code spark://host:7077}); null for the executor's default
     * @param threads local threads when the executor runs in this process, >= 1
     * @return the executor; close it when done
     */
    RunExecutor open(String master, int threads);
}
