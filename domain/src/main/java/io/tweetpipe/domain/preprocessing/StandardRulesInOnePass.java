package io.tweetpipe.domain.preprocessing;

import io.tweetpipe.domain.framing.ByteWords;
import io.tweetpipe.domain.framing.WireFormat;
import java.nio.charset.StandardCharsets;

/**
 * {@link Rules#UNESCAPE}, {@link Rules#NORMALISE_TEXT}, {@link Rules#LOWERCASE} and {@link Rules#TRIM}, in that
 * order, done in one pass over a record's UTF-8 bytes, with exactly their result.
 *
 * <p>Why: profiled at 300,000 tweets/s, the rules one by one were over half of the stream job's CPU time: a chunk
 * decoded to UTF-16 as a whole, then four passes and up to four new strings per record, lower-casing through the
 * JDK's general (surrogate-aware) path whenever a tweet held an emoji. Here a record is read once, decoded, unescaped,
 * normalised and lower-cased as it is read, and becomes one string (two when its text as written is asked for).
 *
 * <p>It declines (returns {@code null}) what it cannot do exactly as the rules do, and the caller then runs the
 * rules themselves: bytes that are not well-formed UTF-8 (the JDK's replacement of them is the reference), and the
 * two characters whose lower case depends on their neighbours or is two characters long, capital sigma and
 * capital I with a dot above. Equality with the rules is a property test, {@code StandardRulesInOnePassTest}.
 */
final class StandardRulesInOnePass {

    private StandardRulesInOnePass() {
    }

    /**
     * The text frame in {@code utf8[from, to)} read once for both of what a record keeps of it: its body after the
     * four rules, and, when {@code written} is given, its text as written, after the first two alone (unescaped, one
     * line, its case and its ends kept), which entities are read from. {@code null} when the rules must run
     * themselves (see above). Both buffers are scratch space at least {@code to - from} long: each byte becomes at
     * most one char.
     */
    static Read read(byte[] utf8, int from, int to, char[] out, char[] written) {
        int n = 0;
        int i = from;
        while (i < to) {
            if (i + Long.BYTES <= to) {
                long word = ByteWords.wordAt(utf8, i);
                if (plainAscii(word)) {
                    long lower = ByteWords.lowerCaseAscii(word);
                    for (int k = 0; k < Long.BYTES; k++) {
                        out[n + k] = (char) (lower >>> (k << 3) & 0xFF);
                    }
                    if (written != null) {
                        for (int k = 0; k < Long.BYTES; k++) {
                            written[n + k] = (char) (word >>> (k << 3) & 0xFF);
                        }
                    }
                    n += Long.BYTES;
                    i += Long.BYTES;
                    continue;
                }
            }
            int b = utf8[i];
            if (b >= 0) {  // ASCII
                char c = (char) b;
                if (c == '\\' && i + 1 < to && (utf8[i + 1] == '\\' || utf8[i + 1] == '_')) {
                    c = (char) utf8[++i];  // an escape: the escaped character stands for itself
                } else if (c >= '\n' && c <= '\r') {  // LF, VT, FF, CR
                    if (c == '\r' && i + 1 < to && utf8[i + 1] == '\n') {
                        i++;  // CR LF is one line break
                    }
                    c = ' ';
                }
                if (written != null) {
                    written[n] = c;
                }
                out[n++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                i++;
                continue;
            }
            int length = sequenceLength(utf8, i, to);
            if (length == 0) {
                return null;
            }
            int codePoint = codePoint(utf8, i, length);
            if (codePoint == '\u0085' || codePoint == '\u2028' || codePoint == '\u2029') {
                codePoint = ' ';
            } else if (codePoint == '\u03A3' || codePoint == '\u0130') {
                return null;  // final sigma, and the dotted I's two-character lower case
            }
            int lower = Character.toLowerCase(codePoint);
            if (Character.charCount(lower) != Character.charCount(codePoint)) {
                return null;  // no such character today; the two texts must stay aligned
            }
            if (written != null) {
                Character.toChars(codePoint, written, n);
            }
            n += Character.toChars(lower, out, n);
            i += length;
        }
        int start = 0;
        while (start < n && Character.isWhitespace(out[start])) {
            start++;
        }
        int end = n;
        while (end > start && Character.isWhitespace(out[end - 1])) {
            end--;
        }
        return new Read(written == null ? null : new String(written, 0, n), new String(out, start, end - start));
    }

    /**
     * Each frame of a chunk of the text wire, cut at each marker (the newline after a marker going with it, as
     * {@link Rules#SPLIT_ON_MARKER} cuts), read by {@link #read}; a frame the one pass declines is read by the rules
     * themselves from its decoded text. False, once some frames were given, when a frame is declined and the chunk is
     * not well-formed UTF-8: the JDK's replacement of malformed bytes depends on what follows them, so the caller then
     * forgets what it was given and decodes the chunk as a whole.
     *
     * @param withWritten whether each frame's text as written is wanted, or its body alone
     */
    static boolean eachFrame(byte[] utf8, boolean withWritten, java.util.function.Consumer<Read> each) {
        char[] body = new char[512];
        char[] written = withWritten ? new char[512] : null;
        boolean wellFormed = false;
        int start = 0;
        while (true) {
            int marker = WireFormat.indexOfMarker(utf8, start, utf8.length);
            int end = marker < 0 ? utf8.length : marker;
            if (body.length < end - start) {
                body = new char[end - start];
                written = withWritten ? new char[end - start] : null;
            }
            Read frame = read(utf8, start, end, body, written);
            if (frame == null) {
                if (!wellFormed && !wellFormed(utf8)) {
                    return false;
                }
                wellFormed = true;
                String piece = new String(utf8, start, end - start, StandardCharsets.UTF_8);
                frame = new Read(withWritten ? Rules.NORMALISE_TEXT.apply(Rules.UNESCAPE.apply(piece)) : null,
                        Preprocessing.normaliseStandard(piece));
            }
            each.accept(frame);
            if (marker < 0) {
                return true;
            }
            start = marker + WireFormat.MARKER.length();
            if (start < utf8.length && utf8[start] == '\n') {
                start++;
            }
        }
    }

    /** A text frame as written (null when not asked for) and its body. */
    record Read(String written, String body) {
    }

    /**
     * Eight bytes the fast way: plain ASCII, the runs most tweets are made of. None is below '\u000E' (the line breaks
     * are LF, VT, FF and CR; the harmless control characters below them go the slow way too), none a backslash.
     */
    private static boolean plainAscii(long word) {
        return !ByteWords.hasNonAscii(word) && !ByteWords.hasAsciiBelow(word, 0x0E) && !ByteWords.hasByte(word, '\\');
    }

    /** Whether {@code utf8} is well-formed UTF-8 throughout. */
    static boolean wellFormed(byte[] utf8) {
        int i = 0;
        while (i < utf8.length) {
            int length = utf8[i] >= 0 ? 1 : sequenceLength(utf8, i, utf8.length);
            if (length == 0) {
                return false;
            }
            i += length;
        }
        return true;
    }

    /**
     * The length of the well-formed multi-byte sequence at {@code utf8[i]}, or 0: a stray continuation byte, a lead
     * byte UTF-8 never uses, a sequence cut short, an overlong form, a surrogate, or past U+10FFFF.
     */
    private static int sequenceLength(byte[] utf8, int i, int to) {
        int b = utf8[i] & 0xFF;
        int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        if (length == 0 || i + length > to) {
            return 0;
        }
        for (int k = 1; k < length; k++) {
            if (!continuation(utf8[i + k])) {
                return 0;
            }
        }
        int codePoint = codePoint(utf8, i, length);
        boolean shortest = length == 3 ? codePoint >= 0x800 && !Character.isSurrogate((char) codePoint)
                : length != 4 || codePoint >= 0x10000 && codePoint <= Character.MAX_CODE_POINT;
        return shortest ? length : 0;
    }

    private static int codePoint(byte[] utf8, int i, int length) {
        return switch (length) {
            case 2 -> (utf8[i] & 0x1F) << 6 | utf8[i + 1] & 0x3F;
            case 3 -> (utf8[i] & 0x0F) << 12 | (utf8[i + 1] & 0x3F) << 6 | utf8[i + 2] & 0x3F;
            default -> (utf8[i] & 0x07) << 18 | (utf8[i + 1] & 0x3F) << 12 | (utf8[i + 2] & 0x3F) << 6
                    | utf8[i + 3] & 0x3F;
        };
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
