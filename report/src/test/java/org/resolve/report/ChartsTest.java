package org.resolve.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartsTest {
    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String texts(Document d) {
        StringBuilder sb = new StringBuilder();
        NodeList t = d.getElementsByTagName("text");
        for (int i = 0; i < t.getLength(); i++) {
            sb.append(t.item(i).getTextContent()).append('|');
        }
        return sb.toString();
    }

    @Test
    void aFanChartIsWellFormedSvgWithBothBandsTheMedianAndAnEscapedTitle() throws Exception {
        List<FanSeries.Day> days = new ArrayList<>();
        for (int d = 0; d < 30; d++) {
            days.add(new FanSeries.Day(d, d, 2 * d, 3 * d, 4 * d, 5 * d));
        }
        String svg = Charts.fanChartSvg("c1", new FanSeries("killed", "Killed <b>&</b>", "soldiers", LocalDate.of(2024, 10, 8), 20, days), 700, 300);
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("c1", root.getAttribute("id"));
        assertEquals("0.0 0.0 700.0 300.0", root.getAttribute("viewBox"));
        assertTrue(texts(doc).contains("Killed <b>&</b>"), "the title is text, escaped in the SVG: " + texts(doc));
        assertTrue(svg.contains("rgb(198,219,239)") && svg.contains("rgb(107,174,214)") && svg.contains("rgb(8,48,107)"),
                "the 90% band, the 50% band and the median are drawn");
        assertTrue(svg.indexOf("rgb(198,219,239)") < svg.indexOf("rgb(107,174,214)"), "the 50% band over the 90% band");
        assertTrue(texts(doc).contains("8 Oct 2024") || texts(doc).contains("Oct 2024"), "dates on the axis: " + texts(doc));
        assertFalse(svg.contains("http://www.jfree") && svg.contains("href"), "no links");
        assertEquals(svg, Charts.fanChartSvg("c1", new FanSeries("killed", "Killed <b>&</b>", "soldiers", LocalDate.of(2024, 10, 8), 20, days), 700, 300),
                "repeatable: the same data gives the same SVG");
    }

    @Test
    void anIntervalChartOfZerosHasAReadableAxisAndTooSmallChartsAreRefused() throws Exception {
        List<Interval> pts = List.of(new Interval("killed", "change", 0, 0, 0), new Interval("wounded", "change", 0, Double.NaN, Double.NaN));
        Document doc = parse(Charts.intervalChartSvg("c2", "zeros", "% change", pts, true, 600));
        String t = texts(doc);
        assertTrue(t.contains("killed") && t.contains("wounded"), t);
        assertFalse(t.contains("E-"), "no axis of rounding noise: " + t);
        assertThrows(IllegalArgumentException.class, () -> Charts.intervalChartSvg("c3", "x", "y", pts, false, 100));
    }
}
