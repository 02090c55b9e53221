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
