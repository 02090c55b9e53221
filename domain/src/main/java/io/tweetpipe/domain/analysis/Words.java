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

    /** What an ASCII character is to a word, by its code. */
    private static final byte OTHER = 0;
    private static final byte SPACE = 1;
    private static final byte JOINER = 2;
    private static final byte DIGIT = 3;
    private static final byte LOWER = 4;
    private static final byte UPPER = 5;
    private static final byte[] ASCII = new byte[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII[c] = c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1C && c <= 0x1F ? SPACE
                    : c == '\'' || c == '-' ? JOINER
                    : c >= '0' && c <= '9' ? DIGIT
                    : c >= 'a' && c <= 'z' ? LOWER
                    : c >= 'A' && c <= 'Z' ? UPPER : OTHER;
        }
    }

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
     * already); white space ends every rule of lower-casing, so that is the text's lower case, chunk by chunk. The
     * text is read from an array of its characters, an ASCII character's class looked up in a table: through
     * {@link String#charAt}, each character paid its string's encoding test (JMH: 738 against 527 ns a tweet).
     */
    public static void of(String text, KeySink sink) {
        char[] chars = text.toCharArray();
        Held held = new Held();
        int n = chars.length;
        int i = 0;
        while (i < n) {
            int c = Character.codePointAt(chars, i);
            if (isSpace(c)) {
                i += Character.charCount(c);
            } else if (isEntitySign(c) || c == 'w' && text.startsWith("www.", i)) {
                i = chunkEnd(chars, i);
            } else {
                int end = chunkWords(chars, text, i, true, held, sink);
                if (end < 0) {  // a capital: the chunk is read again, lower-cased
                    end = chunkEnd(chars, i);
                    String chunk = text.substring(i, end).toLowerCase(Locale.ROOT);
                    if (!chunk.startsWith("www.")) {
                        chunkWords(chunk.toCharArray(), chunk, 0, false, held, sink);
                    }
                }
                i = end;
            }
        }
    }

    /**
     * The words of the white-space-delimited chunk at {@code chars[from]} ({@code text}'s characters), which starts
     * no hashtag or mention, in one pass: they are held until its end shows it holds no link's {@code "://"}, then
     * put to the sink. Returns the chunk's end; or -1, having put nothing, at its first capital when
     * {@code capitals} are looked for.
     */
    private static int chunkWords(char[] chars, String text, int from, boolean capitals, Held held, KeySink sink) {
        held.clear();
        int n = chars.length;
        int start = -1;  // where the current word began, or -1
        int hash = 0;  // the current word's String.hashCode, so far
        boolean letter = false;
        int i = from;
        while (i < n) {
            char ch = chars[i];
            int c = ch;
            int width = 1;
            boolean isLetter;
            boolean part;
            if (ch < 0x80) {  // ASCII asks no Unicode table (no mark is ASCII)
                byte kind = ASCII[ch];
                if (kind == SPACE) {
                    break;
                }
                if (capitals && kind == UPPER) {
                    return -1;
                }
                if (ch == ':' && i + 2 < n && chars[i + 1] == '/' && chars[i + 2] == '/') {
                    return chunkEnd(chars, i);  // a link: none of its words count
                }
                isLetter = kind >= LOWER;
                part = kind >= DIGIT || kind == JOINER && start >= 0 && followedByLetterOrDigit(chars, i);
            } else {
                c = Character.codePointAt(chars, i);
                if (Character.isWhitespace(c)) {
                    break;
                }
                if (capitals && Character.toLowerCase(c) != c) {
                    return -1;
                }
                width = Character.charCount(c);
                isLetter = Character.isLetter(c);
                part = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                        || c == '\u2019' && start >= 0 && followedByLetterOrDigit(chars, i);
            }
            if (part) {
                if (start < 0) {
                    start = i;
                    hash = 0;
                    letter = false;
                }
                letter |= isLetter;
                hash = width == 1 ? 31 * hash + c
                        : 31 * (31 * hash + Character.highSurrogate(c)) + Character.lowSurrogate(c);
            } else if (start >= 0) {
                held.addIfWord(chars, start, i, hash, letter);
                start = -1;
            }
            i += width;
        }
        if (start >= 0) {
            held.addIfWord(chars, start, i, hash, letter);
        }
        held.putTo(text, sink);
        return i;
    }

    /** Whether a letter or digit follows the joiner at {@code chars[i]}: inside a word, it keeps the word whole. */
    private static boolean followedByLetterOrDigit(char[] chars, int i) {
        return i + 1 < chars.length && Character.isLetterOrDigit(Character.codePointAt(chars, i + 1));
    }

    /** A chunk's words found so far, in threes (start, end, hash): one per text, cleared at each chunk. */
    private static final class Held {
        private int[] words = new int[12];
        private int size;

        void clear() {
            size = 0;
        }

        /** Holds {@code chars[from, to)} if it is a word: a letter, and at least two characters. */
        void addIfWord(char[] chars, int from, int to, int hash, boolean letter) {
            if (!letter || to - from < 2 || to - from == 2 && Character.isHighSurrogate(chars[from])) {
                return;
            }
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

    private static boolean isSpace(int c) {
        return c < 0x80 ? ASCII[c] == SPACE : Character.isWhitespace(c);
    }

    /** A text's words less the stop words of its language (of every bundled language when it is unknown). */
    public static Seq<String> withoutStopWords(String text, Option<String> language) {
        ArrayList<String> words = new ArrayList<>();
        // the list looked up once a text, not once a word
        of(text, StopWords.of(language).without((lower, from, to) -> words.add(lower.substring(from, to))));
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
        char[] chars = text.toCharArray();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (Character.isWhitespace(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            int chunkEnd = chunkEnd(chars, i);
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
    private static int chunkEnd(char[] chars, int from) {
        int n = chars.length;
        int i = from;
        while (i < n) {
            int c = Character.codePointAt(chars, i);
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
}
