package org.resolve.core.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.serialization.NodeReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.resolve.core.engine.AttritionLaw;
import org.resolve.core.model.Kind;
import org.resolve.core.model.Param;
import org.resolve.core.model.Posture;
import org.resolve.core.model.UnitType;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads scenario files: YAML with every value located, then the JSON Schema, then checks of
 * meaning (dates in order, probabilities in [0, 1], lower &lt;= upper, valid distribution
 * parameters, evidence that exists, an assumption's reason). Every problem found is reported, each
 * with its file, line and column; nothing is silently fixed.
 */
public final class ScenarioLoader {
    /**
     * The largest scenario the loader reads, in bytes of UTF-8: 1 MiB, for every file of a chain
     * (checked from the file's size before it is read) and for text given directly (checked before
     * it is parsed), so that the parsers' cost is bounded whatever the input.
     */
    public static final long MAX_CONFINED_BYTES = 1L << 20;
    /**
     * How labels of scenario text that is not (or no longer) a file begin, e.g. the web editor's
     * unsaved text: results record it among the scenario's files, and nothing tries to re-read it.
     */
    public static final String UNSAVED = "unsaved editor text";
    private static final int MAX_QUOTE_WORDS = 25;
    /**
     * The most scenarios an {@code extends} chain may hold, the scenario itself included. Reading
     * and merging the chain recurse once per file, so a chain of thousands of files would exhaust
     * the stack; real chains are two or three long (a calibrated scenario extends the one it
     * calibrates, which may extend a bundled one).
     */
    public static final int MAX_EXTENDS = 16;
    /** The reason recorded for a parameter fixed on the command line (as {@link Scenario#with} records it). */
    private static final String SET_REASON = "set by the user for this run";
    /** A setting's value that can be written into YAML as it is: one plain token (a number's characters), no structure. */
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[-+]?[0-9A-Za-z_.][0-9A-Za-z_.+-]*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?");
    private static final Schema SCHEMA = SchemaRegistry
            .withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ScenarioSchema.shipped(), InputFormat.JSON);
    private static final JsonNode SCHEMA_TREE = readSchemaTree();
    /** The keys each distribution type reads (besides type); the schema admits all of them for every type. */
    private static final Map<String, List<String>> DISTRIBUTION_KEYS = Map.of(
            "fixed", List.of("value"),
            "uniform", List.of("low", "high"),
            "triangular", List.of("low", "mode", "high"),
            "normal", List.of("mean", "sd", "low", "high"),
            "lognormal", List.of("median", "sigma", "low", "high"),
            "beta", List.of("alpha", "beta", "low", "high"),
            "mixture", List.of("components"));

    private ScenarioLoader() {
    }

    /**
     * Loads a scenario by bundled id or by path.
     *
     * @param ref a bundled id (see {@link Bundled#IDS}) or a file path
     * @return the validated scenario
     * @throws ScenarioException with every problem found, each located
     */
    public static Scenario load(String ref) throws ScenarioException {
        return build(draft(ref, null, new LinkedHashSet<>(), null, null));
    }

    /**
     * Loads a scenario by bundled id or by path, reading files only inside a folder: the file
     * itself and every file its {@code extends} chain names must, after following symbolic links,
     * be a regular file under {@code root} of at most {@link #MAX_CONFINED_BYTES} bytes. Bundled
     * ids stay allowed at every level. A relative path is resolved against {@code root}.
     *
     * @param ref a bundled id or a file path
     * @param root the folder files must lie in
     * @return the validated scenario
     * @throws ScenarioException with every problem found, each located (a file outside the folder is one)
     * @throws IllegalArgumentException if {@code root} is not an existing folder
     */
    public static Scenario load(String ref, Path root) throws ScenarioException {
        return build(draft(ref, null, new LinkedHashSet<>(), null, realRoot(root)));
    }

    /**
     * Loads a scenario from text (for editors and tests).
     *
     * @param label the name to report in problems
     * @param text the YAML text
     * @param baseDir where relative {@code extends} paths are resolved, or null
     * @return the validated scenario
     * @throws ScenarioException with every problem found
     */
    public static Scenario fromText(String label, String text, Path baseDir) throws ScenarioException {
        return build(parse(label, text, baseDir, new LinkedHashSet<>(), null, null));
    }

    /**
     * Loads a scenario from text whose {@code extends} chain may read files only inside a folder,
     * as {@link #load(String, Path)} does.
     *
     * @param label the name to report in problems
     * @param text the YAML text
     * @param baseDir where relative {@code extends} paths are resolved (null for {@code root})
     * @param root the folder files must lie in
     * @return the validated scenario
     * @throws ScenarioException with every problem found (a file outside the folder is one)
     * @throws IllegalArgumentException if {@code root} is not an existing folder
     */
    public static Scenario fromText(String label, String text, Path baseDir, Path root) throws ScenarioException {
        Path r = realRoot(root);
        return build(parse(label, text, baseDir == null ? r : baseDir.toAbsolutePath(), new LinkedHashSet<>(), null, r));
    }

    /**
     * Loads a scenario by bundled id or by path and fixes some of its parameters, as {@code resolve
     * run --set NAME=VALUE} does. Each setting goes through exactly the checks a scenario file
     * gets: it is read as a file that extends the scenario and holds only {@code parameters: NAME:
     * value: VALUE} (with the catalogue's unit and {@code assumption: true}), so the schema, the
     * number's syntax and range, and every rule of the merged scenario apply, with the same
     * messages; a problem a setting causes is located at the setting itself ({@code --set
     * NAME=VALUE}, as {@link Location#option}). A later setting of the same name wins, as a
     * later file of an extends chain does.
     *
     * @param ref a bundled id (see {@link Bundled#IDS}) or a file path
     * @param settings {@code NAME=VALUE} strings as given on the command line, in order
     * @return the validated scenario with those values fixed, as {@link Scenario#with} makes it
     *     (its files, hash and provenance are those of a run with overrides)
     * @throws ScenarioException with every problem found, each located: the scenario's own in its
     *     files, the settings' at each setting
     */
    public static Scenario load(String ref, List<String> settings) throws ScenarioException {
        Draft base = draft(ref, null, new LinkedHashSet<>(), null, null);
        Scenario plain = build(base);
        if (settings.isEmpty()) {
            return plain;
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        Map<Param, Double> values = new EnumMap<>(Param.class);
        Draft top = base;
        for (String s : settings) {
            String label = Location.OPTION_PREFIX + "set " + s;
            if (!labels.add(label)) {
                continue; // the same setting twice: the second changes nothing
            }
            int eq = s.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem(Location.option(label), "--set", "'" + s + "' is not NAME=VALUE",
                        "NAME=VALUE, e.g. --set regime_share=0.9"));
                continue;
            }
            String name = s.substring(0, eq).trim();
            String value = s.substring(eq + 1).trim();
            Param p = Param.byKey(name);
            // The layer as a file would hold it; anything but a plain token is written as a quoted
            // string (so the schema reports it as text where a number is expected, as it would in
            // a file), and nothing of the setting can add structure to the layer.
            String text = "resolve: 1\nid: " + quoted(plain.id()) + "\nparameters:\n  " + quoted(name) + ":\n    unit: "
                    + quoted(p == null ? "" : p.unit()) + "\n    value: " + (PLAIN_TOKEN.matcher(value).matches() ? value : quoted(value))
                    + "\n    assumption: true\n    reason: " + quoted(SET_REASON) + "\n";
            List<Problem> own = new ArrayList<>();
            Node root = Yaml.parse(label, text, own);
            if (root != null && own.isEmpty()) {
                validateSchema(label, text, root, own);
            }
            if (root == null || !own.isEmpty()) {
                problems.addAll(own);
                continue;
            }
            Draft layer = new Draft(label, root);
            layer.parent = top;
            layer.setting = true;
            top = layer;
            if (p != null) {
                values.put(p, null); // filled from the merged scenario below
            }
        }
        try {
            // the merged scenario's checks, with every setting that passed the schema
            Scenario set = build(top);
            for (Param p : values.keySet()) {
                values.put(p, set.spec(p).distribution().lower()); // a fixed value: lower() is the value
            }
        } catch (ScenarioException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            List<Problem> out = new ArrayList<>();
            for (Problem p : problems) {
                // a setting has no lines: its problems are located at the setting as a whole
                out.add(labels.contains(p.location().file())
                        ? new Problem(Location.option(p.location().file()), p.subject(), p.problem(), p.expected()) : p);
            }
            throw new ScenarioException(out);
        }
        return plain.with(values, 0);
    }

    /** @return a YAML double-quoted scalar (JSON's escapes) holding {@code s} exactly */
    private static String quoted(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string that JSON cannot hold", e);
        }
    }

    private static Path realRoot(Path root) {
        try {
            Path r = root.toRealPath();
            if (!Files.isDirectory(r)) {
                throw new IllegalArgumentException("not a folder: " + root);
            }
            return r;
        } catch (IOException e) {
            throw new IllegalArgumentException("no such folder: " + root, e);
        }
    }

    /**
     * @param from where the reference is written (an {@code extends} value), or null for a reference
     *     given directly; problems finding the file are reported there
     * @param confine the real folder files must lie in, or null for any file
     */
    private static Draft draft(String ref, Path baseDir, Set<String> chain, Location from, Path confine) throws ScenarioException {
        if (Bundled.IDS.contains(ref)) {
            return parse(Bundled.label(ref), Bundled.text(ref), null, chain, from, confine);
        }
        String label = ref;
        Location at = from == null ? new Location(label, 0, 0) : from;
        String subject = from == null ? "scenario" : "extends";
        Path p;
        try {
            Path base = baseDir != null ? baseDir : confine;
            p = base == null ? Path.of(ref) : base.resolve(ref);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ScenarioException(List.of(new Problem(at, subject, "not a file path: '" + ref + "'",
                    "a file path or one of " + String.join(", ", Bundled.IDS))));
        }
        String text;
        Path dir;
        if (confine != null) {
            Path real = confined(p, ref, at, subject, confine);
            text = readConfined(real, ref, at, subject);
            dir = real.getParent();
        } else {
            text = readFile(p, ref, at, subject, "a scenario file or one of " + String.join(", ", Bundled.IDS));
            dir = p.toAbsolutePath().getParent();
        }
        return parse(label, text, dir, chain, from, confine);
    }

    private static ScenarioException noSuchFile(String ref, Location at, String subject) {
        String hint = DidYouMean.suggest(ref, Bundled.IDS);
        return new ScenarioException(List.of(new Problem(at, subject,
                "no such file or bundled scenario '" + ref + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"),
                "a file path or one of " + String.join(", ", Bundled.IDS))));
    }

    private static ScenarioException outside(String ref, Location at, String subject) {
        return new ScenarioException(List.of(new Problem(at, subject, ref + " is outside the workspace",
                "a bundled scenario id or a file in the workspace")));
    }

    /**
     * @return the real path of {@code p}, checked to lie under {@code confine} after following
     *     symbolic links; a path outside it is reported as outside whether or not it exists (so
     *     nothing is learnt about files there)
     */
    private static Path confined(Path p, String ref, Location at, String subject, Path confine) throws ScenarioException {
        Path abs = p.toAbsolutePath().normalize();
        boolean inside = abs.startsWith(confine);
        Path real;
        try {
            real = abs.toRealPath();
        } catch (NoSuchFileException e) {
            throw inside ? noSuchFile(ref, at, subject) : outside(ref, at, subject);
        } catch (IOException e) {
            throw inside ? new ScenarioException(List.of(new Problem(at, subject, "cannot read the file: " + e.getMessage(),
                    "a readable UTF-8 file"))) : outside(ref, at, subject);
        }
        if (!real.startsWith(confine)) {
            throw outside(ref, at, subject);
        }
        return real;
    }

    /** Reads a confined file: a regular file (not a device or pipe) of at most {@link #MAX_CONFINED_BYTES}, in UTF-8. */
    private static String readConfined(Path real, String ref, Location at, String subject) throws ScenarioException {
        return readFile(real, ref, at, subject, "a bundled scenario id or a file in the workspace", LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Reads a scenario file through {@link TextFiles#read}: its attributes first, so a folder,
     * device or pipe is refused without being opened (opening a pipe would wait for a writer,
     * a device may never end), then at most {@link #MAX_CONFINED_BYTES} and one byte.
     *
     * @param notRegular what to expect instead of something that is not a regular file
     */
    private static String readFile(Path p, String ref, Location at, String subject, String notRegular, LinkOption... options)
            throws ScenarioException {
        try {
            return TextFiles.read(p, MAX_CONFINED_BYTES, options);
        } catch (NoSuchFileException e) {
            throw noSuchFile(ref, at, subject);
        } catch (TextFiles.Refused e) {
            throw e.tooLarge() ? tooLarge(ref, at, subject)
                    : new ScenarioException(List.of(new Problem(at, subject, ref + " is not a regular file", notRegular)));
        } catch (CharacterCodingException e) {
            throw new ScenarioException(List.of(new Problem(at, subject, ref + " is not UTF-8 text", "a UTF-8 text file")));
        } catch (IOException e) {
            throw new ScenarioException(List.of(new Problem(at, subject, "cannot read the file: " + e.getMessage(), "a readable UTF-8 file")));
        }
    }

    private static ScenarioException tooLarge(String ref, Location at, String subject) {
        return new ScenarioException(List.of(new Problem(at, subject, ref + " is larger than " + (MAX_CONFINED_BYTES >> 20) + " MiB",
                "a scenario file of at most " + (MAX_CONFINED_BYTES >> 20) + " MiB")));
    }

    private static Draft parse(String label, String text, Path baseDir, Set<String> chain, Location from, Path confine)
            throws ScenarioException {
        if (TextFiles.largerThan(text, MAX_CONFINED_BYTES)) {
            // before any parsing: the parsers' time grows faster than the text
            throw new ScenarioException(List.of(new Problem(from == null ? new Location(label, 0, 0) : from,
                    from == null ? "scenario" : "extends", label + " is larger than " + TextFiles.size(MAX_CONFINED_BYTES),
                    "a scenario of at most " + TextFiles.size(MAX_CONFINED_BYTES))));
        }
        if (chain.size() == MAX_EXTENDS && !chain.contains(label)) {
            throw new ScenarioException(List.of(new Problem(from == null ? new Location(label, 1, 1) : from, "extends",
                    "the extends chain is longer than " + MAX_EXTENDS + " scenarios",
                    "at most " + MAX_EXTENDS + " scenarios, each extending the next")));
        }
        if (!chain.add(label)) {
            throw new ScenarioException(List.of(new Problem(from == null ? new Location(label, 1, 1) : from, "extends",
                    "scenarios extend each other in a cycle: " + String.join(" -> ", chain) + " -> " + label,
                    "a chain that ends in a complete scenario")));
        }
        List<Problem> problems = new ArrayList<>();
        Node root = Yaml.parse(label, text, problems);
        if (root == null || !problems.isEmpty()) {
            throw new ScenarioException(sorted(problems));
        }
        if (from != null && Yaml.get(root, "resolve") == null) {
            // A file that does not even say it is a scenario (a key file, a password list...):
            // say so at the extends line, and quote nothing of it.
            throw new ScenarioException(List.of(new Problem(from, "extends", label + " is not a scenario file (at line "
                    + Yaml.loc(label, root).line() + " it holds " + (root instanceof MappingNode ? "a mapping without 'resolve: 1'"
                    : root instanceof SequenceNode ? "a list" : "text") + "; its content is not shown)",
                    "a scenario file (a YAML mapping with resolve: 1) or one of " + String.join(", ", Bundled.IDS))));
        }
        validateSchema(label, text, root, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(sorted(problems));
        }
        Draft d = new Draft(label, root);
        Node ext = Yaml.get(root, "extends");
        if (ext != null) {
            d.parent = draft(Yaml.scalar(ext), baseDir, chain, Yaml.loc(label, ext), confine);
        }
        return d;
    }

    // ---------------------------------------------------------------- schema

    private static void validateSchema(String file, String text, Node root, List<Problem> problems) {
        JsonNode tree;
        try {
            tree = NodeReader.builder().locationAware().build().readTree(text, InputFormat.YAML);
        } catch (IOException | IllegalArgumentException e) {
            // snakeyaml-engine (YAML 1.2) accepted the text; the schema's reader (YAML 1.1) did not,
            // e.g. for 1:2:3.5, a sexagesimal float there and text here. Point at the value.
            Throwable cause = e.getCause() instanceof JsonProcessingException ? e.getCause() : e;
            JsonLocation jl = cause instanceof JsonProcessingException j ? j.getLocation() : null;
            List<Object> path = jl == null ? null : Yaml.scalarEndingAt(root, jl.getLineNr(), jl.getColumnNr());
            if (path != null) {
                Node at = Yaml.follow(root, path, false);
                problems.add(new Problem(Yaml.loc(file, at), subject(path), "value '" + Yaml.scalar(at)
                        + "' is read differently by YAML 1.1 and YAML 1.2 tools", "a plain decimal number, or text in quotes"));
            } else {
                Location loc = jl == null ? new Location(file, 1, 1) : new Location(file, jl.getLineNr(), jl.getColumnNr());
                // the reader's first line only: the lines after it quote the text
                String msg = Yaml.firstLine(cause instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(cause.getMessage()));
                problems.add(new Problem(loc, "yaml", "malformed YAML: " + msg, "well-formed YAML"));
            }
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (com.networknt.schema.Error e : SCHEMA.validate(tree)) {
            List<Object> path = elements(e.getInstanceLocation());
            String keyword = e.getKeyword();
            String subject = subject(path);
            String problem;
            String expected;
            Node at;
            switch (keyword) {
                case "additionalProperties" -> {
                    String prop = e.getProperty();
                    List<Object> sub = new ArrayList<>(path);
                    sub.add(prop);
                    at = Yaml.follow(root, sub, true);
                    subject = subject(sub);
                    List<String> known = knownProperties(e);
                    String hint = DidYouMean.suggest(prop, known);
                    problem = "unknown key '" + prop + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)");
                    expected = known.size() <= 12 ? "one of " + String.join(", ", known) : "a name from the schema (" + known.size() + " known)";
                }
                case "required" -> {
                    at = Yaml.follow(root, path, false);
                    String prop = e.getProperty() != null ? e.getProperty()
                            : e.getArguments() != null && e.getArguments().length > 0 ? String.valueOf(e.getArguments()[0]) : "?";
                    problem = "missing field '" + prop + "'";
                    expected = "'" + prop + "' to be given";
                }
                case "type" -> {
                    at = Yaml.follow(root, path, false);
                    String got = Yaml.scalar(at);
                    problem = "wrong type" + (got == null ? "" : ": '" + got + "'");
                    expected = article(e.getSchemaNode().asText());
                }
                case "enum" -> {
                    at = Yaml.follow(root, path, false);
                    List<String> allowed = new ArrayList<>();
                    e.getSchemaNode().forEach(n -> allowed.add(n.asText()));
                    String got = Yaml.scalar(at);
                    String hint = got == null ? null : DidYouMean.suggest(got, allowed);
                    problem = "unknown value '" + got + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)");
                    expected = "one of " + String.join(", ", allowed);
                }
                case "pattern" -> {
                    at = Yaml.follow(root, path, false);
                    problem = "malformed value '" + Yaml.scalar(at) + "'";
                    expected = path.isEmpty() || !String.valueOf(path.get(path.size() - 1)).equals("id")
                            ? "an ISO date YYYY-MM-DD" : "lower-case letters, digits, '.' and '-'";
                }
                case "minimum", "maximum", "minItems", "const" -> {
                    at = Yaml.follow(root, path, false);
                    problem = keyword.equals("minItems") ? "too few items" : "value '" + Yaml.scalar(at) + "' not allowed";
                    expected = switch (keyword) {
                        case "minimum" -> "at least " + e.getSchemaNode().asText();
                        case "maximum" -> "at most " + e.getSchemaNode().asText();
                        case "minItems" -> "at least " + e.getSchemaNode().asText() + " item(s)";
                        default -> "the value " + e.getSchemaNode().asText();
                    };
                }
                default -> {
                    at = Yaml.follow(root, path, false);
                    problem = e.getMessage();
                    expected = "what the schema describes";
                }
            }
            Problem p = new Problem(Yaml.loc(file, at), subject, problem, expected);
            if (seen.add(p.toString())) {
                problems.add(p);
            }
        }
    }

    private static String article(String type) {
        return switch (type) {
            case "integer" -> "an integer";
            case "object" -> "a mapping (key: value lines)";
            case "array" -> "a list";
            default -> "a " + type;
        };
    }

    private static List<Object> elements(NodePath p) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < p.getNameCount(); i++) {
            Object el = p.getElement(i);
            out.add(el instanceof Integer ? el : String.valueOf(el));
        }
        return out;
    }

    private static List<String> knownProperties(com.networknt.schema.Error e) {
        // The schema location ends in /additionalProperties; its parent object lists the known keys.
        String loc = e.getSchemaLocation().toString();
        int hash = loc.indexOf('#');
        String pointer = hash >= 0 ? loc.substring(hash + 1) : "";
        if (pointer.endsWith("/additionalProperties")) {
            pointer = pointer.substring(0, pointer.length() - "/additionalProperties".length());
        }
        JsonNode schemaObj = SCHEMA_TREE.at(pointer);
        List<String> out = new ArrayList<>();
        Iterator<String> it = schemaObj.path("properties").fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }

    private static JsonNode readSchemaTree() {
        try {
            return new ObjectMapper().readTree(ScenarioSchema.shipped());
        } catch (IOException e) {
            throw new IllegalStateException("the shipped schema is not JSON", e);
        }
    }

    private static String subject(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object o : path) {
            if (o instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(o);
            }
        }
        return sb.length() == 0 ? "scenario" : sb.toString();
    }

    // ---------------------------------------------------------------- drafts and merging

    /** One file's content, located, with the file it extends. */
    private static final class Draft {
        final String file;
        final Node root;
        Draft parent;
        /** A layer made of a command-line setting ({@code --set}), not a file. */
        boolean setting;

        Draft(String file, Node root) {
            this.file = file;
            this.root = root;
        }

        /** The nearest value of a top-level key along the extends chain. */
        At top(String key) {
            Node n = Yaml.get(root, key);
            if (n != null) {
                return new At(file, n);
            }
            return parent == null ? null : parent.top(key);
        }

        /** Entries of a top-level mapping, merged along the chain (this file wins). */
        Map<String, At> merged(String key) {
            Map<String, At> out = parent == null ? new LinkedHashMap<>() : parent.merged(key);
            Node n = Yaml.get(root, key);
            if (n != null) {
                for (Map.Entry<String, NodeTuple> e : Yaml.entries(n).entrySet()) {
                    out.put(e.getKey(), new At(file, e.getValue().getValueNode(), e.getValue().getKeyNode()));
                }
            }
            return out;
        }

        List<String> files() {
            List<String> out = parent == null ? new ArrayList<>() : parent.files();
            if (!setting) {
                out.add(file);
            }
            return out;
        }
    }

    /** A node and the file it is in. */
    private record At(String file, Node node, Node key) {
        At(String file, Node node) {
            this(file, node, null);
        }

        Location loc() {
            return Yaml.loc(file, node);
        }

        Location keyLoc() {
            return Yaml.loc(file, key == null ? node : key);
        }

        At child(String k) {
            NodeTuple t = Yaml.entries(node).get(k);
            return t == null ? null : new At(file, t.getValueNode(), t.getKeyNode());
        }

        String text() {
            return Yaml.scalar(node);
        }
    }

    // ---------------------------------------------------------------- meaning

    private static Scenario build(Draft d) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        Location rootLoc = new Location(d.file, 1, 1);
        String id = text(d.top("id"));
        String title = orElse(text(d.top("title")), id);
        String description = orElse(text(d.top("description")), "");
        String intendedUse = orElse(text(d.top("intended_use")),
                "Exploring scenarios with their uncertainty; not a prediction and not an operational tool.");
        LocalDate start = date(d.top("start"), "start", problems, rootLoc, true);
        Integer days = integer(d.top("days"), "days", problems, rootLoc);
        LocalDate knowledge = date(d.top("knowledge_date"), "knowledge_date", problems, rootLoc, false);
        AttritionLaw law = AttritionLaw.SQUARE;
        At lawAt = d.top("attrition_law");
        if (lawAt != null) {
            law = AttritionLaw.byKey(lawAt.text());
        }
        LocalDate end = start != null && days != null ? start.plusDays(days - 1L) : null;
        if (start != null && knowledge != null && knowledge.isBefore(start)) {
            problems.add(new Problem(d.top("knowledge_date").loc(), "knowledge_date",
                    "knowledge date " + knowledge + " is before the start " + start, "a date on or after start"));
        }

        // Sources
        Map<String, Source> sources = new LinkedHashMap<>();
        for (Map.Entry<String, At> e : d.merged("sources").entrySet()) {
            At s = e.getValue();
            String sid = e.getKey();
            String quote = text(s.child("quote"));
            At dateAt = s.child("date");
            date(dateAt, "sources." + sid + ".date", problems, s.loc(), true);
            if (quote != null) {
                int words = quote.trim().isEmpty() ? 0 : quote.trim().split("\\s+").length;
                if (words > MAX_QUOTE_WORDS) {
                    problems.add(new Problem(s.child("quote").loc(), "sources." + sid + ".quote",
                            "quote has " + words + " words", "at most " + MAX_QUOTE_WORDS + " words (cite briefly)"));
                }
                if (quote.isBlank()) {
                    problems.add(new Problem(s.child("quote").loc(), "sources." + sid + ".quote", "empty quote", "the claim's words"));
                }
            }
            sources.put(sid, new Source(sid, text(s.child("claimant")), text(dateAt), text(s.child("publication")),
                    quote, orElse(text(s.child("reliability")), ""), s.keyLoc()));
        }

        // Parameters
        Map<String, At> rawParams = d.merged("parameters");
        Map<Param, ParameterSpec> params = new EnumMap<>(Param.class);
        for (Map.Entry<String, At> e : rawParams.entrySet()) {
            Param p = Param.byKey(e.getKey());
            if (p == null) {
                continue; // the schema already rejected it
            }
            ParameterSpec spec = parameter(p, e.getValue(), sources, problems);
            if (spec != null) {
                params.put(p, spec);
            }
        }
        At paramsAt = d.top("parameters");
        for (Param p : Param.values()) {
            if (!rawParams.containsKey(p.key())) {
                problems.add(new Problem(paramsAt == null ? rootLoc : paramsAt.loc(), "parameters." + p.key(),
                        "missing parameter (" + p.description() + ")",
                        "a value or distribution in " + p.unit() + ", with evidence or an assumption"));
            }
        }

        // Waves
        List<Wave> waves = new ArrayList<>();
        At dep = d.top("deployment");
        At wavesAt = dep == null ? null : dep.child("waves");
        if (wavesAt == null) {
            problems.add(new Problem(dep == null ? rootLoc : dep.loc(), "deployment.waves", "no deployment waves",
                    "at least one wave with date, size and unit_type"));
        } else {
            int i = 0;
            for (Node n : Yaml.items(wavesAt.node())) {
                At w = new At(wavesAt.file(), n);
                String subject = "deployment.waves[" + i + "]";
                LocalDate wd = date(w.child("date"), subject + ".date", problems, w.loc(), true);
                Integer size = integer(w.child("size"), subject + ".size", problems, w.loc());
                UnitType ut = UnitType.byKey(text(w.child("unit_type")));
                At ev = w.child("repeat_every_days");
                At times = w.child("repeat_times");
                int every = ev == null ? 0 : orZero(integer(ev, subject + ".repeat_every_days", problems, w.loc()));
                int rep = times == null ? 0 : orZero(integer(times, subject + ".repeat_times", problems, w.loc()));
                if ((ev == null) != (times == null)) {
                    problems.add(new Problem(w.loc(), subject, "repeat_every_days and repeat_times go together",
                            "both or neither"));
                }
                Provenance prov = provenance(w, subject, sources, problems);
                if (wd != null && start != null && wd.isBefore(start)) {
                    problems.add(new Problem(w.child("date").loc(), subject + ".date", "wave leaves on " + wd
                            + ", before the start " + start, "a date on or after start"));
                }
                if (wd != null && end != null && wd.isAfter(end)) {
                    problems.add(new Problem(w.child("date").loc(), subject + ".date", "wave leaves on " + wd
                            + ", after the horizon ends on " + end, "a date within the horizon"));
                }
                if (!waves.isEmpty() && wd != null && wd.isBefore(waves.get(waves.size() - 1).date())) {
                    problems.add(new Problem(w.child("date").loc(), subject + ".date", "waves out of date order",
                            "a date on or after the previous wave's " + waves.get(waves.size() - 1).date()));
                }
                String wid = orElse(text(w.child("id")), "wave-" + (i + 1));
                if (wd != null && size != null && ut != null) {
                    waves.add(new Wave(wid, wd, size, ut, every, rep, prov, w.loc()));
                }
                i++;
            }
        }

        // Calendar
        List<Phase> calendar = calendar(d, start, sources, problems, rootLoc);

        // Campaign
        Campaign campaign = null;
        At campAt = d.top("campaign");
        if (campAt != null) {
            LocalDate cs = date(campAt.child("start"), "campaign.start", problems, campAt.loc(), true);
            Provenance prov = provenance(campAt, "campaign", sources, problems);
            if (cs != null && start != null && cs.isBefore(start)) {
                problems.add(new Problem(campAt.child("start").loc(), "campaign.start",
                        "campaign starts on " + cs + ", before the start " + start, "a date on or after start"));
            }
            if (cs != null) {
                campaign = new Campaign(cs, prov, campAt.loc());
            }
        }

        if (id == null) {
            problems.add(new Problem(rootLoc, "id", "missing field 'id'", "a short scenario name"));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(sorted(problems));
        }
        return new Scenario(id, title, description, start, days, knowledge, intendedUse, law, sources, params, waves,
                calendar, campaign, d.files());
    }

    /**
     * The operations calendar: phases in date order. The first phase has a date; a later phase has
     * a date exactly when the phase before it has no uncertain length ({@code days}); {@code days}
     * names a parameter in days; the last phase has no {@code days} (it lasts to the horizon).
     */
    private static List<Phase> calendar(Draft d, LocalDate start, Map<String, Source> sources, List<Problem> problems,
                                        Location rootLoc) {
        List<Phase> calendar = new ArrayList<>();
        At calAt = d.top("calendar");
        if (calAt == null) {
            problems.add(new Problem(rootLoc, "calendar", "no operations calendar", "at least one phase with from and posture"));
            return calendar;
        }
        List<Node> items = Yaml.items(calAt.node());
        LocalDate lastDate = null;
        Param previousDays = null;
        for (int i = 0; i < items.size(); i++) {
            At ph = new At(calAt.file(), items.get(i));
            String subject = "calendar[" + i + "]";
            At fromAt = ph.child("from");
            LocalDate from = fromAt == null ? null : date(fromAt, subject + ".from", problems, ph.loc(), false);
            Posture posture = Posture.byKey(text(ph.child("posture")));
            Provenance prov = provenance(ph, subject, sources, problems);
            Param days = null;
            At daysAt = ph.child("days");
            if (daysAt != null) {
                String key = text(daysAt);
                days = key == null ? null : Param.byKey(key);
                if (days == null || !days.unit().equals("days")) {
                    List<String> names = new ArrayList<>();
                    for (Param p : Param.values()) {
                        if (p.unit().equals("days") && p.key().startsWith("operation.")) {
                            names.add(p.key());
                        }
                    }
                    problems.add(new Problem(daysAt.loc(), subject + ".days", "'" + key + "' is not a parameter in days",
                            "the name of a parameter in days, e.g. " + String.join(", ", names)));
                }
            }
            if (i == 0 && fromAt == null) {
                problems.add(new Problem(ph.loc(), subject + ".from", "the first phase has no date", "a from date"));
            } else if (i > 0 && previousDays == null && fromAt == null) {
                problems.add(new Problem(ph.loc(), subject + ".from", "a phase without a date follows a phase of no stated length",
                        "a from date, or days on the phase before"));
            } else if (i > 0 && previousDays != null && fromAt != null) {
                problems.add(new Problem(fromAt.loc(), subject + ".from",
                        "a dated phase follows a phase whose length is the parameter " + previousDays.key(),
                        "no from date here (the phase starts when the previous one ends), or no days on the previous phase"));
            }
            if (from != null && lastDate != null && !from.isAfter(lastDate)) {
                problems.add(new Problem(fromAt.loc(), subject + ".from", "phases out of date order",
                        "a date after the previous phase's " + lastDate));
            }
            if (i == 0 && from != null && start != null && from.isAfter(start)) {
                problems.add(new Problem(fromAt.loc(), subject + ".from",
                        "the first phase starts on " + from + ", after the start " + start, "the first phase to cover the start"));
            }
            if (i == items.size() - 1 && daysAt != null) {
                problems.add(new Problem(daysAt.loc(), subject + ".days", "the last phase has a length",
                        "no days on the last phase (it lasts to the horizon), or a phase after it"));
            }
            if (from != null) {
                lastDate = from;
            }
            previousDays = days;
            if (posture != null && (from != null || i > 0)) {
                calendar.add(new Phase(from, posture, days, prov, ph.loc()));
            }
        }
        return calendar;
    }

    private static ParameterSpec parameter(Param p, At at, Map<String, Source> sources, List<Problem> problems) {
        String subject = "parameters." + p.key();
        At value = at.child("value");
        At dist = at.child("distribution");
        String unit = text(at.child("unit"));
        if (unit != null && !unit.equals(p.unit())) {
            problems.add(new Problem(at.child("unit").loc(), subject + ".unit", "unit '" + unit + "'", "'" + p.unit() + "'"));
        }
        Provenance prov = provenance(at, subject, sources, problems);
        String note = text(at.child("note"));
        if ((value == null) == (dist == null)) {
            problems.add(new Problem(at.keyLoc(), subject, value == null ? "neither value nor distribution"
                    : "both value and distribution", "exactly one of value or distribution"));
            return null;
        }
        Distribution distribution;
        if (value != null) {
            Double v = number(value, subject + ".value", problems);
            if (v == null) {
                return null;
            }
            if (!p.admits(v)) {
                problems.add(new Problem(value.loc(), subject + ".value", "value " + Distribution.fmt(v) + " out of range",
                        p.expected()));
                return null;
            }
            distribution = new Distribution.Fixed(v);
        } else {
            distribution = distribution(dist, subject + ".distribution", sources, problems);
            if (distribution == null) {
                return null;
            }
            checkSupport(p, distribution, dist, subject + ".distribution", problems);
        }
        return new ParameterSpec(p, distribution, unit, prov, note, at.keyLoc());
    }

    private static void checkSupport(Param p, Distribution d, At at, String subject, List<Problem> problems) {
        Kind kind = p.kind();
        double lo = d.lower();
        double hi = d.upper();
        if (lo < p.min() || hi > p.max()) {
            problems.add(new Problem(at.loc(), subject, "values can fall in [" + Distribution.fmt(lo) + ", " + Distribution.fmt(hi)
                    + "], outside what the parameter allows", p.expected() + " (truncate with low/high)"));
        }
        if (kind == Kind.FLAG && !d.fixed()) {
            boolean ok = d instanceof Distribution.Mixture m && m.components().stream().allMatch(c -> c.distribution().fixed()
                    && kind.admits(c.distribution().lower()));
            if (!ok) {
                problems.add(new Problem(at.loc(), subject, "a switch cannot be drawn from a continuous distribution",
                        "value 0 or 1, or a mixture of fixed 0 and 1"));
            }
        }
    }

    private static Distribution distribution(At at, String subject, Map<String, Source> sources, List<Problem> problems) {
        String type = text(at.child("type"));
        if (type == null) {
            return null;
        }
        int before = problems.size();
        List<String> keys = DISTRIBUTION_KEYS.getOrDefault(type, List.of());
        for (NodeTuple t : Yaml.entries(at.node()).values()) {
            String k = Yaml.scalar(t.getKeyNode());
            if (!k.equals("type") && !keys.isEmpty() && !keys.contains(k)) { // a key that would be silently ignored
                String hint = DidYouMean.suggest(k, keys);
                problems.add(new Problem(Yaml.loc(at.file(), t.getKeyNode()), subject + "." + k, "'" + k + "' does not apply to a "
                        + type + " distribution" + (hint == null ? "" : " (did you mean '" + hint + "'?)"), "only " + String.join(", ", keys)));
            }
        }
        Distribution out;
        switch (type) {
            case "fixed" -> {
                Double v = req(at, "value", subject, problems);
                out = v == null ? null : new Distribution.Fixed(v);
            }
            case "uniform" -> {
                Double lo = req(at, "low", subject, problems);
                Double hi = req(at, "high", subject, problems);
                out = null;
                if (lo != null && hi != null) {
                    if (lo > hi) {
                        problems.add(new Problem(at.child("low").loc(), subject + ".low", "lower bound " + Distribution.fmt(lo)
                                + " is above the upper bound " + Distribution.fmt(hi), "low <= high"));
                    } else {
                        out = new Distribution.Uniform(lo, hi);
                    }
                }
            }
            case "triangular" -> {
                Double lo = req(at, "low", subject, problems);
                Double mode = req(at, "mode", subject, problems);
                Double hi = req(at, "high", subject, problems);
                out = null;
                if (lo != null && mode != null && hi != null) {
                    if (lo > hi) {
                        problems.add(new Problem(at.child("low").loc(), subject + ".low", "lower bound " + Distribution.fmt(lo)
                                + " is above the upper bound " + Distribution.fmt(hi), "low <= mode <= high"));
                    } else if (mode < lo || mode > hi) {
                        problems.add(new Problem(at.child("mode").loc(), subject + ".mode", "mode " + Distribution.fmt(mode)
                                + " outside [" + Distribution.fmt(lo) + ", " + Distribution.fmt(hi) + "]", "low <= mode <= high"));
                    } else {
                        out = new Distribution.Triangular(lo, mode, hi);
                    }
                }
            }
            case "normal", "lognormal" -> {
                boolean normal = type.equals("normal");
                Double centre = req(at, normal ? "mean" : "median", subject, problems);
                Double spread = req(at, normal ? "sd" : "sigma", subject, problems);
                double lo = opt(at, "low", subject, problems, Double.NEGATIVE_INFINITY);
                double hi = opt(at, "high", subject, problems, Double.POSITIVE_INFINITY);
                out = null;
                if (centre != null && spread != null) {
                    if (spread <= 0) {
                        problems.add(new Problem(at.child(normal ? "sd" : "sigma").loc(), subject + (normal ? ".sd" : ".sigma"),
                                "spread " + Distribution.fmt(spread) + " is not positive", "a number > 0"));
                    } else if (!normal && centre <= 0) {
                        problems.add(new Problem(at.child("median").loc(), subject + ".median",
                                "median " + Distribution.fmt(centre) + " is not positive", "a number > 0"));
                    } else if (lo >= hi) {
                        problems.add(new Problem(at.child("low").loc(), subject + ".low", "lower bound " + Distribution.fmt(lo)
                                + " is not below the upper bound " + Distribution.fmt(hi), "low < high"));
                    } else {
                        out = normal ? new Distribution.Normal(centre, spread, lo, hi) : new Distribution.LogNormal(centre, spread, lo, hi);
                    }
                }
            }
            case "beta" -> {
                Double a = req(at, "alpha", subject, problems);
                Double b = req(at, "beta", subject, problems);
                double lo = opt(at, "low", subject, problems, 0);
                double hi = opt(at, "high", subject, problems, 1);
                out = null;
                if (a != null && b != null) {
                    if (a <= 0 || b <= 0) {
                        problems.add(new Problem(at.child(a <= 0 ? "alpha" : "beta").loc(), subject + (a <= 0 ? ".alpha" : ".beta"),
                                "shape " + Distribution.fmt(a <= 0 ? a : b) + " is not positive", "alpha > 0 and beta > 0"));
                    } else if (lo > hi) {
                        problems.add(new Problem(at.child("low").loc(), subject + ".low", "lower bound " + Distribution.fmt(lo)
                                + " is above the upper bound " + Distribution.fmt(hi), "low <= high"));
                    } else {
                        out = new Distribution.Beta(a, b, lo, hi);
                    }
                }
            }
            case "mixture" -> {
                At comps = at.child("components");
                out = null;
                if (comps == null) {
                    problems.add(new Problem(at.loc(), subject + ".components", "missing field 'components'",
                            "a list of weighted estimates, each with its evidence"));
                } else {
                    List<Distribution.Component> list = new ArrayList<>();
                    double total = 0;
                    int i = 0;
                    for (Node n : Yaml.items(comps.node())) {
                        At c = new At(comps.file(), n);
                        String cs = subject + ".components[" + i + "]";
                        Double w = number(c.child("weight"), cs + ".weight", problems);
                        if (w != null && !(w > 0)) {
                            problems.add(new Problem(c.child("weight").loc(), cs + ".weight", "weight " + Distribution.fmt(w)
                                    + " is not positive", "a weight > 0"));
                        }
                        List<String> ev = evidence(c, cs, sources, problems);
                        Distribution inner = c.child("distribution") == null ? null
                                : distribution(c.child("distribution"), cs + ".distribution", sources, problems);
                        if (ev.isEmpty()) {
                            problems.add(new Problem(c.loc(), cs + ".evidence", "a mixture component without evidence",
                                    "the source ids of this estimate"));
                        }
                        if (w != null && w > 0 && inner != null) {
                            total += w;
                            list.add(new Distribution.Component(w, inner, ev, orElse(text(c.child("label")), "")));
                        }
                        i++;
                    }
                    if (!list.isEmpty() && Math.abs(total - 1) > 1e-6 && problems.size() == before) {
                        problems.add(new Problem(comps.loc(), subject + ".components", "weights add up to "
                                + Distribution.fmt(total), "weights that add up to 1"));
                    }
                    if (problems.size() == before) {
                        out = new Distribution.Mixture(list);
                    }
                }
            }
            default -> out = null;
        }
        if (out != null && problems.size() == before && !(out instanceof Distribution.Mixture)) {
            usable(out, at, subject, problems); // a mixture's components were checked as they were read
        }
        return problems.size() == before ? out : null;
    }

    /**
     * Refuses a distribution that is valid on paper but cannot be sampled faithfully in double
     * precision: a range whose width overflows, beta shapes outside
     * [{@link Distribution#MIN_BETA_SHAPE}, {@link Distribution#MAX_BETA_SHAPE}], a truncation
     * window holding less than {@link Distribution#MIN_WINDOW_PROBABILITY} of the probability; and,
     * whatever the cause, one whose quantile fails, leaves its support or gives one value at every
     * probability (for the types with a spread), so that sampling never silently gives a bound or
     * a constant, and never fails in the middle of a run.
     */
    private static void usable(Distribution d, At at, String subject, List<Problem> problems) {
        int before = problems.size();
        double lo = Double.NaN;
        double hi = Double.NaN;
        if (d instanceof Distribution.Uniform u) {
            lo = u.low();
            hi = u.high();
        } else if (d instanceof Distribution.Triangular t) {
            lo = t.low();
            hi = t.high();
        } else if (d instanceof Distribution.Beta b) {
            lo = b.low();
            hi = b.high();
            for (String k : List.of("alpha", "beta")) {
                double shape = k.equals("alpha") ? b.alpha() : b.beta();
                if (shape < Distribution.MIN_BETA_SHAPE || shape > Distribution.MAX_BETA_SHAPE) {
                    problems.add(new Problem(at.child(k).loc(), subject + "." + k, "shape " + Distribution.fmt(shape)
                            + " is outside [" + Distribution.fmt(Distribution.MIN_BETA_SHAPE) + ", "
                            + Distribution.fmt(Distribution.MAX_BETA_SHAPE) + "], where the beta distribution can be sampled accurately",
                            "alpha and beta between " + Distribution.fmt(Distribution.MIN_BETA_SHAPE) + " and "
                                    + Distribution.fmt(Distribution.MAX_BETA_SHAPE)
                                    + " (for a near-certain value, type: fixed; for all or nothing, a mixture of fixed values)"));
                }
            }
        } else if (d instanceof Distribution.Normal || d instanceof Distribution.LogNormal) {
            double mass = d instanceof Distribution.Normal n ? n.windowProbability() : ((Distribution.LogNormal) d).windowProbability();
            if (!(mass >= Distribution.MIN_WINDOW_PROBABILITY)) {
                String k = at.child("low") != null ? "low" : "high";
                problems.add(new Problem(at.child(k).loc(), subject + "." + k, "truncation window [" + Distribution.fmt(d.lower())
                        + ", " + Distribution.fmt(d.upper()) + "] holds probability " + (mass > 0 ? Distribution.fmt(mass)
                        : "0 (less than double precision can hold)") + " under " + untruncated(d),
                        "a window holding at least " + Distribution.fmt(Distribution.MIN_WINDOW_PROBABILITY) + " of the probability"));
            }
        }
        if (!Double.isNaN(lo) && !Double.isFinite(hi - lo)) {
            problems.add(new Problem(at.loc(), subject, "the range [" + Distribution.fmt(lo) + ", " + Distribution.fmt(hi)
                    + "] is too wide for double precision (its width overflows)", "bounds less than 1e308 apart"));
        }
        if (problems.size() > before) {
            return;
        }
        // Whatever else could go wrong numerically: probe the quantile function.
        double[] us = {0, 0.001, 0.25, 0.5, 0.75, 0.999, Math.nextDown(1.0)};
        double[] xs = new double[us.length];
        for (int i = 0; i < us.length; i++) {
            double x;
            try {
                x = d.quantile(us[i]);
            } catch (RuntimeException e) {
                problems.add(new Problem(at.loc(), subject, d.describe() + " cannot be sampled in double precision ("
                        + Yaml.firstLine(e.getMessage()) + ")", "parameters within the limits of the user guide"));
                return;
            }
            if (!Double.isFinite(x) || x < d.lower() || x > d.upper()) {
                problems.add(new Problem(at.loc(), subject, d.describe() + " cannot be sampled in double precision: at probability "
                        + Distribution.fmt(us[i]) + " it gives " + Distribution.fmt(x),
                        "a distribution whose values double precision can hold (smaller scale or spread)"));
                return;
            }
            xs[i] = x;
        }
        boolean spread = d instanceof Distribution.Normal || d instanceof Distribution.LogNormal || d instanceof Distribution.Beta;
        if (spread && xs[1] == xs[xs.length - 2]) {
            problems.add(new Problem(at.loc(), subject, d.describe() + " gives " + Distribution.fmt(xs[1])
                    + " at every probability: its spread is below what double precision can tell apart",
                    "a wider spread, or type: fixed"));
        }
    }

    /** @return the untruncated form of a truncated normal or log-normal, for messages */
    private static String untruncated(Distribution d) {
        String s = d.describe();
        int on = s.indexOf(" on [");
        return on < 0 ? s : s.substring(0, on);
    }

    private static Double req(At at, String key, String subject, List<Problem> problems) {
        At v = at.child(key);
        if (v == null) {
            problems.add(new Problem(at.loc(), subject + "." + key, "missing field '" + key + "' for a "
                    + text(at.child("type")) + " distribution", "'" + key + "' to be given"));
            return null;
        }
        return number(v, subject + "." + key, problems);
    }

    private static double opt(At at, String key, String subject, List<Problem> problems, double dflt) {
        At v = at.child(key);
        if (v == null) {
            return dflt;
        }
        Double d = number(v, subject + "." + key, problems);
        return d == null ? dflt : d;
    }

    private static Provenance provenance(At at, String subject, Map<String, Source> sources, List<Problem> problems) {
        List<String> ev = evidence(at, subject, sources, problems);
        At assumption = at.child("assumption");
        boolean assumed = assumption != null && "true".equalsIgnoreCase(assumption.text());
        String reason = text(at.child("reason"));
        if (assumed && (reason == null || reason.isBlank())) {
            problems.add(new Problem(assumption.loc(), subject + ".reason", "an assumption without a reason",
                    "reason: one line saying why this value was assumed"));
        }
        if (!assumed && reason != null && ev.isEmpty() && at.child("evidence") == null) {
            problems.add(new Problem(at.child("reason").loc(), subject + ".assumption", "a reason without assumption: true",
                    "assumption: true with the reason, or evidence"));
        }
        boolean mixtureEvidence = false;
        At dist = at.child("distribution");
        if (dist != null && "mixture".equals(text(dist.child("type")))) {
            mixtureEvidence = true; // each component carries its own evidence
        }
        if (ev.isEmpty() && !assumed && !mixtureEvidence) {
            problems.add(new Problem(at.keyLoc(), subject, "no evidence and not marked as an assumption",
                    "evidence: [source ids], or assumption: true with a reason"));
        }
        return new Provenance(ev, assumed, reason == null ? "" : reason);
    }

    private static List<String> evidence(At at, String subject, Map<String, Source> sources, List<Problem> problems) {
        At evAt = at.child("evidence");
        List<String> ev = new ArrayList<>();
        if (evAt == null) {
            return ev;
        }
        for (Node n : Yaml.items(evAt.node())) {
            String id = Yaml.scalar(n);
            if (id == null) {
                continue;
            }
            if (!sources.containsKey(id)) {
                String hint = DidYouMean.suggest(id, sources.keySet());
                problems.add(new Problem(Yaml.loc(evAt.file(), n), subject + ".evidence",
                        "unknown evidence id '" + id + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"),
                        "an id from sources"));
            }
            ev.add(id);
        }
        return ev;
    }

    // ---------------------------------------------------------------- scalars

    private static String text(At at) {
        return at == null ? null : at.text();
    }

    private static String orElse(String s, String dflt) {
        return s == null ? dflt : s;
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    private static LocalDate date(At at, String subject, List<Problem> problems, Location parent, boolean required) {
        if (at == null) {
            if (required) {
                problems.add(new Problem(parent, subject, "missing date", "an ISO date YYYY-MM-DD"));
            }
            return null;
        }
        try {
            return LocalDate.parse(at.text());
        } catch (DateTimeException | NullPointerException e) {
            problems.add(new Problem(at.loc(), subject, "not a calendar date: '" + at.text() + "'", "an ISO date YYYY-MM-DD"));
            return null;
        }
    }

    private static Integer integer(At at, String subject, List<Problem> problems, Location parent) {
        if (at == null) {
            problems.add(new Problem(parent, subject, "missing number", "an integer"));
            return null;
        }
        Double d = number(at, subject, problems);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            problems.add(new Problem(at.loc(), subject, "not an integer: " + at.text(), "an integer"));
            return null;
        }
        return d.intValue();
    }

    private static Double number(At at, String subject, List<Problem> problems) {
        if (at == null) {
            return null;
        }
        String s = at.text();
        if (!(at.node() instanceof ScalarNode) || s == null) {
            problems.add(new Problem(at.loc(), subject, "not a number", "a finite number"));
            return null;
        }
        String t = s.trim();
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.matches("[-+]?\\.?(nan|inf|infinity)")) {
            problems.add(new Problem(at.loc(), subject, "not a finite number: " + t, "a finite number"));
            return null;
        }
        if (!NUMBER.matcher(t).matches()) {
            problems.add(new Problem(at.loc(), subject, "not a number: '" + t + "'", "a finite number"));
            return null;
        }
        double v = Double.parseDouble(t.replace("_", ""));
        if (!Double.isFinite(v)) {
            problems.add(new Problem(at.loc(), subject, "not a finite number: " + t, "a finite number"));
            return null;
        }
        return v;
    }

    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparing((Problem p) -> p.location().file())
                .thenComparingInt(p -> p.location().line())
                .thenComparingInt(p -> p.location().column()));
        return out;
    }
}
