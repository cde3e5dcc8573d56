package org.resolve.analysis.discovery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.resolve.core.scenario.DidYouMean;

/**
 * A condition on a run's metrics that marks the cases of interest, such as
 * {@code killed > 3000 and surrendered >= 100}.
 *
 * <p>Grammar (keywords case-insensitive, {@code and} binding tighter than {@code or}):
 * <pre>
 *   expression := conjunction ( "or" conjunction )*
 *   conjunction := term ( "and" term )*
 *   term       := METRIC OP NUMBER | "(" expression ")"
 *   OP         := "&gt;" | "&gt;=" | "&lt;" | "&lt;=" | "==" | "!="
 *   METRIC     := a letter or "_", then letters, digits, "_" or "." (e.g. status.killed)
 *   NUMBER     := an optionally signed decimal, with an optional exponent (3000, -1.5, 2e3), finite
 * </pre>
 * Errors name the column (1-based) where the expression goes wrong and, for an unknown metric, the
 * closest allowed name. Parentheses nest at most {@link #MAX_DEPTH} deep, and a number must be
 * finite ({@code 1e999} is refused, not read as infinity). Chains of {@code and} and {@code or}
 * are held as lists, so however many comparisons an expression joins, neither parsing nor
 * evaluating it recurses once per comparison.
 *
 * <p><b>Missing values.</b> When any metric the expression reads is NaN for a run (a failed run,
 * or a metric it could not compute), the outcome is NaN, missing, whatever the other comparisons
 * say: PRIM then leaves the run out and counts it rather than guessing.
 */
public final class OutcomeExpression {
    /**
     * The deepest nesting of parentheses an expression may have. Far more than any condition a
     * person writes needs, and small enough that parsing, which recurses once per level, can never
     * exhaust the stack: deeper text is refused with an error naming the column.
     */
    public static final int MAX_DEPTH = 64;
    /** Longest stretch of the expression an error message quotes; a longer text is shown around the column. */
    private static final int SHOWN = 60;
    /** A comparison operator. */
    public enum Op {
        /** Greater than. */
        GT(">"),
        /** Greater than or equal. */
        GE(">="),
        /** Less than. */
        LT("<"),
        /** Less than or equal. */
        LE("<="),
        /** Equal. */
        EQ("=="),
        /** Not equal. */
        NE("!=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** @return the operator as written */
        public String symbol() {
            return symbol;
        }

        boolean test(double a, double b) {
            return switch (this) {
                case GT -> a > b;
                case GE -> a >= b;
                case LT -> a < b;
                case LE -> a <= b;
                case EQ -> a == b;
                case NE -> a != b;
            };
        }
    }

    private sealed interface Node permits Comparison, And, Or {
    }

    private record Comparison(String metric, Op op, double value) implements Node {
    }

    /** All of the terms hold (a list, not a nested pair, so a long chain does not deepen the tree). */
    private record And(List<Node> terms) implements Node {
    }

    /** Any of the terms holds. */
    private record Or(List<Node> terms) implements Node {
    }

    private final String text;
    private final Node root;
    private final Set<String> metrics;

    private OutcomeExpression(String text, Node root, Set<String> metrics) {
        this.text = text;
        this.root = root;
        this.metrics = metrics;
    }

    /**
     * @param text the expression, e.g. {@code killed > 3000 and surrendered >= 100}
     * @param allowed the metric names it may use
     * @return the parsed expression
     * @throws IllegalArgumentException if the text is blank or malformed (the message gives the
     *     column), or names a metric not in {@code allowed} (the message gives the column and the
     *     closest allowed name)
     */
    public static OutcomeExpression parse(String text, Collection<String> allowed) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty outcome expression; expected e.g. 'killed > 3000'");
        }
        Parser p = new Parser(text, allowed);
        Node root = p.expression();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("expected 'and', 'or' or the end but found '" + p.word() + "'", p.pos);
        }
        return new OutcomeExpression(text, root, Set.copyOf(p.used));
    }

    /** @return the metrics the expression reads */
    public Set<String> metrics() {
        return metrics;
    }

    /** @return the expression as written */
    public String text() {
        return text;
    }

    /**
     * @param metric each metric's value in one run, by name
     * @return 1 when the run is a case of interest, 0 when not, NaN when a metric read is NaN
     */
    public double evaluate(ToDoubleFunction<String> metric) {
        for (String m : metrics) {
            if (Double.isNaN(metric.applyAsDouble(m))) {
                return Double.NaN;
            }
        }
        return eval(root, metric) ? 1 : 0;
    }

    /**
     * @param columns each metric's values, one per run, by name; every column the expression reads
     *     must be present and of one length
     * @return each run's outcome: 1, 0 or NaN (see {@link #evaluate(ToDoubleFunction)})
     * @throws IllegalArgumentException if a metric read is absent or the columns differ in length
     */
    public double[] evaluate(Map<String, double[]> columns) {
        int n = -1;
        for (String m : new TreeSet<>(metrics)) {
            double[] c = columns.get(m);
            if (c == null) {
                throw new IllegalArgumentException("no values for metric '" + m + "' of '" + text + "'");
            }
            if (n >= 0 && c.length != n) {
                throw new IllegalArgumentException("metric '" + m + "' has " + c.length + " values, others " + n);
            }
            n = c.length;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int run = i;
            out[i] = evaluate(m -> columns.get(m)[run]);
        }
        return out;
    }

    /** Recurses once per level of parentheses only, so at most {@link #MAX_DEPTH} deep. */
    private static boolean eval(Node n, ToDoubleFunction<String> metric) {
        if (n instanceof Comparison c) {
            return c.op().test(metric.applyAsDouble(c.metric()), c.value());
        } else if (n instanceof And a) {
            for (Node t : a.terms()) {
                if (!eval(t, metric)) {
                    return false;
                }
            }
            return true;
        } else {
            for (Node t : ((Or) n).terms()) {
                if (eval(t, metric)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public String toString() {
        return text;
    }

    /** A recursive-descent parser over the text, with 0-based positions reported as 1-based columns. */
    private static final class Parser {
        private static final String OPS = ">, >=, <, <=, ==, !=";
        private final String s;
        private final Collection<String> allowed;
        private final Set<String> used = new LinkedHashSet<>();
        private int pos;
        /** Parentheses open at the current position. */
        private int depth;

        Parser(String s, Collection<String> allowed) {
            this.s = s;
            this.allowed = allowed;
        }

        Node expression() {
            Node first = conjunction();
            if (!keyword("or")) {
                return first;
            }
            List<Node> terms = new ArrayList<>(List.of(first));
            do {
                terms.add(conjunction());
            } while (keyword("or"));
            return new Or(List.copyOf(terms));
        }

        Node conjunction() {
            Node first = term();
            if (!keyword("and")) {
                return first;
            }
            List<Node> terms = new ArrayList<>(List.of(first));
            do {
                terms.add(term());
            } while (keyword("and"));
            return new And(List.copyOf(terms));
        }

        Node term() {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '(') {
                int open = pos;
                if (depth == MAX_DEPTH) {
                    throw error("more than " + MAX_DEPTH + " nested parentheses", open, "; expected at most " + MAX_DEPTH
                            + " levels (write the condition with fewer)");
                }
                depth++;
                pos++;
                Node inner = expression();
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw error("expected ')' to close the '(' at column " + (open + 1) + " but found "
                            + found(), pos);
                }
                pos++;
                depth--;
                return inner;
            }
            String metric = metric();
            Op op = operator();
            double value = number();
            return new Comparison(metric, op, value);
        }

        String metric() {
            skipSpace();
            int start = pos;
            if (pos >= s.length() || !(Character.isLetter(s.charAt(pos)) || s.charAt(pos) == '_')) {
                throw error("expected a metric name but found " + found(), pos);
            }
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                    || s.charAt(pos) == '.')) {
                pos++;
            }
            String name = s.substring(start, pos);
            if (name.equalsIgnoreCase("and") || name.equalsIgnoreCase("or")) {
                throw error("expected a metric name but found the keyword '" + clip(name) + "'", start);
            }
            if (!allowed.contains(name)) {
                String hint = DidYouMean.suggest(name, allowed);
                List<String> sorted = new ArrayList<>(new TreeSet<>(allowed));
                String known = sorted.size() <= 12 ? String.join(", ", sorted)
                        : String.join(", ", sorted.subList(0, 12)) + ", …";
                throw error("unknown metric '" + clip(name) + "'", start,
                        (hint == null ? "" : "; did you mean '" + hint + "'?") + " Expected one of " + known);
            }
            used.add(name);
            return name;
        }

        Op operator() {
            skipSpace();
            int start = pos;
            if (pos >= s.length()) {
                throw error("expected a comparison operator (" + OPS + ") but found the end", pos);
            }
            char c = s.charAt(pos);
            char next = pos + 1 < s.length() ? s.charAt(pos + 1) : '\0';
            Op op;
            if (c == '>') {
                op = next == '=' ? Op.GE : Op.GT;
            } else if (c == '<') {
                op = next == '=' ? Op.LE : Op.LT;
            } else if (c == '=' && next == '=') {
                op = Op.EQ;
            } else if (c == '!' && next == '=') {
                op = Op.NE;
            } else if (c == '=') {
                throw error("unknown operator '='; use '==' (operators: " + OPS + ")", start);
            } else {
                throw error("expected a comparison operator (" + OPS + ") but found " + found(), start);
            }
            pos += op.symbol().length();
            return op;
        }

        double number() {
            skipSpace();
            int start = pos;
            int p = pos;
            if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                p++;
            }
            int digits = 0;
            while (p < s.length() && Character.isDigit(s.charAt(p))) {
                p++;
                digits++;
            }
            if (p < s.length() && s.charAt(p) == '.') {
                p++;
                while (p < s.length() && Character.isDigit(s.charAt(p))) {
                    p++;
                    digits++;
                }
            }
            if (digits == 0) {
                throw error("expected a number but found " + found(), start);
            }
            if (p < s.length() && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
                int q = p + 1;
                if (q < s.length() && (s.charAt(q) == '+' || s.charAt(q) == '-')) {
                    q++;
                }
                int exp = 0;
                while (q < s.length() && Character.isDigit(s.charAt(q))) {
                    q++;
                    exp++;
                }
                if (exp == 0) {
                    throw error("malformed number '" + clip(s.substring(start, q)) + "': the exponent has no digits", start);
                }
                p = q;
            }
            if (p < s.length() && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '_' || s.charAt(p) == '.')) {
                while (p < s.length() && !Character.isWhitespace(s.charAt(p)) && s.charAt(p) != ')') {
                    p++;
                }
                throw error("malformed number '" + clip(s.substring(start, p)) + "'", start);
            }
            double v = Double.parseDouble(s.substring(start, p));
            if (!Double.isFinite(v)) {
                throw error("'" + clip(s.substring(start, p)) + "' is not a finite number", start,
                        "; expected a number between -1.7976931348623157e308 and 1.7976931348623157e308");
            }
            pos = p;
            return v;
        }

        /** Consumes the keyword when it is next, as a whole word. */
        boolean keyword(String k) {
            skipSpace();
            int end = pos + k.length();
            if (end <= s.length() && s.regionMatches(true, pos, k, 0, k.length())
                    && (end == s.length() || !(Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_'))) {
                pos = end;
                return true;
            }
            return false;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        /** @return the word (or character) at the current position, cut short when long */
        String word() {
            int p = pos;
            while (p < s.length() && !Character.isWhitespace(s.charAt(p))) {
                p++;
            }
            return clip(s.substring(pos, Math.max(p, pos + 1)));
        }

        /** @return a piece of the text for a message: whole, or its first {@link #SHOWN} characters and "…" */
        static String clip(String piece) {
            return piece.length() <= SHOWN ? piece : piece.substring(0, SHOWN) + "…";
        }

        String found() {
            return pos >= s.length() ? "the end" : "'" + word() + "'";
        }

        IllegalArgumentException error(String what, int at) {
            return error(what, at, "");
        }

        /**
         * @return "WHAT at column N of 'TEXT'TAIL" and the text with a caret under the column; a text
         *     longer than {@link #SHOWN} characters is shown as the stretch around the column, with
         *     "…" where it is cut, so that an error never repeats a huge expression
         */
        IllegalArgumentException error(String what, int at, String tail) {
            String shown = s;
            int caretAt = at;
            if (s.length() > SHOWN) {
                int from = Math.max(0, Math.min(at - SHOWN / 2, s.length() - SHOWN));
                int to = Math.min(s.length(), from + SHOWN);
                shown = (from > 0 ? "…" : "") + s.substring(from, to) + (to < s.length() ? "…" : "");
                caretAt = at - from + (from > 0 ? 1 : 0);
            }
            String caret = " ".repeat(caretAt) + "^";
            return new IllegalArgumentException(String.format(Locale.ROOT, "%s at column %d of '%s'%s%n  %s%n  %s",
                    what, at + 1, shown, tail, shown, caret));
        }
    }
}
