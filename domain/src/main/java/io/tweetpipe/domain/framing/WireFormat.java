package io.tweetpipe.domain.framing;

/**
 * The bytes between relay and stream processor: each tweet's body, escaped, then the marker {@code __end}, then a
 * newline, in UTF-8.
 *
 * <p>The seed tutorial sent {@code body + "__end"} raw, so a tweet containing {@code __end} became two records and a
 * tweet containing a newline was cut by any line reader. Here a body never holds a line break (each becomes a
 * space) nor the marker: a backslash is written {@code \\} and {@code __end} is written {@code _\_end}. The newline
 * after the marker keeps a client of the original protocol ({@code socketTextStream} then split on
 * {@code __end}) working: it still sees one line per tweet, and one record per line.
 */
public final class WireFormat {

    public static final String MARKER = "__end";
    static final char ESCAPE = '\\';
    private static final int MARKER_LENGTH = MARKER.length();

    private WireFormat() {
    }

    /**
     * Every line break a reader might split on becomes one space: CR LF, LF, CR, NEL (U+0085), LINE SEPARATOR
     * (U+2028), PARAGRAPH SEPARATOR (U+2029), vertical tab and form feed. A lone surrogate, which UTF-8 cannot carry,
     * becomes U+FFFD, so that what is framed is exactly what is read back.
     */
    public static String normaliseText(String text) {
        int n = text.length();
        StringBuilder out = null;
        int copied = 0;  // text[0, copied) is in out already
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '\n' || (c > '\r' && c < '\u0085')) {
                continue;  // nearly every character: nothing to do
            }
            String replacement;
            int consumed = 1;
            if (c <= '\r') {
                replacement = " ";
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    consumed = 2;
                }
            } else if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
                replacement = " ";
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;  // a whole pair: kept
                continue;
            } else if (Character.isSurrogate(c)) {
                replacement = "\uFFFD";
            } else {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(text, copied, i).append(replacement);
            i += consumed - 1;
            copied = i + 1;
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    /** Makes {@code text} safe to put before a marker: no {@code __end} survives, and {@link #unescape} undoes it. */
    public static String escape(String text) {
        if (text.indexOf(ESCAPE) < 0 && !text.contains(MARKER)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ESCAPE) {
                out.append(ESCAPE).append(ESCAPE);
            } else if (c == '_' && text.startsWith(MARKER, i)) {
                out.append('_').append(ESCAPE).append("_end");
                i += MARKER.length() - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Undoes {@link #escape}. Only {@code \\} and {@code \_} are escapes; any other backslash is kept as it is, so
     * text from the original relay, which escaped nothing, reads back unchanged but for those two pairs.
     */
    public static String unescape(String text) {
        int at = text.indexOf(ESCAPE);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, at);
        int n = text.length();
        for (int i = at; i < n; i++) {
            char c = text.charAt(i);
            if (c == ESCAPE && i + 1 < n && (text.charAt(i + 1) == ESCAPE || text.charAt(i + 1) == '_')) {
                out.append(text.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Where the first marker in {@code bytes[from, to)} starts, or -1: the marker is ASCII, and no byte of a UTF-8
     * multi-byte sequence is, so a marker found in the bytes is a marker in the text they encode.
     */
    public static int indexOfMarker(byte[] bytes, int from, int to) {
        int last = to - MARKER_LENGTH;
        int i = from;
        while (i <= last) {
            if (i + Long.BYTES <= to && !ByteWords.hasByte(ByteWords.wordAt(bytes, i), '_')) {
                i += Long.BYTES;  // a marker starts with '_': none starts in these eight bytes
                continue;
            }
            if (bytes[i] == '_' && bytes[i + 1] == '_' && bytes[i + 2] == 'e' && bytes[i + 3] == 'n'
                    && bytes[i + 4] == 'd') {
                return i;
            }
            i++;
        }
        return -1;
    }
}
