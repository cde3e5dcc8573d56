package org.resolve.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.resolve.web.Security;
import org.resolve.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resolve serve}: the local web UI, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the web UI on this machine: scenario editor with live validation, runs with live fan charts,",
            "comparison, sensitivity, provenance and downloads. Open the URL it prints (it carries a secret token);",
            "Ctrl-C stops it."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", defaultValue = "" + WebServer.DEFAULT_PORT, paramLabel = "P",
            description = "Port, 0 to 65535 (default: ${DEFAULT-VALUE}, or any free port when it is taken; 0 for any free port).")
    int port;

    @Option(names = "--workspace", defaultValue = ".", paramLabel = "DIR",
            description = "Folder of your scenario files (*.yaml, scenarios/*.yaml); runs go to its results/ folder (default: the current folder).")
    Path workspace;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads for runs, 1 to " + Bounds.MAX_THREADS + " (default: all cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new UserError("--port must be between 0 and 65535, not " + port);
        }
        if (threads != null) {
            Bounds.check("--threads", threads, 1, Bounds.MAX_THREADS);
        }
        int t = threads == null ? Math.min(Bounds.MAX_THREADS, Runtime.getRuntime().availableProcessors()) : threads;
        WebServer server;
        try {
            server = WebServer.start(new WebServer.Options(host, port, workspace, t, Security.DEFAULT_MAX_BODY));
        } catch (RuntimeException e) {
            throw new UserError("cannot serve on " + host + ":" + port + ": " + firstLine(e));
        }
        server.warmUp();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "resolve-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            err.println("warning: listening on " + host + ", not only on this machine; anyone who can reach it and has the token can run simulations");
        }
        out.println("Resolve web UI; workspace " + server.workspace().root());
        out.println("Open this URL (it carries the secret token; keep it to yourself):");
        out.println();
        out.println("    " + server.url());
        out.println();
        out.println("Ctrl-C stops the server.");
        out.flush();
        stopped.await();
        return 0;
    }

    private static String firstLine(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        String m = String.valueOf(c.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
