package io.tweetpipe.domain.analysis;

import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Arrays;
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
        of(text, (lower, from, to) -> words.add(lower.substring(from, to)));
        return Array.ofAll(words);
    }

    /**
     * The same words, each put to the sink where it stands in the lower-cased text: no copy is made. A chunk is read
     * once, and lower-cased on its own only when one of its characters changes (a preprocessed body is lower-cased
     * already); white space ends every rule of lower-casing, so that is the text's lower case, chunk by chunk.
     */
    public static void of(String text, KeySink sink) {
        Held held = new Held();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = codePointAt(text, i);
            if (isSpace(c)) {
                i += Character.charCount(c);
            } else if (isEntitySign(c) || c == 'w' && text.startsWith("www.", i)) {
                i = chunkEnd(text, i);
            } else {
                int end = chunkWords(text, i, true, held, sink);
                if (end < 0) {  // a capital: the chunk is read again, lower-cased
                    end = chunkEnd(text, i);
                    String chunk = text.substring(i, end).toLowerCase(Locale.ROOT);
                    if (!chunk.startsWith("www.")) {
                        chunkWords(chunk, 0, false, held, sink);
                    }
                }
                i = end;
            }
        }
    }

    /**
     * The words of the white-space-delimited chunk at {@code text[from]}, which starts no hashtag or mention, in one
     * pass: they are held until its end shows it holds no link's {@code "://"}, then put to the sink. Returns the
     * chunk's end; or -1, having put nothing, at its first capital when {@code capitals} are looked for.
     */
    private static int chunkWords(String text, int from, boolean capitals, Held held, KeySink sink) {
        held.clear();
        int n = text.length();
        int start = -1;  // where the current word began, or -1
        int hash = 0;  // the current word's String.hashCode, so far
        boolean letter = false;
        int i = from;
        while (true) {
            int c = i < n ? codePointAt(text, i) : ' ';  // white space, or the text's end, ends the chunk
            if (capitals && (c < 0x80 ? c >= 'A' && c <= 'Z' : Character.toLowerCase(c) != c)) {
                return -1;
            }
            if (c == ':' && i + 2 < n && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
                return chunkEnd(text, i);  // a link: none of its words count
            }
            // ASCII asks no Unicode table: a letter, a digit or a joiner (no mark is ASCII).
            boolean isLetter = c < 0x80 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' : Character.isLetter(c);
            boolean part = isLetter || (c < 0x80 ? c >= '0' && c <= '9'
                    : Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK)
                    || (start >= 0 && isJoiner(c) && i + 1 < n
                        && Character.isLetterOrDigit(text.codePointAt(i + 1)));
            if (part) {
                if (start < 0) {
                    start = i;
                    hash = 0;
                    letter = false;
                }
                letter |= isLetter;
                hash = Character.isBmpCodePoint(c) ? 31 * hash + c
                        : 31 * (31 * hash + Character.highSurrogate(c)) + Character.lowSurrogate(c);
            } else if (start >= 0) {
                if (letter && atLeastTwoCodePoints(text, start, i)) {
                    held.add(start, i, hash);
                }
                start = -1;
            }
            if (i == n || isSpace(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        held.putTo(text, sink);
        return i;
    }

    /** A chunk's words found so far, in threes (start, end, hash): one per text, cleared at each chunk. */
    private static final class Held {
        private int[] words = new int[12];
        private int size;

        void clear() {
            size = 0;
        }

        void add(int from, int to, int hash) {
            if (size + 3 > words.length) {
                words = Arrays.copyOf(words, 2 * words.length);
            }
            words[size++] = from;
            words[size++] = to;
            words[size++] = hash;
        }

        void putTo(String text, KeySink sink) {
            for (int k = 0; k < size; k += 3) {
                sink.key(text, words[k], words[k + 1], words[k + 2]);
            }
        }
    }

    /** A code point, read as a char unless it is a surrogate: most text asks nothing more. */
    private static int codePointAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? text.codePointAt(i) : c;
    }

    private static boolean isSpace(int c) {
        return c < 0x80 ? c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1C && c <= 0x1F : Character.isWhitespace(c);
    }

    private static boolean atLeastTwoCodePoints(String text, int from, int to) {
        return to - from > 2 || to - from == 2 && !Character.isHighSurrogate(text.charAt(from));
    }

    /** A text's words less the stop words of its language (of every bundled language when it is unknown). */
    public static Seq<String> withoutStopWords(String text, Option<String> language) {
        ArrayList<String> words = new ArrayList<>();
        withoutStopWords(text, language, (lower, from, to) -> words.add(lower.substring(from, to)));
        return Array.ofAll(words);
    }

    /** The same words, each put to the sink where it stands in the lower-cased text. */
    public static void withoutStopWords(String text, Option<String> language, KeySink sink) {
        of(text, StopWords.of(language).without(sink));  // the list looked up once a text, not once a word
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
            int chunkEnd = chunkEnd(text, i);
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

    private static boolean isEntitySign(int c) {
        return c == '#' || c == '@' || c == '\uFF03' || c == '\uFF20';
    }

    /** Where the white-space-delimited chunk starting at {@code from} ends. */
    private static int chunkEnd(String text, int from) {
        int n = text.length();
        int i = from;
        while (i < n) {
            int c = codePointAt(text, i);
            if (isSpace(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /** A link, a hashtag or a mention: the whole white-space-delimited chunk is skipped. Read in place, no copy. */
    private static boolean isEntity(String text, int from, int to) {
        if (isEntitySign(text.charAt(from))) {
            return true;
        }
        if (to - from >= 4 && text.startsWith("www.", from)) {
            return true;
        }
        for (int i = from; i + 3 <= to; i++) {
            if (text.charAt(i) == ':' && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
                return true;
            }
        }
        return false;
    }

    private static boolean isJoiner(int c) {
        return c == '\'' || c == '\u2019' || c == '-';
    }
}
