package org.resolve.core.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A thin, located view of a YAML document (snakeyaml-engine's node tree): every value keeps the
 * file, line and column it was written at. Duplicate keys are reported with both positions.
 */
final class Yaml {
    /**
     * The deepest nesting of mappings and lists a scenario file may have. The bundled scenarios
     * need 7 levels; building the node tree (and every walk over it) recurses once per level, so a
     * file nested thousands deep, such as {@code [[[[...]]]]}, would exhaust the stack. It is
     * refused with a located problem before the tree is built.
     */
    static final int MAX_NESTING = 32;
    /** YAML's non-finite floats; the schema's JSON reader cannot hold them, and no value may be one. */
    private static final Pattern NON_FINITE = Pattern.compile("[-+]?\\.(inf|nan)", Pattern.CASE_INSENSITIVE);

    private Yaml() {
    }

    /**
     * Parses a document.
     *
     * @param file the name to report
     * @param text the document
     * @param problems receives malformed-YAML, duplicate-key and non-finite-number problems
     * @return the root node, or null when the text is not YAML or is empty
     */
    static Node parse(String file, String text, List<Problem> problems) {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(false).build();
        Optional<Node> root;
        try {
            Problem tooDeep = nesting(file, new Parse(settings).parseString(text));
            if (tooDeep != null) {
                problems.add(tooDeep);
                return null;
            }
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            Location loc = m == null ? new Location(file, 1, 1) : new Location(file, m.getLine() + 1, m.getColumn() + 1);
            String what = e.getProblem() == null ? "malformed YAML" : e.getProblem();
            Mark cm = e.getContextMark().orElse(null);
            // An unclosed bracket is only noticed lines later: say where it was opened.
            String opened = cm == null || cm == m ? "" : " started at line " + (cm.getLine() + 1) + ", column " + (cm.getColumn() + 1);
            String ctx = e.getContext() == null ? "" : " (" + e.getContext() + opened + ")";
            problems.add(new Problem(loc, "yaml", "malformed YAML: " + what + ctx, "well-formed YAML"));
            return null;
        } catch (YamlEngineException e) {
            problems.add(new Problem(new Location(file, 1, 1), "yaml", "malformed YAML: " + e.getMessage(), "well-formed YAML"));
            return null;
        }
        if (root.isEmpty()) {
            problems.add(new Problem(new Location(file, 1, 1), "yaml", "the file is empty", "a YAML mapping"));
            return null;
        }
        check(file, root.get(), "", problems);
        return root.get();
    }

    /**
     * Reads the document's events (the parser keeps its own stack, it does not recurse) and counts
     * how deep mappings and lists nest.
     *
     * @return a problem at the first mapping or list deeper than {@link #MAX_NESTING}, or null
     */
    private static Problem nesting(String file, Iterable<Event> events) {
        int depth = 0;
        for (Event e : events) {
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_NESTING) {
                        Location at = e.getStartMark().map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1))
                                .orElse(new Location(file, 1, 1));
                        return new Problem(at, "yaml", "mappings and lists nested more than " + MAX_NESTING + " deep",
                                "at most " + MAX_NESTING + " levels of nesting");
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                    // scalars, aliases, document and stream markers do not nest
                }
            }
        }
        return null;
    }

    /** Reports duplicate keys and non-finite numbers, each at its own position. */
    private static void check(String file, Node node, String path, List<Problem> problems) {
        if (node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN && NON_FINITE.matcher(s.getValue()).matches()) {
            problems.add(new Problem(loc(file, s), path.isEmpty() ? "scenario" : path, "not a finite number: " + s.getValue(),
                    "a finite number"));
        } else if (node instanceof MappingNode m) {
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple t : m.getValue()) {
                String key = scalar(t.getKeyNode());
                String sub = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                if (key != null) {
                    Node first = seen.putIfAbsent(key, t.getKeyNode());
                    if (first != null) {
                        problems.add(new Problem(loc(file, t.getKeyNode()), sub,
                                "duplicate key '" + key + "' (first at line " + loc(file, first).line() + ")",
                                "each key once"));
                    }
                }
                check(file, t.getValueNode(), sub, problems);
            }
        } else if (node instanceof SequenceNode s) {
            int i = 0;
            for (Node n : s.getValue()) {
                check(file, n, path + "[" + i++ + "]", problems);
            }
        }
    }

    /**
     * Finds the scalar that ends at a position, as a JSON reader reports it (just past the token).
     *
     * @param node the document
     * @param line 1-based line
     * @param column 1-based column just past the scalar
     * @return its path of keys (String) and indexes (Integer), or null when no scalar ends there
     */
    static List<Object> scalarEndingAt(Node node, int line, int column) {
        if (node instanceof ScalarNode s) {
            Mark end = s.getEndMark().orElse(null);
            return end != null && end.getLine() + 1 == line && end.getColumn() + 1 == column ? new ArrayList<>() : null;
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                List<Object> sub = scalarEndingAt(t.getValueNode(), line, column);
                if (sub != null) {
                    sub.add(0, String.valueOf(scalar(t.getKeyNode())));
                    return sub;
                }
            }
        } else if (node instanceof SequenceNode q) {
            for (int i = 0; i < q.getValue().size(); i++) {
                List<Object> sub = scalarEndingAt(q.getValue().get(i), line, column);
                if (sub != null) {
                    sub.add(0, i);
                    return sub;
                }
            }
        }
        return null;
    }

    /** @return the node's start as a 1-based location */
    static Location loc(String file, Node n) {
        return n.getStartMark().map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new Location(file, 0, 0));
    }

    /** @return the scalar's text, or null when the node is not a scalar */
    static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    /** @return the mapping's entries in file order, keyed by key text, with key and value nodes */
    static Map<String, NodeTuple> entries(Node n) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String k = scalar(t.getKeyNode());
                if (k != null) {
                    out.putIfAbsent(k, t);
                }
            }
        }
        return out;
    }

    /** @return the child value of a mapping, or null */
    static Node get(Node n, String key) {
        NodeTuple t = entries(n).get(key);
        return t == null ? null : t.getValueNode();
    }

    /** @return the items of a sequence, or an empty list */
    static List<Node> items(Node n) {
        return n instanceof SequenceNode s ? s.getValue() : new ArrayList<>();
    }

    /**
     * Follows a path of keys and indexes from the root.
     *
     * @param root the document
     * @param path keys (String) and indexes (Integer)
     * @param keyNode whether to return the last key's node rather than its value
     * @return the node, or the deepest one found
     */
    static Node follow(Node root, List<Object> path, boolean keyNode) {
        Node cur = root;
        for (int i = 0; i < path.size(); i++) {
            Object p = path.get(i);
            boolean last = i == path.size() - 1;
            if (p instanceof Integer idx && cur instanceof SequenceNode s && idx < s.getValue().size()) {
                cur = s.getValue().get(idx);
            } else if (cur instanceof MappingNode) {
                NodeTuple t = entries(cur).get(String.valueOf(p));
                if (t == null) {
                    return cur;
                }
                cur = last && keyNode ? t.getKeyNode() : t.getValueNode();
            } else {
                return cur;
            }
        }
        return cur;
    }
}
