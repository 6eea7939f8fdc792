package org.caseload.report;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Builds one self-contained HTML page: inline styles, charts embedded as base64 PNG data,
 * no scripts and no links to the network, so the file can be e-mailed and opened offline.
 * All text is escaped.
 */
public final class HtmlReport {
    private final StringBuilder body = new StringBuilder();
    private String title = "caseload report";

    public HtmlReport title(String t) {
        this.title = t;
        body.append("<h1>").append(escape(t)).append("</h1>\n");
        return this;
    }

    public HtmlReport heading(String h) {
        body.append("<h2>").append(escape(h)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String p) {
        body.append("<p>").append(escape(p)).append("</p>\n");
        return this;
    }

    public HtmlReport bullets(List<String> items) {
        body.append("<ul>\n");
        for (String i : items) body.append("<li>").append(escape(i)).append("</li>\n");
        body.append("</ul>\n");
        return this;
    }

    public HtmlReport definitionList(Map<String, String> items) {
        body.append("<dl>\n");
        items.forEach((k, v) -> body.append("<dt>").append(escape(k)).append("</dt><dd>").append(escape(v)).append("</dd>\n"));
        body.append("</dl>\n");
        return this;
    }

    /** A table; a cell whose text is a verdict word gets the matching colour class. */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        body.append("<div class=\"wide\"><table>\n<thead><tr>");
        for (String h : header) body.append("<th>").append(escape(h)).append("</th>");
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String cell : row) {
                String cls = switch (cell) {
                    case "better" -> " class=\"better\"";
                    case "worse" -> " class=\"worse\"";
                    case "higher", "lower", "no detectable difference", "undefined" -> " class=\"neutral\"";
                    default -> "";
                };
                body.append("<td").append(cls).append('>').append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table></div>\n");
        return this;
    }

    /** The summary card: a boxed list of headline lines, then the sentence on what they mean. */
    public HtmlReport card(List<String> lines, String meaning) {
        body.append("<section class=\"card\" id=\"summary-card\">\n<h2>Summary</h2>\n");
        for (String l : lines) {
            boolean title = !l.startsWith(" ");
            body.append(title ? "<p class=\"card-title\">" : "<p class=\"card-line\">").append(escape(l.strip())).append("</p>\n");
        }
        body.append("<p class=\"card-meaning\">").append(escape(meaning)).append("</p>\n</section>\n");
        return this;
    }

    /** Text to copy exactly, e.g. the command that reproduces the run. */
    public HtmlReport code(String text) {
        body.append("<pre><code>").append(escape(text)).append("</code></pre>\n");
        return this;
    }

    public HtmlReport chart(String caption, byte[] png) {
        return chart(caption, caption, png);
    }

    /** A chart with its caption and a separate alternative text saying what it shows. */
    public HtmlReport chart(String caption, String alt, byte[] png) {
        body.append("<figure><img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>")
                .append(escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    public String build() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n"
                + "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;max-width:1000px;"
                + "margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n"
                + "h1{font-size:1.7em}h2{font-size:1.3em;margin-top:1.6em;border-bottom:1px solid #ddd}\n"
                + ".wide{overflow-x:auto}table{border-collapse:collapse;font-size:0.82em;margin:1em 0}"
                + "td{overflow-wrap:anywhere}"
                + "th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                + "th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}\n"
                // Direction-aware: worse warm, better cool, descriptive or no verdict grey.
                + "td.better{background:#d6e6f5}td.worse{background:#fadbc8}td.neutral{background:#eeeeee}\n"
                + ".card{border:2px solid #333;padding:0.5em 1.2em;margin:1em 0;background:#fafafa}"
                + ".card h2{border:none;margin-top:0.3em}.card-title{font-weight:bold;margin:0.6em 0 0.2em}"
                + ".card-line{margin:0.15em 0 0.15em 1em}.card-meaning{font-size:0.9em;color:#444}\n"
                + "pre{background:#f3f3f3;padding:0.6em;white-space:pre-wrap;word-break:break-all}\n"
                + "@media print{@page{size:A4;margin:15mm}body{max-width:none;margin:0;font-size:10pt}.wide{overflow:visible}"
                + "h2{break-after:avoid}figure,table,.card{break-inside:avoid}img{max-width:100%;border:none}"
                + "td.better,td.worse,td.neutral{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n"
                + "figure{margin:1.5em 0}img{max-width:100%;height:auto;border:1px solid #eee}"
                + "figcaption{font-size:0.9em;color:#555}\n"
                + "dt{font-weight:bold}dd{margin:0 0 0.5em 1.5em}\n"
                + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
