package org.resolve.core.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A thin, located view of a YAML document (snakeyaml-engine's node tree): every value keeps the
 * file, line and column it was written at. Duplicate keys are reported with both positions.
 * Lists and mappings may nest at most {@link #MAX_DEPTH} deep: deeper nesting is a located problem
 * found while the text is parsed, before any node is built, so that no recursive walk (the
 * composer's, this class's, the schema validator's) can exhaust the stack. A line may be at most
 * {@link #MAX_LINE} characters long, checked before parsing: the YAML readers' time grows faster
 * than the length of a line (a 1 MiB line takes seconds, the same text in short lines a tenth of
 * a second).
 */
final class Yaml {
    /** The deepest nesting of lists and mappings a scenario may have (the top-level mapping is level 1). */
    static final int MAX_DEPTH = 64;
    /** The longest line a scenario may have, in characters. */
    static final int MAX_LINE = 16_384;
    /** YAML's non-finite floats; the schema's JSON reader cannot hold them, and no value may be one. */
    private static final Pattern NON_FINITE = Pattern.compile("[-+]?\\.(inf|nan)", Pattern.CASE_INSENSITIVE);

    private Yaml() {
    }

    /**
     * Parses a document.
     *
     * @param file the name to report
     * @param text the document
     * @param problems receives too-long-line, too-deep, malformed-YAML, duplicate-key and non-finite-number problems
     * @return the root node, or null when the text is not YAML or is empty
     */
    static Node parse(String file, String text, List<Problem> problems) {
        int lineNo = 1;
        for (int start = 0; start < text.length(); lineNo++) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            if (end - start > MAX_LINE) {
                problems.add(new Problem(new Location(file, lineNo, MAX_LINE + 1), "yaml", "line " + lineNo + " has "
                        + (end - start) + " characters", "lines of at most " + MAX_LINE
                        + " characters (a long text can run over several lines)"));
                return null;
            }
            start = end + 1;
        }
        LoadSettings settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(false).build();
        Optional<Node> root;
        try {
            root = new Composer(settings, new DepthLimit(new ParserImpl(settings, new StreamReader(settings, text)))).getSingleNode();
        } catch (TooDeep e) {
            Mark m = e.at;
            Location loc = m == null ? new Location(file, 1, 1) : new Location(file, m.getLine() + 1, m.getColumn() + 1);
            problems.add(new Problem(loc, "yaml", "lists and mappings nested more than " + MAX_DEPTH + " levels deep",
                    "at most " + MAX_DEPTH + " levels of nesting"));
            return null;
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            Location loc = m == null ? new Location(file, 1, 1) : new Location(file, m.getLine() + 1, m.getColumn() + 1);
            // Only the parser's own words, never its snippet of the offending line: the text may
            // be a file that is not a scenario at all (a secret, say), reached through extends.
            String what = e.getProblem() == null ? "malformed YAML" : firstLine(e.getProblem());
            Mark cm = e.getContextMark().orElse(null);
            // An unclosed bracket is only noticed lines later: say where it was opened.
            String opened = cm == null || cm == m ? "" : " started at line " + (cm.getLine() + 1) + ", column " + (cm.getColumn() + 1);
            String ctx = e.getContext() == null ? "" : " (" + firstLine(e.getContext()) + opened + ")";
            problems.add(new Problem(loc, "yaml", "malformed YAML: " + what + ctx, "well-formed YAML"));
            return null;
        } catch (YamlEngineException e) {
            problems.add(new Problem(new Location(file, 1, 1), "yaml", "malformed YAML: " + firstLine(e.getMessage()), "well-formed YAML"));
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
     * @param message a parser's message
     * @return its first line: a parser puts the offending line of the text, and a caret under it,
     *     on the lines after its message
     */
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /** Nesting of lists and mappings deeper than {@link #MAX_DEPTH}, and where it goes deeper. */
    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Mark at;

        TooDeep(Mark at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    /**
     * Passes the parser's events on to the composer, counting open lists and mappings; fails as
     * soon as one opens deeper than {@link #MAX_DEPTH}. The parser itself keeps its state on the
     * heap, so only the composer (which recurses once per level) needs this guard, and it never
     * sees the deeper level.
     */
    private static final class DepthLimit implements Parser {
        private final Parser inner;
        private int depth;

        DepthLimit(Parser inner) {
            this.inner = inner;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return inner.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return inner.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return inner.hasNext();
        }

        @Override
        public Event next() {
            Event e = inner.next();
            switch (e.getEventId()) {
                case SequenceStart, MappingStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw new TooDeep(e.getStartMark().orElse(null));
                    }
                }
                case SequenceEnd, MappingEnd -> depth--;
                default -> {
                    // scalars, aliases, documents and the stream do not nest
                }
            }
            return e;
        }
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
