package org.caseload.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.YIntervalRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Charts of the researchers' analyses (sweep, PSA, tornado, Morris, Sobol), drawn headless
 * with JFreeChart in the style of {@link Charts}: white background, the same colour-blind-safe
 * palette, confidence intervals drawn wherever a chart shows an estimate that has one.
 */
public final class AnalysisCharts {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color GRID = new Color(0xDDDDDD);

    private AnalysisCharts() {
    }

    /** A curve with a band: x values, means and interval ends. */
    public record Band(String name, double[] x, double[] mean, double[] low, double[] high) {
    }

    /** One panel of a stacked chart: a y-axis label and its curves. */
    public record Panel(String yLabel, List<Band> bands) {
    }

    /** Dose–response: one panel per metric, stacked over a shared x axis, each curve with its 95% band. */
    public static JFreeChart doseResponse(String title, String xLabel, List<Panel> panels) {
        NumberAxis x = new NumberAxis(xLabel);
        style(x);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(12);
        for (Panel p : panels) {
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            for (Band b : p.bands()) {
                YIntervalSeries s = new YIntervalSeries(b.name());
                for (int i = 0; i < b.x().length; i++) {
                    double lo = Double.isNaN(b.low()[i]) ? b.mean()[i] : b.low()[i];
                    double hi = Double.isNaN(b.high()[i]) ? b.mean()[i] : b.high()[i];
                    if (!Double.isNaN(b.mean()[i])) s.add(b.x()[i], b.mean()[i], lo, hi);
                }
                data.addSeries(s);
            }
            DeviationRenderer r = new DeviationRenderer(true, true);
            r.setAlpha(0.25f);
            for (int i = 0; i < p.bands().size(); i++) {
                r.setSeriesPaint(i, Charts.colour(i));
                r.setSeriesFillPaint(i, Charts.colour(i));
                r.setSeriesStroke(i, new BasicStroke(2f));
            }
            NumberAxis y = new NumberAxis(p.yLabel());
            y.setAutoRangeIncludesZero(false);
            style(y);
            y.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            XYPlot plot = new XYPlot(data, null, y, r);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(GRID);
            plot.setRangeGridlinePaint(GRID);
            combined.add(plot, 1);
        }
        JFreeChart chart = new JFreeChart(title, TITLE, combined, panels.get(0).bands().size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Histograms of samples (one series each) with a zero line: PSA differences. */
    public static JFreeChart histogram(String title, String xLabel, Map<String, double[]> samples, int bins) {
        HistogramDataset data = new HistogramDataset();
        data.setType(HistogramType.RELATIVE_FREQUENCY);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] v : samples.values()) {
            for (double d : v) {
                if (Double.isNaN(d)) continue;
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
        }
        if (!(max > min)) {
            min = Double.isInfinite(min) ? -1 : min - 0.5;
            max = min + 1;
        }
        XYBarRenderer r = new XYBarRenderer();
        int position = 0;
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            position++;
            double[] v = java.util.Arrays.stream(e.getValue()).filter(d -> !Double.isNaN(d)).toArray();
            if (v.length == 0) continue;
            // The colour follows the alternative, not its place among those drawn, so a skipped one shifts none.
            r.setSeriesPaint(data.getSeriesCount(), withAlpha(Charts.colour(position), 160));
            data.addSeries(e.getKey(), v, bins, min, max);
        }
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis("share of parameter samples");
        style(x);
        style(y);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.addDomainMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1.2f)));
        return finish(new JFreeChart(title, TITLE, plot, samples.size() > 1), plot);
    }

    /** One bar of a category chart. */
    public record Bar(String category, String series, double value, double halfWidth) {
    }

    /** Horizontal bars of probabilities (0–100%). */
    public static JFreeChart probabilityBars(String title, String valueLabel, List<Bar> bars) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bar b : bars) data.addValue(b.value(), b.series(), b.category());
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        long series = bars.stream().map(Bar::series).distinct().count();
        for (int i = 0; i < series; i++) r.setSeriesPaint(i, Charts.colour(i + 1));
        NumberAxis val = new NumberAxis(valueLabel);
        val.setRange(0, 100);
        return categoryChart(title, data, val, r, series > 1, 50);
    }

    /**
     * Horizontal bars with symmetric interval whiskers (e.g. a tornado: the change in a metric
     * with each parameter at its low and at its high value), with a zero line.
     */
    public static JFreeChart intervalBars(String title, String valueLabel, List<Bar> bars) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Bar b : bars) data.add(b.value(), Double.isNaN(b.halfWidth()) ? 0 : b.halfWidth(), b.series(), b.category());
        StatisticalBarRenderer r = new StatisticalBarRenderer();
        r.setErrorIndicatorPaint(Color.DARK_GRAY);
        r.setErrorIndicatorStroke(new BasicStroke(1.5f));
        r.setDrawBarOutline(false);
        r.setShadowVisible(false);
        r.setBarPainter(new StandardBarPainter());
        long series = bars.stream().map(Bar::series).distinct().count();
        for (int i = 0; i < series; i++) r.setSeriesPaint(i, Charts.colour(i + 1));
        return categoryChart(title, data, new NumberAxis(valueLabel), r, series > 1, 0);
    }

    /** A point estimate with an interval that need not be symmetric (bootstrap). */
    public record Estimate(String category, String series, double value, double low, double high) {
    }

    /** Points with interval whiskers by category: Sobol first-order and total indices. */
    public static JFreeChart estimates(String title, String valueLabel, List<String> categories, List<Estimate> estimates) {
        List<String> series = estimates.stream().map(Estimate::series).distinct().toList();
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (int s = 0; s < series.size(); s++) {
            YIntervalSeries ys = new YIntervalSeries(series.get(s));
            double offset = series.size() == 1 ? 0 : -0.15 + 0.3 * s / (series.size() - 1);
            for (Estimate e : estimates) {
                if (!e.series().equals(series.get(s))) continue;
                double lo = Double.isNaN(e.low()) ? e.value() : e.low();
                double hi = Double.isNaN(e.high()) ? e.value() : e.high();
                ys.add(categories.indexOf(e.category()) + offset, e.value(), lo, hi);
            }
            data.addSeries(ys);
        }
        YIntervalRenderer r = new YIntervalRenderer();
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, Charts.colour(i));
            r.setSeriesStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        }
        SymbolAxis x = new SymbolAxis(null, categories.toArray(new String[0]));
        x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        x.setVerticalTickLabels(true);
        x.setGridBandsVisible(false);
        NumberAxis y = new NumberAxis(valueLabel);
        style(y);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.addRangeMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1f)));
        return finish(new JFreeChart(title, TITLE, plot, true), plot);
    }

    /** Morris μ* against σ, each parameter a labelled point. */
    public static JFreeChart morris(String title, String unit, List<String> names, double[] muStar, double[] sigma) {
        XYSeries s = new XYSeries("parameters");
        for (int i = 0; i < names.size(); i++) if (!Double.isNaN(muStar[i]) && !Double.isNaN(sigma[i])) s.add(muStar[i], sigma[i]);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, Charts.colour(0));
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        NumberAxis x = new NumberAxis("mu* (mean |elementary effect|, " + unit + ")");
        NumberAxis y = new NumberAxis("sigma (sd of elementary effects)");
        x.setAutoRangeIncludesZero(true);
        y.setAutoRangeIncludesZero(true);
        style(x);
        style(y);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, r);
        for (int i = 0; i < names.size(); i++) {
            if (Double.isNaN(muStar[i]) || Double.isNaN(sigma[i])) continue;
            XYTextAnnotation a = new XYTextAnnotation(" " + names.get(i), muStar[i], sigma[i]);
            a.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(a);
        }
        return finish(new JFreeChart(title, TITLE, plot, false), plot);
    }

    private static JFreeChart categoryChart(String title, org.jfree.data.category.CategoryDataset data, NumberAxis val,
                                            BarRenderer r, boolean legend, double marker) {
        CategoryAxis cat = new CategoryAxis(null);
        cat.setMaximumCategoryLabelLines(3);
        cat.setTickLabelFont(TICK);
        style(val);
        CategoryPlot plot = new CategoryPlot(data, cat, val, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(new ValueMarker(marker, Color.BLACK, new BasicStroke(1.2f)));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static JFreeChart finish(JFreeChart chart, XYPlot plot) {
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        return chart;
    }

    private static void style(NumberAxis a) {
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
