package io.tweetpipe.domain.analysis;

import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import java.util.ArrayList;
import java.util.Locale;

/**
 * A tweet's words, for rankings and features: lower-cased runs of letters and digits (an apostrophe or hyphen inside a
 * word keeps it whole), at least two characters and one letter. Hashtags, mentions and links are not words: they are
 * entities, counted on their own.
 */
public final class Words {

    private Words() {
    }

    public static Seq<String> of(String text) {
        ArrayList<String> words = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int n = lower.length();
        int i = 0;
        while (i < n) {
            int c = lower.codePointAt(i);
            if (Character.isWhitespace(c)) {
                i += Character.charCount(c);
                continue;
            }
            int chunkEnd = i;
            while (chunkEnd < n && !Character.isWhitespace(lower.codePointAt(chunkEnd))) {
                chunkEnd += Character.charCount(lower.codePointAt(chunkEnd));
            }
            if (!isEntity(lower, i, chunkEnd)) {
                addWords(lower, i, chunkEnd, words);
            }
            i = chunkEnd;
        }
        return Array.ofAll(words);
    }

    /**
     * What a tweet writes besides words, entities and white space, one code point each, in order: emoji, punctuation
     * ({@code ¿}, {@code …}), symbols. A language shows in them too, and a tweet of emoji alone has nothing else.
     * Joiners, variation selectors and other marks that only shape the character before them are left out.
     */
    public static Seq<String> symbols(String tweet) {
        ArrayList<String> symbols = new ArrayList<>();
        String text = tweet.toLowerCase(Locale.ROOT);
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (Character.isWhitespace(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            int chunkEnd = i;
            while (chunkEnd < n && !Character.isWhitespace(text.codePointAt(chunkEnd))) {
                chunkEnd += Character.charCount(text.codePointAt(chunkEnd));
            }
            if (!isEntity(text, i, chunkEnd)) {
                for (int j = i; j < chunkEnd; j += Character.charCount(text.codePointAt(j))) {
                    int c = text.codePointAt(j);
                    if (isSymbol(c)) {
                        symbols.add(Character.toString(c));
                    }
                }
            }
            i = chunkEnd;
        }
        return Array.ofAll(symbols);
    }

    private static boolean isSymbol(int c) {
        if (Character.isLetterOrDigit(c)) {
            return false;
        }
        int type = Character.getType(c);
        return type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                && type != Character.COMBINING_SPACING_MARK && type != Character.FORMAT && type != Character.CONTROL;
    }

    /** A link, a hashtag or a mention: the whole white-space-delimited chunk is skipped. */
    private static boolean isEntity(String text, int from, int to) {
        char first = text.charAt(from);
        if (first == '#' || first == '@' || first == '\uFF03' || first == '\uFF20') {
            return true;
        }
        String chunk = text.substring(from, to);
        return chunk.contains("://") || chunk.startsWith("www.");
    }

    private static void addWords(String text, int from, int to, ArrayList<String> words) {
        int start = -1;
        boolean letter = false;
        int i = from;
        while (i <= to) {
            int c = i < to ? text.codePointAt(i) : ' ';
            boolean part = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || (start >= 0 && isJoiner(c) && i + 1 < to && Character.isLetterOrDigit(text.codePointAt(i + 1)));
            if (part) {
                if (start < 0) {
                    start = i;
                    letter = false;
                }
                letter |= Character.isLetter(c);
            } else if (start >= 0) {
                if (letter && text.codePointCount(start, i) >= 2) {
                    words.add(text.substring(start, i));
                }
                start = -1;
            }
            i += i < to ? Character.charCount(c) : 1;
        }
    }

    private static boolean isJoiner(int c) {
        return c == '\'' || c == '\u2019' || c == '-';
    }
}
