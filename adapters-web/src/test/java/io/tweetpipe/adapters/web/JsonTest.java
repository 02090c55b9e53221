package io.tweetpipe.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void givenQuotesAndBackslashes_quote_escapesThem() {
        assertEquals("\"say \\\"hi\\\" C:\\\\temp\"", Json.quote("say \"hi\" C:\\temp"));
    }

    @Test
    void givenMarkup_quote_writesNoAngleBracketOrAmpersand() {
        String quoted = Json.quote("<img src=x onerror=alert(1)> & </script>");

        assertEquals("\"\\u003cimg src=x onerror=alert(1)\\u003e \\u0026 \\u003c/script\\u003e\"", quoted);
    }

    @Test
    void givenEveryLineBreak_quote_staysOnOneLine() {
        String quoted = Json.quote("a\nb\rc\u2028d\u2029e\u0085f");

        assertEquals("\"a\\nb\\rc\\u2028d\\u2029e\u0085f\"", quoted);
        // NEL (U+0085) is no line break for an event stream or JSON.parse; the others would end a data line.
        assertFalse(quoted.contains("\n") || quoted.contains("\r") || quoted.contains("\u2028")
                || quoted.contains("\u2029"));
    }

    @Test
    void givenControlCharacters_quote_writesThemAsUnicodeEscapes() {
        assertEquals("\"\\u0000\\u0001\\t\\u001f\\u007f\"", Json.quote("\u0000\u0001\t\u001f\u007f"));
    }

    @Test
    void givenEmojiPair_quote_keepsIt() {
        assertEquals("\"🇧🇷 ok 😷\"", Json.quote("🇧🇷 ok 😷"));
    }

    @Test
    void givenLoneSurrogates_quote_escapesThemRatherThanLoseThem() {
        assertEquals("\"a\\ud83db\\ude37\"", Json.quote("a\ud83db\ude37"));
    }

    @Test
    void givenNestedValues_json_separatesMembersWithCommas() {
        String text = new Json().object().field("a", 1).name("b").array().value("x").nullValue().value(true)
                .object().field("c", "d").endObject().endArray().name("e").value(Double.NaN)
                .name("f").value(2.5).endObject().toString();

        assertEquals("{\"a\":1,\"b\":[\"x\",null,true,{\"c\":\"d\"}],\"e\":null,\"f\":2.5}", text);
    }
}
