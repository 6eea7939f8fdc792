package org.caseload.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.caseload.results.Direction;
import org.caseload.results.Metric;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.caseload.stats.BatchSummary;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ScenarioSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Every part of a workbook (a comparison's and a run's) is well-formed XML to a strict parser,
 * and each number format reads back as the code meant: the p-value cells' format, whose
 * {@code <} and quotes must be escaped in styles.xml, shows {@code <0.0001} below that floor
 * and four decimals otherwise. Escaped once only: a format that reads back with entities in it
 * would show them in the cell.
 */
class XlsxWellFormedTest {
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final int REPLICATIONS = 6;
    private static final List<Metric> METRICS = List.of(
            new Metric("clear_gap", "people", "a difference far beyond the noise", Direction.HIGHER_IS_BETTER),
            new Metric("noise_only", "weeks", "no difference but noise", Direction.LOWER_IS_BETTER));

    /** Two scenarios (names with characters XML escapes) with one clear difference and one that is noise. */
    private static BatchSummary batch() {
        List<ScenarioResult> scenarios = new ArrayList<>();
        double[] wobble = {0.3, -0.2, 0.5, -0.4, 0.1, -0.3};
        for (int s = 0; s < 2; s++) {
            List<ReplicationResult> reps = new ArrayList<>();
            for (int r = 0; r < REPLICATIONS; r++) {
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("clear_gap", 100.0 + r + s * (50 + wobble[r] / 100));
                metrics.put("noise_only", 10.0 + r + s * wobble[r]);
                reps.add(new ReplicationResult(r, metrics, Map.of("in_treatment", new double[] {r, r + 1})));
            }
            scenarios.add(new ScenarioResult(s == 0 ? "base & <now>" : "cut \"10%\" 'later'", reps));
        }
        return BatchSummary.of(scenarios, true);
    }

    private static List<Assumptions.Sources> sources(List<ScenarioSummary> scenarios) {
        List<Assumptions.Sources> sources = new ArrayList<>();
        for (ScenarioSummary s : scenarios) {
            sources.add(new Assumptions.Sources(s.scenario(), List.of("a.yaml: costs < budget & \"quoted\""),
                    List.of(new Assumptions.Entry(s.scenario(), "a.yaml", "staff.fte", "12", "rota <2024> & 'survey'"))));
        }
        return sources;
    }

    @Test
    void comparisonWorkbookIsWellFormedAndPValuesKeepTheirFormat(@TempDir Path dir) throws Exception {
        BatchSummary batch = batch();
        List<ComparisonTable.Row> rows = ComparisonTable.build(batch, METRICS, 0.05, RunFiles.LEVEL);
        assertEquals(2, rows.size());
        Path xlsx = dir.resolve("report.xlsx");
        XlsxReport.write(xlsx, batch.scenarios(), rows, sources(batch.scenarios()));
        Map<String, Document> parts = parseEveryPart(xlsx);

        Map<Integer, String> formats = cellFormats(parts.get("xl/styles.xml"));
        assertEquals(new TreeSet<>(Set.of(XlsxReport.NUMBER, XlsxReport.WHOLE, XlsxReport.P_VALUE)),
                new TreeSet<>(formats.values()), "number formats as read back from styles.xml");

        // Columns K and L of the Comparison sheet: the p-value and the Holm-adjusted p-value.
        Document comparison = parts.get(sheetPart(parts, "Comparison"));
        int below = 0;
        int above = 0;
        NodeList cells = comparison.getElementsByTagNameNS(MAIN, "c");
        for (int i = 0; i < cells.getLength(); i++) {
            Element c = (Element) cells.item(i);
            String ref = c.getAttribute("r");
            if (!ref.matches("[KL]([2-9]|[1-9][0-9]+)")) continue;
            assertEquals(XlsxReport.P_VALUE, formats.get(Integer.parseInt(c.getAttribute("s"))), ref + "'s number format");
            double p = Double.parseDouble(c.getElementsByTagNameNS(MAIN, "v").item(0).getTextContent());
            if (p < 0.0001) below++;
            else above++;
        }
        assertTrue(below >= 2 && above >= 2, "p-values on both sides of 0.0001: " + below + " below, " + above + " above");
    }

    @Test
    void runWorkbookIsWellFormed(@TempDir Path dir) throws Exception {
        ScenarioSummary run = batch().scenarios().get(0);
        Path xlsx = dir.resolve("report.xlsx");
        XlsxReport.write(xlsx, List.of(run), null, sources(List.of(run)));
        Map<String, Document> parts = parseEveryPart(xlsx);
        Map<Integer, String> formats = cellFormats(parts.get("xl/styles.xml"));
        assertEquals(new TreeSet<>(Set.of(XlsxReport.NUMBER, XlsxReport.WHOLE)), new TreeSet<>(formats.values()));
    }

    @Test
    void theFormatsNeedEscapingSoTheseTestsMeanSomething() {
        // If the p-value format lost its < and quotes, a writer that never escapes would pass.
        assertTrue(XlsxReport.P_VALUE.contains("<") && XlsxReport.P_VALUE.contains("\""), XlsxReport.P_VALUE);
    }

    /** Every entry of the workbook parsed by a strict, namespace-aware parser without DTDs or external entities. */
    static Map<String, Document> parseEveryPart(Path xlsx) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        Map<String, Document> parts = new HashMap<>();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                assertTrue(e.getName().endsWith(".xml") || e.getName().endsWith(".rels"), "a part that is not XML: " + e.getName());
                DocumentBuilder b = f.newDocumentBuilder();
                try (InputStream in = zip.getInputStream(e)) {
                    parts.put(e.getName(), b.parse(in));
                } catch (SAXException | IOException ex) {
                    fail(e.getName() + " is not well-formed XML: " + ex.getMessage());
                }
            }
        }
        for (String part : List.of("[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml")) {
            assertTrue(parts.containsKey(part), part + " missing");
        }
        return parts;
    }

    /** Each cell style's index (a cell's {@code s}) to its custom number format code; built-in formats left out. */
    private static Map<Integer, String> cellFormats(Document styles) {
        Map<String, String> codes = new HashMap<>();
        NodeList numFmts = styles.getElementsByTagNameNS(MAIN, "numFmt");
        for (int i = 0; i < numFmts.getLength(); i++) {
            Element n = (Element) numFmts.item(i);
            codes.put(n.getAttribute("numFmtId"), n.getAttribute("formatCode"));
        }
        Element cellXfs = (Element) styles.getElementsByTagNameNS(MAIN, "cellXfs").item(0);
        NodeList xfs = cellXfs.getElementsByTagNameNS(MAIN, "xf");
        Map<Integer, String> formats = new HashMap<>();
        for (int i = 0; i < xfs.getLength(); i++) {
            String code = codes.get(((Element) xfs.item(i)).getAttribute("numFmtId"));
            if (code != null) formats.put(i, code);
        }
        assertFalse(formats.isEmpty(), "no cell style has a number format");
        return formats;
    }

    /** The part holding the sheet of this name, through workbook.xml and its relationships. */
    private static String sheetPart(Map<String, Document> parts, String name) {
        NodeList sheets = parts.get("xl/workbook.xml").getElementsByTagNameNS(MAIN, "sheet");
        String id = null;
        for (int i = 0; i < sheets.getLength(); i++) {
            Element s = (Element) sheets.item(i);
            if (s.getAttribute("name").equals(name)) id = s.getAttributeNS(R, "id");
        }
        NodeList rels = parts.get("xl/_rels/workbook.xml.rels").getElementsByTagNameNS(RELS, "Relationship");
        for (int i = 0; i < rels.getLength(); i++) {
            Element rel = (Element) rels.item(i);
            if (rel.getAttribute("Id").equals(id)) return "xl/" + rel.getAttribute("Target");
        }
        throw new AssertionError("no sheet " + name);
    }
}
