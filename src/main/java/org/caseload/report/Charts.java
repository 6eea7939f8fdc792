package org.caseload.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The charts of a run or comparison, drawn headless with JFreeChart. Scenario i always has
 * colour i of a colour-blind-safe palette (Okabe–Ito), so one scenario looks the same on
 * every chart of a report.
 */
public final class Charts {
    static {
        // PNGs are encoded in memory, not through a temporary file: ImageIO's file cache
        // registers each stream with a shutdown hook, and a command that exits (say, refusing
        // its input) while the background warm-up below is writing one then printed that hook's
        // NullPointerException after its one-line message (HostileCorpusTest, once).
        ImageIO.setUseCache(false);
    }

    /** Okabe–Ito palette without yellow (poor on white). */
    private static final Color[] PALETTE = {
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0x56B4E9), new Color(0xE69F00), new Color(0x000000)};
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Charts() {
    }

    /** One scenario's monthly means and confidence band. */
    public record Series(String scenario, double[] mean, double[] low, double[] high) {
    }

    /** One bar of a differences chart: a metric's difference for one alternative, with its CI and its colour. */
    public record DiffBar(String label, String scenario, double mean, double low, double high, Tone tone) {
    }

    /** Direction-aware colour of a difference: worse is warm, better cool, anything else grey. */
    public enum Tone {
        WORSE(new Color(0xD55E00)), BETTER(new Color(0x0072B2)), NEUTRAL(new Color(0x999999));

        final Color colour;

        Tone(Color c) {
            this.colour = c;
        }
    }

    /** A vertical line on a time series, e.g. where a budget change starts. */
    public record Marker(double x, String label) {
    }

    public static Color colour(int scenarioIndex) {
        return PALETTE[scenarioIndex % PALETTE.length];
    }

    /** Monthly series with a shaded confidence band per scenario; x axis in months. */
    public static JFreeChart timeSeriesWithBands(String title, String yLabel, List<Series> series) {
        return timeSeriesWithBands(title, yLabel, series, List.of());
    }

    /** As above, with a dashed vertical line and a label at every marker. */
    public static JFreeChart timeSeriesWithBands(String title, String yLabel, List<Series> series, List<Marker> markers) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Series s : series) {
            YIntervalSeries ys = new YIntervalSeries(s.scenario());
            for (int m = 0; m < s.mean().length; m++) {
                // An undefined month (e.g. no staff to divide by) is left out, never drawn as 0 or NaN.
                if (!Double.isFinite(s.mean()[m])) continue;
                double lo = !Double.isFinite(s.low()[m]) ? s.mean()[m] : s.low()[m];
                double hi = !Double.isFinite(s.high()[m]) ? s.mean()[m] : s.high()[m];
                ys.add(m + 1, s.mean()[m], lo, hi);
            }
            data.addSeries(ys);
        }
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.25f);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, colour(i));
            r.setSeriesFillPaint(i, colour(i));
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis x = new NumberAxis("Month of the reporting period");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, r);
        for (Marker mk : markers) {
            ValueMarker line = new ValueMarker(mk.x(), Color.DARK_GRAY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            line.setLabel(mk.label());
            line.setLabelFont(TICK);
            line.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            line.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            plot.addDomainMarker(line);
        }
        return styled(new JFreeChart(title, TITLE, plot, true), plot);
    }

    /** Differences with confidence-interval whiskers and a zero line, one bar per (label, scenario). */
    public static JFreeChart differences(String title, String valueLabel, List<DiffBar> bars) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (DiffBar b : bars) {
            double half = !Double.isFinite(b.high()) || !Double.isFinite(b.low()) ? 0 : (b.high() - b.low()) / 2;
            data.add(b.mean(), half, b.scenario(), b.label());
        }
        List<String> labels = bars.stream().map(DiffBar::label).distinct().toList();
        List<String> scenariosInOrder = bars.stream().map(DiffBar::scenario).distinct().toList();
        StatisticalBarRenderer r = new StatisticalBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                // Colour by what the difference means (worse, better, descriptive), not by scenario.
                String scenario = scenariosInOrder.get(row);
                String label = labels.get(column);
                for (DiffBar b : bars) if (b.scenario().equals(scenario) && b.label().equals(label)) return b.tone().colour;
                return Tone.NEUTRAL.colour;
            }
        };
        r.setErrorIndicatorPaint(Color.DARK_GRAY);
        r.setErrorIndicatorStroke(new BasicStroke(1.5f));
        r.setDrawBarOutline(false);
        r.setShadowVisible(false);
        r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        CategoryAxis cat = new CategoryAxis(null);
        cat.setMaximumCategoryLabelLines(3);
        cat.setTickLabelFont(TICK);
        NumberAxis val = new NumberAxis(valueLabel);
        CategoryPlot plot = new CategoryPlot(data, cat, val, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1.2f)));
        // The legend would show one colour per scenario, which the bars no longer use.
        JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        val.setLabelFont(LABEL);
        val.setTickLabelFont(TICK);
        return chart;
    }

    /** Welch plot: moving average of the across-replication mean, with the chosen truncation marked. */
    public static JFreeChart welchPlot(String title, String yLabel, double[] movingAverage, int truncationMonth) {
        XYSeries s = new XYSeries("moving average");
        for (int m = 0; m < movingAverage.length; m++) s.add(m + 1, movingAverage[m]);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, colour(0));
        r.setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis x = new NumberAxis("Month from an empty system");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(yLabel);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, r);
        ValueMarker marker = new ValueMarker(truncationMonth, colour(1), new BasicStroke(2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabel("MSER-5 truncation: month " + truncationMonth);
        marker.setLabelFont(TICK);
        marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        plot.addDomainMarker(marker);
        return styled(new JFreeChart(title, TITLE, plot, false), plot);
    }

    private static JFreeChart styled(JFreeChart chart, XYPlot plot) {
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        Paint grid = new Color(0xDDDDDD);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.getDomainAxis().setLabelFont(LABEL);
        plot.getRangeAxis().setLabelFont(LABEL);
        plot.getDomainAxis().setTickLabelFont(TICK);
        plot.getRangeAxis().setTickLabelFont(TICK);
        TextTitle t = chart.getTitle();
        if (t != null) t.setFont(TITLE);
        return chart;
    }

    /**
     * Starts drawing a small chart, as PNG and as SVG, on a background thread and throws both
     * away, so that the fonts, Java2D and the chart library are loaded and initialised by the
     * time the first real chart is drawn. A command that will draw charts calls it before its
     * simulation starts: on a machine with a spare core the work is hidden. Nothing it does
     * reaches any output; if it fails, it fails silently, and the real chart reports the error.
     */
    public static void warmUpInBackground() {
        Thread t = new Thread(() -> {
            try {
                double[] mean = {1, 2, 3};
                JFreeChart chart = timeSeriesWithBands("warm-up", "value", List.of(new Series("warm-up", mean, mean, mean)),
                        List.of(new Marker(2, "mark")));
                png(chart, 200, 150);
                svg(chart, 200, 150);
                png(differences("warm-up", "value", List.of(new DiffBar("a", "b", 1, 0, 2, Tone.NEUTRAL))), 200, 150);
            } catch (Throwable ignored) {
                // Only a warm-up: the real charts are drawn, and fail visibly, later.
            }
        }, "chart warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    public static byte[] png(JFreeChart chart, int width, int height) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // The default prefix of clip-path ids is the clock; a fixed one keeps the file byte-identical by seed.
        g.setDefsKeyPrefix("caseload-");
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGDocument();
    }

    /** Writes {@code base.png} and {@code base.svg}; returns the PNG bytes (for embedding). */
    public static byte[] write(JFreeChart chart, Path base, int width, int height) {
        byte[] png = png(chart, width, height);
        try {
            Files.write(base.resolveSibling(base.getFileName() + ".png"), png);
            Files.writeString(base.resolveSibling(base.getFileName() + ".svg"), svg(chart, width, height), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png;
    }
}
