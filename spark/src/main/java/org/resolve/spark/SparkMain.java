package org.resolve.spark;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The main class of the assembly jar for {@code spark-submit}: runs {@code resolve run} (the
 * arguments of {@code resolve sweep}) with {@code --engine spark}, on the master spark-submit gives.
 *
 * <pre>
 * spark-submit --class org.resolve.spark.SparkMain resolve-spark-assembly.jar kursk-2024 --mode aggregate --replications 20000 --out /data/k
 * </pre>
 *
 * The command-line module is on the assembly's classpath but not a compile dependency of this
 * module (the module is a library the command finds through {@link java.util.ServiceLoader}), so it
 * is called by name.
 */
public final class SparkMain {
    private SparkMain() {
    }

    /** @param args the arguments of {@code resolve run}, with or without the leading {@code run}/{@code sweep} */
    public static void main(String[] args) throws Exception {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        if (a.isEmpty() || !(a.get(0).equals("run") || a.get(0).equals("sweep"))) {
            a.add(0, "sweep");
        }
        if (!a.contains("--engine") && a.stream().noneMatch(s -> s.startsWith("--engine="))) {
            a.add("--engine");
            a.add(SparkExecutorProvider.NAME);
        }
        Method main;
        try {
            main = Class.forName("org.resolve.cli.Main").getMethod("main", String[].class);
        } catch (ClassNotFoundException e) {
            System.err.println("error: the resolve command (org.resolve.cli.Main) is not on the classpath; "
                    + "submit the assembly jar spark/target/resolve-spark-assembly.jar");
            System.exit(1);
            return;
        }
        try {
            main.invoke(null, (Object) a.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}
