package org.caseload.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.caseload.analysis.Morris;
import org.caseload.analysis.SobolIndices;
import org.caseload.analysis.Tornado;
import org.caseload.results.Metrics;
import org.caseload.report.Reports;

/** Plain-words lines and report tables for the sensitivity methods (headline metrics only). */
final class SensitivityFindings {
    private SensitivityFindings() {
    }

    static List<String> tornado(List<Tornado.Row> rows, List<List<String>> table) {
        List<String> out = new ArrayList<>();
        for (String metric : Metrics.HEADLINE) {
            List<Tornado.Row> rs = rows.stream().filter(r -> r.metric().name().equals(metric)).toList();
            if (rs.isEmpty()) continue;
            List<String> parts = new ArrayList<>();
            for (Tornado.Row r : rs.subList(0, Math.min(3, rs.size()))) {
                parts.add(r.parameter().path() + " (swing " + signed(r.swing().mean()) + ", 95% CI " + Reports.round(r.swing().low())
                        + " to " + Reports.round(r.swing().high()) + ")");
            }
            out.add(metric + ": most sensitive to " + String.join(", then ", parts));
            for (Tornado.Row r : rs) {
                table.add(List.of(metric, r.parameter().path(), signed(r.low().mean()), signed(r.high().mean()),
                        signed(r.swing().mean()) + " (" + Reports.round(r.swing().low()) + " to " + Reports.round(r.swing().high()) + ")"));
            }
        }
        return out;
    }

    static List<String> morris(List<Morris.Row> rows, List<List<String>> table) {
        List<String> out = new ArrayList<>();
        for (String metric : Metrics.HEADLINE) {
            List<Morris.Row> rs = rows.stream().filter(r -> r.metric().name().equals(metric))
                    .sorted(Comparator.comparingDouble((Morris.Row r) -> Double.isNaN(r.muStar()) ? 1 : -r.muStar())).toList();
            if (rs.isEmpty()) continue;
            List<String> parts = new ArrayList<>();
            for (Morris.Row r : rs.subList(0, Math.min(3, rs.size()))) {
                parts.add(r.parameter().path() + " (mu* " + Reports.round(r.muStar()) + ", sigma " + Reports.round(r.sigma()) + ")");
            }
            out.add(metric + ": most influential " + String.join(", then ", parts));
            for (Morris.Row r : rs) {
                table.add(List.of(metric, r.parameter().path(), Reports.round(r.muStar()),
                        Reports.round(r.muStarLow()) + " to " + Reports.round(r.muStarHigh()), Reports.round(r.sigma()), signed(r.mu())));
            }
        }
        return out;
    }

    static List<String> sobol(List<SobolIndices.Row> rows, List<List<String>> table) {
        List<String> out = new ArrayList<>();
        for (String metric : Metrics.HEADLINE) {
            List<SobolIndices.Row> rs = rows.stream().filter(r -> r.metric().name().equals(metric))
                    .sorted(Comparator.comparingDouble((SobolIndices.Row r) -> Double.isNaN(r.index().total()) ? 1 : -r.index().total()))
                    .toList();
            if (rs.isEmpty()) continue;
            List<String> parts = new ArrayList<>();
            for (SobolIndices.Row r : rs.subList(0, Math.min(3, rs.size()))) {
                parts.add(r.parameter().path() + " (total " + Reports.round(r.index().total()) + ", 95% CI "
                        + Reports.round(r.index().totalLow()) + " to " + Reports.round(r.index().totalHigh()) + "; first order "
                        + Reports.round(r.index().first()) + ")");
            }
            out.add(metric + ": largest total indices " + String.join(", then ", parts));
            for (SobolIndices.Row r : rs) {
                SobolIndices.Index x = r.index();
                table.add(List.of(metric, r.parameter().path(), Reports.round(x.first()) + " (" + Reports.round(x.firstLow()) + " to "
                        + Reports.round(x.firstHigh()) + ")", Reports.round(x.total()) + " (" + Reports.round(x.totalLow()) + " to "
                        + Reports.round(x.totalHigh()) + ")"));
            }
        }
        return out;
    }

    static String signed(double v) {
        return (v > 0 ? "+" : "") + Reports.round(v);
    }
}
