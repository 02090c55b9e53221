package io.tweetpipe.domain.preprocessing;

import io.tweetpipe.domain.framing.WireFormat;
import io.vavr.Function1;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.Locale;

/**
 * The small rules preprocessing is made of. Each is a Vavr {@link Function1}, which is {@link java.io.Serializable},
 * and captures nothing, so Spark can ship it to an executor as it is.
 */
public final class Rules {

    private Rules() {
    }

    /**
     * The seed's {@code split("__end")}: what arrives may hold several records. A newline right after a marker goes
     * with the marker: our framing ends each frame with both, and left at the head of the next piece it would be
     * normalised into a space and trimmed away, a copy of every record for nothing.
     */
    public static final Function1<String, Seq<String>> SPLIT_ON_MARKER = Rules::splitOnMarker;

    /** Undoes the relay's escaping of backslashes and of {@code __end} inside a tweet. */
    public static final Function1<String, String> UNESCAPE = WireFormat::unescape;

    /** Line breaks become spaces: the original relay sent them raw. */
    public static final Function1<String, String> NORMALISE_TEXT = WireFormat::normaliseText;

    /** The seed's {@code lower()}, the same on every machine whatever its default locale (no Turkish dotless i). */
    public static final Function1<String, String> LOWERCASE = text -> text.toLowerCase(Locale.ROOT);

    /** Drops the newline our framing puts between records, and the space the original relay put before the marker. */
    public static final Function1<String, String> TRIM = String::strip;

    public static final Function1<String, Boolean> NOT_EMPTY = text -> !text.isEmpty();

    /** The pieces in an array-backed sequence: a chunk of thousands of records costs no cell per record. */
    private static Seq<String> splitOnMarker(String text) {
        int at = text.indexOf(WireFormat.MARKER);
        if (at < 0) {
            return List.of(text);
        }
        java.util.List<String> pieces = new java.util.ArrayList<>();
        int start = 0;
        while (at >= 0) {
            pieces.add(text.substring(start, at));
            start = at + WireFormat.MARKER.length();
            if (start < text.length() && text.charAt(start) == '\n') {
                start++;
            }
            at = text.indexOf(WireFormat.MARKER, start);
        }
        pieces.add(text.substring(start));
        return Array.ofAll(pieces);
    }
}
