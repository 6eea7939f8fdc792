package org.caseload.web;

import static org.caseload.report.HtmlReport.escape;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.caseload.Version;
import org.caseload.report.ReportCharts;
import org.caseload.report.SummaryCard;
import org.caseload.scenario.Scenario;

/** Server-rendered HTML: the what-if page and the answer fragment the page inserts. */
final class Page {
    private Page() {
    }

    static String form(ScenarioCatalogue catalogue, ScenarioCatalogue.Entry base) {
        Scenario s = base.loaded().scenario();
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>caseload: what if?</title>\n<link rel=\"stylesheet\" href=\"/static/app.css\">\n")
                .append("<script src=\"/static/app.js\" defer></script>\n</head>\n<body>\n<header>\n<h1>What if?</h1>\n")
                .append("<p>Choose a baseline, change what you want to test, and run it. Both are simulated with the same ")
                .append("random numbers, so the differences come from your change, with 95% confidence intervals.</p>\n")
                .append("</header>\n<main>\n");
        b.append("<form id=\"baseline-form\" method=\"get\" action=\"/\">\n<label for=\"baseline\">Baseline scenario</label>\n")
                .append("<select id=\"baseline\" name=\"baseline\">\n");
        for (ScenarioCatalogue.Entry e : catalogue.all()) {
            b.append("<option value=\"").append(escape(e.name())).append('"').append(e == base ? " selected" : "").append('>')
                    .append(escape(e.name())).append("</option>\n");
        }
        b.append("</select>\n<button type=\"submit\" id=\"load\">Load</button>\n<p class=\"hint\" id=\"baseline-description\">")
                .append(escape(s.description())).append("</p>\n</form>\n");

        b.append("<form id=\"whatif\" method=\"post\" action=\"/run\" novalidate>\n")
                .append("<input type=\"hidden\" name=\"baseline\" value=\"").append(escape(base.name())).append("\">\n")
                .append("<fieldset>\n<legend>What if</legend>\n");
        for (WhatIf.Field f : WhatIf.fields(s)) input(b, f.name(), f.label(), f.value(), f.hint());
        b.append("<div class=\"field\">\n<label for=\"f-allocation\">How a budget change is shared</label>\n")
                .append("<select id=\"f-allocation\" name=\"allocation\" aria-describedby=\"e-allocation\">\n");
        for (String a : WhatIf.allocations(s)) {
            String label = a.equals(WhatIf.AS_SCENARIO) ? "as the scenario says (" + s.budget().rule().name().toLowerCase()
                    + (s.budget().rule() == org.caseload.scenario.Scenario.AllocationRule.SHARED ? ": over every cost line" : "") + ")"
                    : a.equals(WhatIf.PROPORTIONAL) ? "proportionally (overheads and medication first, then every pathway and assessment)"
                    : "protect " + a.substring(WhatIf.PROTECT.length()) + " (the others share the change)";
            b.append("<option value=\"").append(escape(a)).append("\">").append(escape(label)).append("</option>\n");
        }
        b.append("</select>\n<span class=\"error\" id=\"e-allocation\"></span>\n</div>\n</fieldset>\n")
                .append("<fieldset>\n<legend>Precision</legend>\n");
        input(b, "replications", "Replications", String.valueOf(WhatIf.DEFAULT_REPLICATIONS),
                "more gives narrower intervals and takes longer; " + WhatIf.DEFAULT_REPLICATIONS + " answers in seconds");
        input(b, "seed", "Seed", "1", "the same seed gives the same answer");
        b.append("</fieldset>\n<p class=\"error\" id=\"e-\" role=\"alert\"></p>\n")
                .append("<div class=\"actions\">\n<button type=\"submit\" id=\"run\">Run</button>\n")
                .append("<button type=\"button\" id=\"cancel\" disabled>Cancel</button>\n")
                .append("<progress id=\"bar\" max=\"1\" value=\"0\" hidden></progress>\n")
                .append("<span id=\"progress\" role=\"status\" aria-live=\"polite\"></span>\n</div>\n</form>\n")
                .append("<section id=\"answer\" tabindex=\"-1\" aria-label=\"Answer\"></section>\n</main>\n")
                .append("<footer><p>caseload ").append(escape(Version.VERSION))
                .append(" &middot; runs locally; results are written to the results folder.</p></footer>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void input(StringBuilder b, String name, String label, String value, String hint) {
        String id = "f-" + name;
        b.append("<div class=\"field\">\n<label for=\"").append(escape(id)).append("\">").append(escape(label)).append("</label>\n")
                .append("<input id=\"").append(escape(id)).append("\" name=\"").append(escape(name))
                .append("\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" value=\"").append(escape(value))
                .append("\" aria-describedby=\"h-").append(escape(name)).append(" e-").append(escape(name)).append("\">\n")
                .append("<span class=\"hint\" id=\"h-").append(escape(name)).append("\">").append(escape(hint)).append("</span>\n")
                .append("<span class=\"error\" id=\"e-").append(escape(name)).append("\"></span>\n</div>\n");
    }

    /** Where the rows the verdict table leaves out ({@link Answers#verdicts}) are. */
    static final String PATHWAY_ROWS = "Each pathway's entries per year and mean stay (entries_per_year_<pathway>, "
            + "stay_days_mean_<pathway>) are in comparison.csv and report.xlsx (Downloads, below).";

    /** The answer: summary card, verdict table, charts, downloads. */
    static String answer(Job job) {
        Job.Answer a = job.answer();
        String base = "/runs/" + job.id + "/files/";
        StringBuilder b = new StringBuilder(8192);
        b.append("<section id=\"summary-card\" class=\"card\">\n<h2 id=\"answer-heading\">Summary</h2>\n");
        List<String> card = a.card();
        if (!card.isEmpty()) b.append("<p>").append(escape(card.get(0).trim())).append("</p>\n");
        b.append("<ul>\n");
        for (String line : card.subList(Math.min(1, card.size()), card.size())) {
            b.append("<li>").append(escape(line.trim())).append("</li>\n");
        }
        b.append("</ul>\n<p class=\"hint\">").append(escape(SummaryCard.MEANING)).append("</p>\n");
        for (String w : a.words()) b.append("<p>").append(escape(w)).append("</p>\n");
        b.append("<p class=\"hint\">").append(escape(a.note())).append("</p>\n</section>\n");
        b.append("<section id=\"verdicts\">\n<h2>Every metric but pathway entries and stays</h2>\n")
                .append("<p class=\"hint\" id=\"verdicts-scope\">").append(escape(PATHWAY_ROWS)).append("</p>\n")
                .append("<div class=\"scroll\" tabindex=\"0\" aria-label=\"Verdict table\" aria-describedby=\"verdicts-scope\">\n")
                .append("<table>\n<thead><tr>");
        for (String h : List.of("metric", "baseline", "what-if", "difference", "95% CI", "adjusted p", "verdict")) {
            b.append("<th scope=\"col\">").append(escape(h)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : a.verdicts()) {
            b.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String cell = escape(row.get(i));
                if (i == 0) b.append("<th scope=\"row\">").append(cell).append("</th>");
                else if (i == row.size() - 1) b.append("<td class=\"verdict ").append(cell.replace(' ', '-')).append("\">").append(cell).append("</td>");
                else b.append("<td>").append(cell).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n</div>\n</section>\n<section id=\"charts\">\n<h2>Charts</h2>\n");
        // Embedded as the report embeds them, so the page and report.html show the same pictures.
        for (ReportCharts.Chart c : a.charts()) {
            b.append("<figure><img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(c.png()))
                    .append("\" alt=\"").append(escape(c.alt())).append("\"><figcaption>").append(escape(c.caption()))
                    .append("</figcaption></figure>\n");
        }
        b.append("</section>\n<section id=\"downloads\">\n<h2>Downloads</h2>\n<ul>\n");
        for (String f : a.files()) {
            if (f.startsWith("charts/")) continue;
            b.append("<li><a href=\"").append(escape(base + f)).append("\">").append(escape(f)).append("</a>")
                    .append(f.equals(WhatIfRun.SCENARIO_FILE) ? " (the scenario that was run; use it with the CLI)" : "")
                    .append("</li>\n");
        }
        b.append("</ul>\n<p class=\"hint\">Saved in ").append(escape(a.folder().toString())).append(".</p>\n</section>\n");
        return b.toString();
    }

    /** A small page for errors, with no detail of the server's insides. */
    static String error(int status, String message) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + "</title></head><body><h1>"
                + status + "</h1><p>" + escape(message) + "</p><p><a href=\"/\">Back to the what-if page</a></p></body></html>\n";
    }

    static Map<String, String> contentTypes() {
        return Map.of("html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
                "js", "text/javascript; charset=utf-8", "png", "image/png", "svg", "image/svg+xml",
                "csv", "text/csv; charset=utf-8", "json", "application/json", "yaml", "application/yaml; charset=utf-8",
                "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}
