package org.resolve.spark;

import org.resolve.analysis.RunExecutor;
import org.resolve.analysis.RunExecutorProvider;

/** The {@code spark} executor, as {@link java.util.ServiceLoader} finds it ({@code resolve run --engine spark}). */
public final class SparkExecutorProvider implements RunExecutorProvider {
    /** The name users choose it by. */
    public static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RunExecutor open(String master, int threads) {
        return SparkExecutor.open(master, threads);
    }
}
