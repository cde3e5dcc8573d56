package org.resolve.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupAndBothQuotesAndDropsControlCharacters() {
        assertEquals("&lt;script&gt;a &amp; b&lt;/script&gt; &quot;x&quot; &#39;y&#39;", Html.escape("<script>a & b</script> \"x\" 'y'"));
        assertEquals("ab\tc\n", Html.escape("a\u0000b\u0007\tc\n"));
        assertEquals("", Html.escape(null));
        assertEquals("Ryu Seong-hyeon — “quote”", Html.escape("Ryu Seong-hyeon — “quote”"));
    }
}
