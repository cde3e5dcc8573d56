package org.resolve.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An export folder (a sweep's tables as Parquet or CSV files) that is either complete or absent,
 * and that never replaces anything the exporter did not write.
 *
 * <p>Why: an export killed mid-way used to leave a truncated file and miss the others, an export
 * from a damaged store left 0-byte files, a reader could not tell either from a complete export,
 * and an export into a folder of other files overwrote them. So:
 * <ul>
 * <li>the files are written into a temporary folder created new (an unpredictable name, in the
 *     destination's own parent folder, by {@code mkdir}, which never follows a link), named
 *     {@code .NAME.PID.RANDOM} after the destination and the writing process;</li>
 * <li>when every file is written and synced, a manifest ({@value #MANIFEST}: each file's name,
 *     rows, size and SHA-256) is written last inside it, and only then is the folder renamed to
 *     the destination in one step;</li>
 * <li>an existing destination is replaced only if it is empty or a previous export (a manifest
 *     that parses, and no file in the folder that it does not list); anything else is refused with
 *     a message naming the folder and a file that would be lost;</li>
 * <li>a reader ({@link #verify}) takes a folder as complete only if its manifest is valid and every
 *     listed file has its recorded size and checksum;</li>
 * <li>a temporary folder left by a killed export (its process no longer running) is deleted by the
 *     next export to the same destination; any other is ignored.</li>
 * </ul>
 * A kill at any point leaves the destination absent or holding a complete export (the previous one
 * or the new one): between the two renames that replace a previous export the destination is
 * briefly absent.
 */
public final class ExportFolder {
    /** The manifest's file name inside an export folder, written last. */
    public static final String MANIFEST = "manifest.json";
    /** The value of the manifest's {@code "kind"} field. */
    static final String KIND = "resolve-export";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * Writes the files of one export into a folder that it is given, and returns the rows written
     * per file name.
     */
    @FunctionalInterface
    interface Writer {
        /**
         * @param dir the (new, empty) temporary folder
         * @return rows written per file name, in the order the files should be listed
         * @throws StoreException if a file cannot be written
         */
        Map<String, Long> write(Path dir);
    }

    /**
     * One file of an export, as its manifest lists it.
     *
     * @param name the file name inside the folder
     * @param rows the table rows it holds
     * @param bytes its size
     * @param sha256 its SHA-256, lower-case hexadecimal
     */
    public record Entry(String name, long rows, long bytes, String sha256) {
    }

    /**
     * A manifest read from an export folder.
     *
     * @param sweepId the exported sweep
     * @param format the file format ({@code parquet} or {@code csv})
     * @param files the files, in their order
     */
    public record Manifest(String sweepId, String format, List<Entry> files) {
    }

    private ExportFolder() {
    }

    /**
     * Reads and checks an export folder: its manifest, and every file it lists (present as a
     * regular file, not a link, with the recorded size and SHA-256).
     *
     * @param dir the folder
     * @return the manifest if the folder is a complete export
     * @throws StoreException if it is absent or not a complete export, with a one-line message
     *     naming the folder and what is wrong
     */
    public static Manifest verify(Path dir) {
        Manifest m = readManifest(dir);
        for (Entry e : m.files()) {
            Path f = dir.resolve(e.name());
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                throw incomplete(dir, e.name() + " is missing");
            }
            long size;
            String sum;
            try {
                size = Files.size(f);
                sum = size == e.bytes() ? sha256(f) : null;
            } catch (IOException ex) {
                throw incomplete(dir, "cannot read " + e.name() + " (" + ex.getMessage() + ")");
            }
            if (size != e.bytes()) {
                throw incomplete(dir, e.name() + " has " + size + " bytes, the manifest says " + e.bytes());
            }
            if (!sum.equals(e.sha256())) {
                throw incomplete(dir, e.name() + " does not match its SHA-256 in the manifest");
            }
        }
        return m;
    }

    /**
     * Checks that an export may be written to a folder: it is absent, an empty folder, or a previous
     * export (which the export then replaces).
     *
     * @param dir the destination
     * @param files the names of the files the export writes (named first in the message when one
     *     of them is in the way)
     * @throws StoreException naming the folder and a file that an export would overwrite or remove
     */
    public static void checkReplaceable(Path dir, List<String> files) {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(d)) {
            throw new StoreException("cannot export to " + d + ": it is a symbolic link; an export replaces only a folder"
                    + " it wrote itself; choose another folder");
        }
        if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
            throw new StoreException("cannot export to " + d + ": it is a file, not a folder; choose another folder");
        }
        Set<String> names = list(d);
        if (names.isEmpty()) {
            return;
        }
        Set<String> ours = new TreeSet<>();
        if (names.contains(MANIFEST)) {
            try {
                readManifest(d).files().forEach(e -> ours.add(e.name()));
                ours.add(MANIFEST);
            } catch (StoreException e) {
                ours.clear(); // a manifest that does not parse proves nothing
            }
        }
        List<String> foreign = new ArrayList<>(names);
        foreign.removeAll(ours);
        if (foreign.isEmpty()) {
            return;
        }
        // Name a file the export would overwrite, if there is one, else one it would remove.
        List<String> written = new ArrayList<>(files);
        written.add(MANIFEST);
        String n = written.stream().filter(foreign::contains).findFirst().orElse(foreign.get(0));
        boolean overwritten = files.contains(n) || n.equals(MANIFEST);
        throw new StoreException("cannot export to " + d + ": it holds " + n + ", which the export would "
                + (overwritten ? "overwrite" : "remove") + " and which no earlier export wrote"
                + (ours.isEmpty() ? " (the folder has no valid " + MANIFEST + ")" : " (" + MANIFEST + " does not list it)")
                + "; an export replaces only an earlier export: choose another folder, or move " + n + " away");
    }

    /**
     * Writes an export: into a new temporary folder beside {@code dest}, the files, then the
     * manifest; then moves the folder to {@code dest}, replacing a previous export there.
     *
     * @param dest the destination folder
     * @param sweepId the sweep (recorded in the manifest)
     * @param format the format (recorded in the manifest)
     * @param files the names of the files the writer writes
     * @param writer writes the files
     * @return rows per file written, by absolute path in {@code dest}
     * @throws StoreException if {@code dest} holds anything but a previous export, or a file cannot
     *     be written; {@code dest} is then as it was and no temporary folder is left
     */
    static Map<Path, Long> write(Path dest, String sweepId, String format, List<String> files, Writer writer) {
        Path d = dest.toAbsolutePath().normalize();
        Path parent = d.getParent();
        if (parent == null) {
            throw new StoreException("cannot export to " + d + ": give a folder below it");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("cannot export to " + d + ": cannot create " + parent + " (" + e.getMessage() + ")", e);
        }
        removeStale(d);
        checkReplaceable(d, files);
        Path tmp = createFresh(parent, "." + d.getFileName() + "." + ProcessHandle.current().pid() + ".", d);
        try {
            Map<String, Long> rows = writer.write(tmp);
            if (!rows.keySet().equals(new java.util.HashSet<>(files))) {
                throw new IllegalStateException("the export wrote " + rows.keySet() + ", not " + files);
            }
            List<Entry> entries = new ArrayList<>();
            for (Map.Entry<String, Long> r : rows.entrySet()) {
                Path f = tmp.resolve(r.getKey());
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.size(f) == 0) {
                    throw new StoreException("cannot export to " + d + ": " + r.getKey() + " came out empty; nothing was written");
                }
                sync(f);
                entries.add(new Entry(r.getKey(), r.getValue(), Files.size(f), sha256(f)));
            }
            AtomicFiles.write(tmp.resolve(MANIFEST), manifestJson(new Manifest(sweepId, format, entries)));
            sync(tmp.resolve(MANIFEST));
            install(tmp, d, files);
            Map<Path, Long> out = new LinkedHashMap<>();
            for (Entry e : entries) {
                out.put(d.resolve(e.name()), e.rows());
            }
            return out;
        } catch (IOException e) {
            throw new StoreException("cannot export to " + d + ": " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
        }
    }

    /** Moves the finished folder to the destination; a previous export there is moved aside first, then deleted. */
    private static void install(Path tmp, Path d, List<String> files) throws IOException {
        if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.move(tmp, d, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (IOException e) {
                if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
                    throw e;
                }
                // something appeared there meanwhile: check it as below
            }
        }
        Path aside = d.resolveSibling(tmp.getFileName() + ".old");
        Files.move(d, aside, StandardCopyOption.ATOMIC_MOVE);
        try {
            checkReplaceable(aside, files); // what is moved aside is what gets deleted: check it again, race-free
        } catch (StoreException e) {
            Files.move(aside, d, StandardCopyOption.ATOMIC_MOVE);
            throw new StoreException(e.getMessage().replace(aside.toString(), d.toString()), e);
        }
        try {
            Files.move(tmp, d, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(aside, d, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(aside);
    }

    /**
     * Creates a folder with a new random name (plain {@code mkdir}: it fails on anything existing,
     * a link included, and gives the folder the permissions any new folder gets).
     */
    private static Path createFresh(Path parent, String prefix, Path d) {
        IOException last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            Path p = parent.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong()));
            try {
                return Files.createDirectory(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                last = e; // another name
            } catch (IOException e) {
                last = e;
                break;
            }
        }
        throw new StoreException("cannot export to " + d + ": cannot create a folder in " + parent + " (" + last.getMessage() + ")", last);
    }

    /**
     * Deletes the temporary folders that earlier exports to {@code d} left when they were killed:
     * those named after {@code d} and a process that is no longer running. Others (an export under
     * way in another process) are left alone.
     */
    static void removeStale(Path d) {
        Pattern own = Pattern.compile("\\." + Pattern.quote(d.getFileName().toString()) + "\\.(\\d+)\\.\\d+(\\.old)?");
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d.getParent())) {
            for (Path p : s) {
                Matcher m = own.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == self || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue; // possibly under way: this process's exports clean up after themselves
                }
                deleteTree(p);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover temporary folder is ignored by every reader
        }
    }

    private static Manifest readManifest(Path dir) {
        Path f = dir.resolve(MANIFEST);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw incomplete(dir, Files.exists(dir, LinkOption.NOFOLLOW_LINKS) ? "it is not a folder" : "it does not exist");
        }
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            throw incomplete(dir, "it has no " + MANIFEST + " (an export writes it last)");
        }
        JsonNode n;
        try {
            n = JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw incomplete(dir, MANIFEST + " is not valid JSON");
        }
        if (n == null || !KIND.equals(n.path("kind").asText()) || !n.path("files").isArray() || n.path("files").isEmpty()) {
            throw incomplete(dir, MANIFEST + " is not an export manifest");
        }
        List<Entry> files = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (JsonNode e : n.path("files")) {
            String name = e.path("name").asText("");
            String sum = e.path("sha256").asText("");
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".") || name.equals(MANIFEST)
                    || !seen.add(name) || !e.path("bytes").canConvertToLong() || !e.path("rows").canConvertToLong()
                    || !SHA256.matcher(sum).matches()) {
                throw incomplete(dir, MANIFEST + " has an invalid file entry");
            }
            files.add(new Entry(name, e.path("rows").asLong(), e.path("bytes").asLong(), sum));
        }
        return new Manifest(n.path("sweep_id").asText(""), n.path("format").asText(""), List.copyOf(files));
    }

    private static String manifestJson(Manifest m) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", KIND);
        root.put("sweep_id", m.sweepId());
        root.put("format", m.format());
        ArrayNode files = root.putArray("files");
        for (Entry e : m.files()) {
            ObjectNode f = files.addObject();
            f.put("name", e.name());
            f.put("rows", e.rows());
            f.put("bytes", e.bytes());
            f.put("sha256", e.sha256());
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    private static StoreException incomplete(Path dir, String why) {
        return new StoreException(dir + " is not a complete export: " + why);
    }

    private static Set<String> list(Path d) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.list(d)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new StoreException("cannot export to " + d + ": cannot list it (" + e.getMessage() + ")", e);
        }
        return names;
    }

    /** @return the SHA-256 of a file, lower-case hexadecimal */
    static String sha256(Path f) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
            for (int k = in.read(buf); k >= 0; k = in.read(buf)) {
                md.update(buf, 0, k);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Forces a file's content to the disk, so that a manifest never describes data still in memory only. */
    private static void sync(Path f) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ch.force(true);
        }
    }

    /** Deletes a folder and what it holds, never following a link (a link itself is deleted); best effort. */
    static void deleteTree(Path p) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover temporary folder is ignored by readers and removed by the next export
        }
    }

    /** @return the manifest of a complete export folder, if it is one (a quiet {@link #verify}) */
    public static Optional<Manifest> complete(Path dir) {
        try {
            return Optional.of(verify(dir));
        } catch (StoreException e) {
            return Optional.empty();
        }
    }
}
