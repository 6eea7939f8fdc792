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
        body.append("<table>\n<thead><tr>");
        for (String h : header) body.append("<th>").append(escape(h)).append("</th>");
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String cell : row) {
                String cls = switch (cell) {
                    case "better" -> " class=\"better\"";
                    case "worse" -> " class=\"worse\"";
                    default -> "";
                };
                body.append("<td").append(cls).append('>').append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    public HtmlReport chart(String caption, byte[] png) {
        body.append("<figure><img alt=\"").append(escape(caption)).append("\" src=\"data:image/png;base64,")
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
                + "table{border-collapse:collapse;font-size:0.9em;margin:1em 0}"
                + "th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                + "th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}\n"
                + "td.better{background:#d9f2e3}td.worse{background:#f8d7d3}\n"
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
