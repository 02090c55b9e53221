package io.tweetpipe.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void givenPlainText_of_givesLowerCasedWords() {
        assertEquals(List.of("vaccine", "clinic", "opens", "at"), Words.of("Vaccine CLINIC opens at 9"));
    }

    @Test
    void givenEntities_of_skipsHashtagsMentionsAndLinks() {
        assertEquals(List.of("news", "from"),
                Words.of("#Covid news from @who https://t.co/abc www.example.org ＃全角"));
    }

    @Test
    void givenLinksFoundPastTheirFirstWords_of_takesTheirWordsBack() {
        assertEquals(List.of("read", "then", "next", "ok"),
                Words.of("read see-this:https://t.co/x then git+ssh://host next www.x ok"));
    }

    @Test
    void givenJoinedWords_of_keepsApostrophesAndHyphensInside() {
        assertEquals(List.of("don't", "well-being", "rock"), Words.of("don't well-being 'rock'- -"));
    }

    @Test
    void givenAccentsScriptsAndEmoji_of_keepsLettersOnly() {
        assertEquals(List.of("été", "straße", "ωmega", "日本語", "x2"), Words.of("Été straße Ωmega 😷 日本語 x2 42"));
    }

    @Test
    void givenTheMarkerAndABackslash_of_splitsAroundThem() {
        assertEquals(List.of("nurse", "doctor", "end"), Words.of("nurse\\doctor __end"));
    }

    @Test
    void stopWords_dropTheTweetsLanguageOrEveryLanguageWhenUnknown() {
        assertTrue(StopWords.contains(Option.some("en"), "the"));
        assertFalse(StopWords.contains(Option.some("en"), "el"), "Spanish stop words stay in English tweets");
        assertTrue(StopWords.contains(Option.some("es"), "el"));
        assertTrue(StopWords.contains(Option.some("pt-br"), "não"), "a regional tag uses its language's list");
        assertTrue(StopWords.contains(Option.none(), "der"));
        assertTrue(StopWords.contains(Option.some("ja"), "rt"), "Twitter's own noise in every language");
        assertFalse(StopWords.contains(Option.none(), "vaccine"));
        assertEquals(io.vavr.collection.HashSet.of("en", "es", "pt", "fr", "de"), StopWords.languages());
    }

    @Test
    void givenEmojiAndPunctuation_symbols_givesThemOutsideEntitiesWithoutJoiners() {
        assertEquals(List.of("¿", "?", "❤", "👩", "⚕", "…"),
                Words.symbols("¿Qué? ❤\uFE0F 👩\u200D⚕\uFE0F #¡covid! @who https://t.co/x?y … 42"));
        assertEquals(List.empty(), Words.symbols("plain words only"));
    }

    @Test
    void givenLettersBeyondTheBasicPlaneAndJoiners_of_passesEachWordsStringHash() {
        java.util.List<String> words = new java.util.ArrayList<>();
        Words.of("\uD835\uDC9Clpha don't Été well-being 😷 日本語", new KeySink() {
            @Override
            public void key(String text, int from, int to) {
                throw new AssertionError("every word comes with its hash");
            }

            @Override
            public void key(String text, int from, int to, int hash) {
                assertEquals(text.substring(from, to).hashCode(), hash, text.substring(from, to));
                words.add(text.substring(from, to));
            }
        });

        assertEquals(java.util.List.of("\uD835\uDC9Clpha", "don't", "été", "well-being", "日本語"), words);
    }

    @Test
    void givenHostileChunks_of_agreesWithTheRulesReadPlainly() {
        String[] pieces = {"a", "Z", "é", "É", "Ω", "ß", "İ", "Σ", "日", "😷", "\uD835\uDC9C", "\u0301", "1", "42", "'",
            "\u2019", "-", "#", "@", "＃", "＠", ":", "/", "://", "w", "www.", "WWW.", "http", ".", " ", "  ", "\t", "\n",
            "\u2028", "\u00A0", "\u001C", "\\", "_", "x-y", "don't", "Covid"};
        java.util.Random random = new java.util.Random(2026_11_30L);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(14); k > 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String tweet = text.toString();
            java.util.List<String> words = new java.util.ArrayList<>();
            Words.of(tweet, new KeySink() {
                @Override
                public void key(String lower, int from, int to) {
                    throw new AssertionError("every word comes with its hash");
                }

                @Override
                public void key(String lower, int from, int to, int hash) {
                    assertEquals(lower.substring(from, to).hashCode(), hash, tweet);
                    words.add(lower.substring(from, to));
                }
            });
            assertEquals(plainly(tweet), words, () -> "words of [" + tweet + "]");
        }
    }

    /**
     * The class comment's rules, read plainly: white-space-delimited chunks, lower-cased; a chunk that starts a
     * hashtag or a mention, starts with www. or holds :// is skipped; a word is a run of letters, digits and marks,
     * with an apostrophe or hyphen inside kept when a letter or digit follows; at least two code points, one a letter.
     */
    private static java.util.List<String> plainly(String text) {
        java.util.List<String> words = new java.util.ArrayList<>();
        java.util.List<String> chunks = new java.util.ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c)) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            } else {
                chunk.appendCodePoint(c);
            }
        });
        chunks.add(chunk.toString());
        for (String each : chunks) {
            String lower = each.toLowerCase(java.util.Locale.ROOT);
            if (lower.isEmpty() || "#@＃＠".indexOf(lower.codePointAt(0)) >= 0 || lower.startsWith("www.")
                    || lower.contains("://")) {
                continue;
            }
            int[] points = lower.codePoints().toArray();
            StringBuilder word = new StringBuilder();
            boolean letter = false;
            for (int k = 0; k <= points.length; k++) {
                int c = k < points.length ? points[k] : ' ';
                boolean part = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                        || word.length() > 0 && (c == '\'' || c == '\u2019' || c == '-') && k + 1 < points.length
                        && Character.isLetterOrDigit(points[k + 1]);
                if (part) {
                    word.appendCodePoint(c);
                    letter |= Character.isLetter(c);
                } else {
                    if (letter && word.codePointCount(0, word.length()) >= 2) {
                        words.add(word.toString());
                    }
                    word.setLength(0);
                    letter = false;
                }
            }
        }
        return words;
    }
}
