package org.resolve.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.resolve.core.scenario.ScenarioLoader;
import org.resolve.store.Ensemble;

/**
 * The folder the server works in: user scenario files ({@code *.yaml} in it and in its
 * {@code scenarios/} folder) and the {@code results/} folder runs write into. Every path taken
 * from a request is resolved here and only here: joined to the root, normalised, and then
 * resolved to its real path (following symbolic links); a path that leaves the root is not found.
 */
public final class Workspace {
    /**
     * The largest text file the server reads from the workspace (the editor's file), in bytes: the
     * same 1 MiB as every scenario file the loader reads for the server
     * ({@link ScenarioLoader#MAX_CONFINED_BYTES}).
     */
    public static final long MAX_TEXT_BYTES = ScenarioLoader.MAX_CONFINED_BYTES;
    /** A file name a scenario may be saved under. */
    private static final Pattern SCENARIO_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,80}\\.ya?ml");
    private final Path root;
    private final Path results;

    /**
     * @param root the workspace folder (created if missing)
     * @throws UncheckedIOException if it cannot be created or resolved
     */
    public Workspace(Path root) {
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
            Files.createDirectories(this.root.resolve("results"));
            this.results = this.root.resolve("results").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("workspace " + root + ": " + e.getMessage(), e);
        }
    }

    /** @return the workspace folder (a real path) */
    public Path root() {
        return root;
    }

    /** @return the results folder (a real path) */
    public Path results() {
        return results;
    }

    /**
     * Resolves parts of a request under a root.
     *
     * @param base the allowed root (a real path)
     * @param parts path parts as the request gave them
     * @return the real path of an existing file or folder under the root
     * @throws BadRequestResponse if a part is not a path at all
     * @throws NotFoundResponse if the path does not exist or leads outside the root (by {@code ..},
     *     an absolute part or a symbolic link)
     */
    public static Path resolveUnder(Path base, String... parts) {
        Path p = base;
        try {
            for (String part : parts) {
                if (part == null || part.isEmpty() || part.indexOf('\0') >= 0) {
                    throw new BadRequestResponse("bad path");
                }
                p = p.resolve(part);
            }
        } catch (InvalidPathException e) {
            throw new BadRequestResponse("bad path");
        }
        p = p.normalize();
        if (!p.startsWith(base) || !Files.exists(p)) {
            throw new NotFoundResponse("not found");
        }
        try {
            Path real = p.toRealPath();
            if (!real.startsWith(base)) {
                throw new NotFoundResponse("not found");
            }
            return real;
        } catch (IOException e) {
            throw new NotFoundResponse("not found");
        }
    }

    /**
     * @param name a scenario file name or a path relative to the workspace
     * @return its real path, a regular file under the workspace
     */
    public Path scenarioFile(String name) {
        Path p = resolveUnder(root, name);
        if (!Files.isRegularFile(p)) {
            throw new NotFoundResponse("not found");
        }
        return p;
    }

    /**
     * Reads a workspace file as text without ever holding more than the limit: the size is checked
     * first, and then at most {@link #MAX_TEXT_BYTES} + 1 bytes are read (the file may grow in
     * between).
     *
     * @param p a regular file (a real path, from {@link #scenarioFile})
     * @param label the name to show in an error (relative to the workspace)
     * @return its text
     * @throws HttpResponseException 413 if it is larger than {@link #MAX_TEXT_BYTES}, 422 if it is
     *     not UTF-8 text, 404 if it cannot be read
     */
    public static String readText(Path p, String label) {
        try {
            if (Files.size(p) > MAX_TEXT_BYTES) {
                throw tooLarge(label);
            }
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(p)) {
                bytes = in.readNBytes((int) MAX_TEXT_BYTES + 1);
            }
            if (bytes.length > MAX_TEXT_BYTES) {
                throw tooLarge(label);
            }
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new HttpResponseException(HttpStatus.UNPROCESSABLE_CONTENT.getCode(), label + " is not UTF-8 text; expected a scenario file",
                    java.util.Map.of());
        } catch (IOException e) {
            throw new NotFoundResponse("not found");
        }
    }

    private static HttpResponseException tooLarge(String label) {
        return new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), label + " is larger than " + (MAX_TEXT_BYTES >> 20)
                + " MiB; expected a scenario file of at most " + (MAX_TEXT_BYTES >> 20) + " MiB", java.util.Map.of());
    }

    /**
     * @param name a results folder's name
     * @return its real path, a folder under {@code results/}
     */
    public Path runFolder(String name) {
        Path p = resolveUnder(results, name);
        if (!Files.isDirectory(p) || p.equals(results)) {
            throw new NotFoundResponse("not found");
        }
        return p;
    }

    /**
     * @param name a file name to save a scenario under
     * @return the path in the workspace's {@code scenarios/} folder
     * @throws BadRequestResponse if the name is not a plain {@code .yaml} file name
     */
    public Path saveTarget(String name) {
        if (name == null || !SCENARIO_NAME.matcher(name).matches()) {
            throw new BadRequestResponse("a file name such as my-scenario.yaml (letters, digits, '.', '-', '_')");
        }
        try {
            Path dir = root.resolve("scenarios");
            Files.createDirectories(dir);
            Path real = dir.toRealPath();
            if (!real.startsWith(root)) {
                throw new NotFoundResponse("not found");
            }
            Path target = real.resolve(name);
            if (Files.isSymbolicLink(target) || (Files.exists(target) && !target.toRealPath().startsWith(root))) {
                throw new BadRequestResponse("refusing to write through a symbolic link");
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return user scenario files, relative to the workspace ({@code x.yaml}, {@code scenarios/y.yaml}), sorted */
    public List<String> scenarioFiles() {
        List<String> out = new ArrayList<>();
        for (Path dir : List.of(root, root.resolve("scenarios"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
                for (Path p : ds) {
                    if (Files.isRegularFile(p)) {
                        out.add(root.relativize(p).toString().replace('\\', '/'));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** @return names of folders under {@code results/} that hold a results store, newest first */
    public List<String> runFolders() {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(results)) {
            for (Path p : ds) {
                if (Files.isDirectory(p) && Files.exists(p.resolve(Ensemble.STORE))) {
                    dirs.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dirs.sort(Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed());
        return dirs.stream().map(p -> p.getFileName().toString()).toList();
    }

    /**
     * A new, empty output folder under {@code results/}, named as the CLI names its folders.
     *
     * @param scenarioId the scenario
     * @param kind the mode or method
     * @return the folder's path (not yet created)
     */
    public synchronized Path newRunFolder(String scenarioId, String kind) {
        String safe = scenarioId.replaceAll("[^A-Za-z0-9._-]", "_");
        String base = safe + "-" + kind.toLowerCase(Locale.ROOT) + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path p = results.resolve(base);
        for (int i = 2; Files.exists(p); i++) {
            p = results.resolve(base + "-" + i);
        }
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
