package io.tweetpipe.domain.tweet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.framing.GeneratedText;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Twitter's entity rules, case by case (the cases twitter-text's own conformance suite is built around), and over
 * hostile text. How far they agree with the entities Twitter gave is measured on the bundled sample, in
 * adapters-twitter's {@code EntityAgreementTest}.
 */
class EntitiesTest {

    /** Hashtags found in a text: {@code |} separates them, an empty column says none. */
    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "#covid;covid",
        "just got my #covid booster;covid",
        "#COVID and #Covid;COVID|Covid",
        "#a #b #a;a|b|a",
        "#covid19 but not #2020;covid19",
        "#_ nor #_1 but #_a;_a",
        "＃日本語 and #健康;日本語|健康",
        "#saúde #santé #Gesundheit;saúde|santé|Gesundheit",
        "#sau\u0301de with a combining accent;sau\u0301de",
        "#a_b·c and #ab\u200Ccd;a_b·c|ab\u200Ccd",
        "inside a word: covid#vaccine;",
        "after an entity: &#covid and &#39;;",
        "two at once: #covid#vaccine;",
        "before a protocol: #http://example.com;",
        "keycap #\uFE0F\u20E3 and #\u20E3 are emoji;",
        "after an emoji: \uD83D\uDE37#covid;covid",
        "after a variation selector: \u2764\uFE0F#love;love",
        "ends at punctuation: #covid's #covid. (#covid) \"#covid\";covid|covid|covid|covid",
        "in a link: https://example.com/page#covid;",
        "after a link: https://example.com #covid;covid",
    })
    void givenText_extract_findsHashtagsAsTwitterDoes(String text, String expected) {
        assertEquals(split(expected), Entities.extract(text).hashtags());
    }

    /** Mentions found in a text: {@code |} separates them, an empty column says none. */
    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "@who;who",
        "hi @Who and ＠who_2;Who|who_2",
        "@covid's figures;covid",
        "@@who;who",
        "fifteen @abcdefghijklmno;abcdefghijklmno",
        "sixteen @abcdefghijklmnop is no screen name;",
        "mail me@example.com;",
        "a_@who and 1@who and !@who and #@who and $@who;",
        "RT @who: and RT:@two and rt@three;who|two|three",
        "ART@who is no retweet;",
        "a list: @who/friends;",
        "a slash: @who/ @two/3;who|two",
        "before an accent: @whoé;",
        "two signs: @who@other;",
        "before a protocol: @who://x;",
        "after an emoji: \uD83D\uDE37@who and é@two;who|two",
        "in a link: https://example.com/@who/status;",
    })
    void givenText_extract_findsMentionsAsTwitterDoes(String text, String expected) {
        assertEquals(split(expected), Entities.extract(text).mentions());
    }

    /** Links found in a text: {@code |} separates them, an empty column says none. */
    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "see https://t.co/mz4uCNL7fk;https://t.co/mz4uCNL7fk",
        "https://t.co/a and http://t.co/b;https://t.co/a|http://t.co/b",
        "HTTPS://Example.COM/Path;HTTPS://Example.COM/Path",
        "ends a sentence: https://example.com/a. Then;https://example.com/a",
        "ends a question: https://example.com/a?;https://example.com/a",
        "a host alone: https://example.com.;https://example.com",
        "query: https://example.com/s?q=covid&n=2, then;https://example.com/s?q=covid&n=2",
        "port: http://example.com:8080/x;http://example.com:8080/x",
        "balanced: https://en.wikipedia.org/wiki/Covid_(disease) ok;https://en.wikipedia.org/wiki/Covid_(disease)",
        "in parentheses: (https://example.com/a);https://example.com/a",
        "fragment: https://example.com/a#b;https://example.com/a#b",
        "unicode host: https://bücher.de/x;https://bücher.de/x",
        "truncated: https://t.co/abc… https://t.co/x;https://t.co/abc|https://t.co/x",
        "no dot: http://localhost/x;",
        "no letters in the top level: http://1.2.3.4/x;",
        "inside a word: xhttps://t.co/a and $https://t.co/b;",
        "no protocol: example.com and t.co/x;",
        "no host: https:// and https://.com;",
        "a protocol alone: ://t.co/a and hhttps://t.co/b;",
        "after a false start: http://https://t.co/a;https://t.co/a",
    })
    void givenText_extract_findsLinksWithProtocol(String text, String expected) {
        assertEquals(split(expected), Entities.extract(text).urls());
    }

    @Test
    void givenNothingToMark_extract_givesNone() {
        assertEquals(Entities.NONE, Entities.extract(""));
        assertEquals(Entities.NONE, Entities.extract("plain words, # @ http:// and ＃＠"));
    }

    @Test
    void givenHostileText_extract_neverThrowsAndFindsOnlyWhatIsThere() {
        GeneratedText texts = new GeneratedText(20261124L);
        int found = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = texts.next() + " #x" + texts.next() + "@y " + texts.next() + "https://t.co/z" + texts.next();

            Entities entities = Entities.extract(text);

            for (String tag : entities.hashtags()) {
                assertTrue(text.contains("#" + tag) || text.contains("＃" + tag), () -> tag + " in " + text);
                assertTrue(tag.codePoints().anyMatch(Character::isLetter), () -> tag + " in " + text);
            }
            for (String name : entities.mentions()) {
                assertTrue(name.matches("[A-Za-z0-9_]{1,15}") && text.contains(name), () -> name + " in " + text);
            }
            for (String url : entities.urls()) {
                assertTrue(url.toLowerCase().startsWith("http") && text.contains(url), () -> url + " in " + text);
            }
            found += entities.hashtags().size() + entities.mentions().size() + entities.urls().size();
        }
        assertTrue(found > 20_000, "the generated texts hold entities: " + found);
    }

    private static Seq<String> split(String expected) {
        return expected == null ? List.empty() : List.of(expected.split("\\|"));
    }
}
