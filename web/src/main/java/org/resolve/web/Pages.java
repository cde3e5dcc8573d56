package org.resolve.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resolve.core.engine.Mode;
import org.resolve.core.scenario.Bundled;
import org.resolve.core.scenario.Distribution;
import org.resolve.core.scenario.ParameterSpec;
import org.resolve.core.scenario.Provenance;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.Source;

/**
 * The server-rendered pages. Every value from a scenario or a request is escaped; pages load only
 * the server's own script and style sheet (no inline script or style, as the Content-Security-Policy
 * requires), and pass data to the script in {@code data-} attributes.
 */
final class Pages {
    private Pages() {
    }

    /** @return the text with HTML's special characters escaped (also quotes, for attributes), as the report does */
    static String esc(String s) {
        return org.resolve.report.Html.escape(s);
    }

    /** @return a query-string value, percent-encoded */
    static String q(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String layout(String page, String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " - Resolve</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/app.css\">"
                + "<script src=\"/assets/chart.umd.min.js\" defer></script>"
                + "<script src=\"/assets/app.js\" defer></script></head>"
                + "<body data-page=\"" + page + "\"><header><a class=\"brand\" href=\"/\">Resolve</a>"
                + "<nav><a href=\"/\">Scenarios</a><a href=\"/compare\">Compare</a><a href=\"/sensitivity\">Sensitivity</a></nav>"
                + "<span class=\"note\">Explores stated assumptions; not a prediction, not an operational tool.</span></header>"
                + "<main>" + body + "</main></body></html>\n";
    }

    /**
     * @param bundled bundled scenarios: id to title
     * @param files user scenario files in the workspace
     * @param runs results folders, newest first, each with the CSV tables it holds
     * @param workspace the workspace folder as shown
     * @return the home page: the scenario list and earlier runs
     */
    static String home(Map<String, String> bundled, List<String> files, Map<String, List<String>> runs, String workspace) {
        StringBuilder b = new StringBuilder("<h1>Scenarios</h1><table class=\"list\" id=\"scenarios\"><tr><th>scenario</th><th>title</th><th></th></tr>");
        for (Map.Entry<String, String> e : bundled.entrySet()) {
            String ref = "scenario=" + q(e.getKey());
            b.append("<tr><td><a href=\"/edit?").append(ref).append("\">").append(esc(e.getKey())).append("</a>")
                    .append(e.getKey().equals(Bundled.DEFAULT) ? " <small>(default)</small>" : "").append("</td><td>")
                    .append(esc(e.getValue())).append("</td><td><a href=\"/provenance?").append(ref).append("\">provenance</a></td></tr>");
        }
        for (String f : files) {
            String ref = "file=" + q(f);
            b.append("<tr><td><a href=\"/edit?").append(ref).append("\">").append(esc(f)).append("</a></td><td><i>file in the workspace</i></td>")
                    .append("<td><a href=\"/provenance?").append(ref).append("\">provenance</a></td></tr>");
        }
        b.append("</table><p class=\"hint\">Workspace: <code>").append(esc(workspace))
                .append("</code>. Scenario files saved from the editor go to its <code>scenarios/</code> folder; runs to <code>results/</code>.</p>");
        b.append("<h2>Runs</h2>");
        if (runs.isEmpty()) {
            b.append("<p>No runs yet: open a scenario and run it.</p>");
        } else {
            b.append("<table class=\"list\" id=\"runs\"><tr><th>results</th><th>download</th></tr>");
            for (Map.Entry<String, List<String>> r : runs.entrySet()) {
                b.append("<tr><td>").append(esc(r.getKey())).append("</td><td>").append(downloads(r.getKey(), r.getValue())).append("</td></tr>");
            }
            b.append("</table>");
        }
        return layout("home", "Scenarios", b.toString());
    }

    /**
     * @param run a results folder
     * @param csv the CSV tables it holds
     * @return download links: those CSV tables, the stored tables as Parquet (exported on request) and the report
     */
    static String downloads(String run, List<String> csv) {
        StringBuilder b = new StringBuilder();
        for (String format : List.of("csv", "parquet")) {
            List<String> tables = format.equals("csv") ? csv : WebServer.TABLES;
            if (tables.isEmpty()) {
                continue;
            }
            b.append("<span class=\"dl\">").append(format).append(':');
            for (String t : tables) {
                b.append(" <a class=\"download\" data-format=\"").append(format).append("\" data-table=\"").append(t)
                        .append("\" href=\"/download?run=").append(q(run)).append("&amp;table=").append(t).append("&amp;format=")
                        .append(format).append("\">").append(t).append("</a>");
            }
            b.append("</span> ");
        }
        b.append("<span class=\"dl\">report: <a class=\"download\" data-format=\"html\" data-table=\"report\" href=\"/download?run=")
                .append(q(run)).append("&amp;table=report\">report.html</a></span>");
        return b.toString();
    }

    /**
     * @param kind what the editor opened: {@code scenario} (a bundled id) or {@code file} (a workspace file)
     * @param name the bundled id or the file's path in the workspace
     * @param label the file name shown
     * @param text the scenario's YAML
     * @param days the scenario's horizon
     * @return the editor with live validation, the run form and the fan charts
     */
    static String editor(String kind, String name, String label, String text, int days) {
        String refParam = kind + "=" + q(name);
        boolean bundled = kind.equals("scenario");
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(label)).append("</h1>");
        b.append("<p><a href=\"/provenance?").append(esc(refParam)).append("\">Provenance of every parameter</a></p>");
        b.append("<section class=\"editor\" id=\"editor\" data-label=\"").append(esc(label)).append("\" data-kind=\"").append(kind)
                .append("\" data-name=\"").append(esc(name)).append("\">")
                .append("<div class=\"code\"><div class=\"gutter\" id=\"gutter\" aria-hidden=\"true\"></div>")
                .append("<textarea id=\"yaml\" spellcheck=\"false\" wrap=\"off\">").append(esc(text)).append("</textarea></div>")
                .append("<div class=\"status\"><span id=\"validity\" data-state=\"unknown\">not checked yet</span>")
                .append(" <label>save as <input id=\"save-name\" value=\"").append(esc(bundled ? label.replaceAll(".*/", "").replace(".yaml", "-mine.yaml") : label.replaceAll(".*/", "")))
                .append("\"></label> <button id=\"save\" type=\"button\">Save to workspace</button> <span id=\"saved\"></span></div>")
                .append("<ol id=\"problems\" class=\"problems\"></ol></section>");
        b.append("<section class=\"run\"><h2>Run an ensemble</h2><form id=\"run-form\">")
                .append("<label>mode <select id=\"mode\">");
        for (Mode m : Mode.values()) {
            b.append("<option value=\"").append(m.key()).append("\">").append(m.key()).append("</option>");
        }
        b.append("</select></label> <label>replications <input id=\"replications\" type=\"number\" min=\"1\" max=\"" + RunJobs.MAX_REPLICATIONS
                + "\" value=\"200\"></label>")
                .append(" <label>days <input id=\"days\" type=\"number\" min=\"1\" max=\"3650\" value=\"").append(days).append("\"></label>")
                .append(" <label>seed <input id=\"seed\" type=\"number\" value=\"20241008\"></label>")
                .append(" <button id=\"run\" type=\"submit\">Run</button>")
                .append(" <button id=\"cancel\" type=\"button\" disabled>Cancel</button></form>")
                .append("<div class=\"progress\"><progress id=\"progress\" value=\"0\" max=\"1\"></progress> <span id=\"progress-text\"></span></div>")
                .append("<div id=\"run-error\" class=\"error\"></div>")
                .append("<div id=\"fans\" class=\"fans\" data-updates=\"0\" data-runs=\"0\"></div>")
                .append("<div id=\"summary\"></div><div id=\"downloads\"></div></section>");
        return layout("editor", label, b.toString());
    }

    /**
     * @param sc the scenario
     * @return every parameter with its value or distribution and its evidence or assumption
     */
    static String provenance(Scenario sc) {
        StringBuilder b = new StringBuilder("<h1>Provenance: ").append(esc(sc.id())).append("</h1><p>").append(esc(sc.title()))
                .append("</p><p class=\"hint\">Knowledge date ").append(sc.knowledgeDate()).append("; ").append(esc(sc.intendedUse()))
                .append("</p><table class=\"list\" id=\"provenance\"><tr><th>parameter</th><th>value or distribution</th><th>unit</th><th>evidence or assumption</th></tr>");
        for (ParameterSpec p : sc.parameters().values()) {
            Provenance pv = p.provenance();
            b.append("<tr data-param=\"").append(esc(p.param().key())).append("\"><td><code>").append(esc(p.param().key()))
                    .append("</code></td><td>").append(esc(p.distribution().describe())).append("</td><td>").append(esc(p.unit()))
                    .append("</td><td>");
            if (pv.assumption()) {
                b.append("<span class=\"assumption\">assumption</span>: ").append(esc(pv.reason())).append(' ');
            }
            sources(b, sc, pv.evidence());
            if (p.distribution() instanceof Distribution.Mixture mx) {
                b.append("<ul class=\"components\">");
                for (Distribution.Component c : mx.components()) {
                    b.append("<li>").append(String.format(Locale.ROOT, "%.2f", c.weight())).append(" &times; ")
                            .append(esc(c.distribution().describe())).append(c.label() == null ? "" : " (" + esc(c.label()) + ")").append(' ');
                    sources(b, sc, c.evidence());
                    b.append("</li>");
                }
                b.append("</ul>");
            }
            if (p.note() != null && !p.note().isBlank()) {
                b.append("<div class=\"hint\">").append(esc(p.note())).append("</div>");
            }
            b.append("</td></tr>");
        }
        b.append("</table>");
        return layout("provenance", "Provenance of " + sc.id(), b.toString());
    }

    private static void sources(StringBuilder b, Scenario sc, List<String> ids) {
        for (String id : ids) {
            Source s = sc.sources().get(id);
            b.append("<details class=\"source\"><summary>").append(esc(id)).append("</summary>");
            if (s != null) {
                b.append(esc(s.claimant())).append(", ").append(esc(s.date())).append(", ").append(esc(s.publication()))
                        .append(": &ldquo;").append(esc(s.quote())).append("&rdquo;").append(s.reliability() == null ? "" : " <i>" + esc(s.reliability()) + "</i>");
            }
            b.append("</details>");
        }
    }

    /**
     * @param choices scenario references (bundled ids and workspace files)
     * @return the comparison page
     */
    static String compare(List<String> choices) {
        StringBuilder b = new StringBuilder("<h1>Compare two scenarios</h1><p class=\"hint\">Common random numbers: replication i of both "
                + "scenarios uses the same seed, so differences are the scenarios', not chance's (the same service as <code>resolve compare</code>).</p>"
                + "<form id=\"compare-form\">");
        b.append(select("baseline", choices, Bundled.DEFAULT)).append(select("scenario", choices, "kursk-2024-persuasion"));
        b.append("<label>mode <select id=\"mode\"><option>aggregate</option><option>agent</option></select></label>")
                .append(" <label>replications <input id=\"replications\" type=\"number\" min=\"2\" max=\"" + RunJobs.MAX_REPLICATIONS
                        + "\" value=\"50\"></label>")
                .append(" <label>days <input id=\"days\" type=\"number\" min=\"1\" max=\"3650\" value=\"365\"></label>")
                .append(" <button type=\"submit\">Compare</button></form><div id=\"compare-status\"></div>")
                .append("<div class=\"chart-box\"><canvas id=\"compare-chart\"></canvas></div><div id=\"compare-result\"></div>");
        return layout("compare", "Compare", b.toString());
    }

    /**
     * @param choices scenario references
     * @return the sensitivity page
     */
    static String sensitivity(List<String> choices) {
        StringBuilder b = new StringBuilder("<h1>Sensitivity (Morris screening)</h1><p class=\"hint\">Which uncertain parameters drive "
                + "the outcomes: mu* is the mean absolute elementary effect (the same service as <code>resolve sensitivity --method morris</code>; "
                + "runs = trajectories &times; (factors + 1)).</p><form id=\"sensitivity-form\">");
        b.append(select("scenario", choices, Bundled.DEFAULT));
        b.append("<label>mode <select id=\"mode\"><option>aggregate</option><option>agent</option></select></label>")
                .append(" <label>trajectories <input id=\"trajectories\" type=\"number\" min=\"2\" max=\"1000\" value=\"10\"></label>")
                .append(" <label>days <input id=\"days\" type=\"number\" min=\"1\" max=\"3650\" value=\"365\"></label>")
                .append(" <button type=\"submit\">Analyse</button></form><div id=\"sensitivity-status\"></div>")
                .append("<label>outcome <select id=\"outcome\"></select></label>")
                .append("<div class=\"chart-box\"><canvas id=\"sensitivity-chart\"></canvas></div><div id=\"sensitivity-result\"></div>");
        return layout("sensitivity", "Sensitivity", b.toString());
    }

    private static String select(String id, List<String> choices, String selected) {
        StringBuilder b = new StringBuilder("<label>").append(id).append(" <select id=\"").append(id).append("\">");
        for (String c : choices) {
            b.append("<option").append(c.equals(selected) ? " selected" : "").append(" value=\"").append(esc(c)).append("\">")
                    .append(esc(c)).append("</option>");
        }
        return b.append("</select></label> ").toString();
    }
}
