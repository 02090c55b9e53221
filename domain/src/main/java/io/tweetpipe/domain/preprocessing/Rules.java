package io.tweetpipe.domain.preprocessing;

import io.tweetpipe.domain.framing.WireFormat;
import io.vavr.Function1;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The small rules preprocessing is made of. Each is a Vavr {@link Function1}, which is {@link java.io.Serializable},
 * and captures nothing, so Spark can ship it to an executor as it is.
 *
 * <p>They are enum constants rather than lambdas so that each stays itself through serialization (a deserialized
 * lambda is a new object): {@link Preprocessing#applyUtf8} recognises the standard rules by identity, on an executor
 * too.
 */
public final class Rules {

    private Rules() {
    }

    /**
     * The seed's {@code split("__end")}: what arrives may hold several records. A newline right after a marker goes
     * with the marker: our framing ends each frame with both, and left at the head of the next piece it would be
     * normalised into a space and trimmed away, a copy of every record for nothing.
     */
    public static final Function1<String, Seq<String>> SPLIT_ON_MARKER = Splitter.ON_MARKER;

    /** Undoes the relay's escaping of backslashes and of {@code __end} inside a tweet. */
    public static final Function1<String, String> UNESCAPE = Normaliser.UNESCAPE;

    /** Line breaks become spaces: the original relay sent them raw. */
    public static final Function1<String, String> NORMALISE_TEXT = Normaliser.NORMALISE_TEXT;

    /** The seed's {@code lower()}, the same on every machine whatever its default locale (no Turkish dotless i). */
    public static final Function1<String, String> LOWERCASE = Normaliser.LOWERCASE;

    /** Drops the newline our framing puts between records, and the space the original relay put before the marker. */
    public static final Function1<String, String> TRIM = Normaliser.TRIM;

    public static final Function1<String, Boolean> NOT_EMPTY = Filter.NOT_EMPTY;

    private enum Splitter implements Function1<String, Seq<String>> {
        ON_MARKER;

        @Override
        public Seq<String> apply(String text) {
            return splitOnMarker(text);
        }
    }

    private enum Normaliser implements Function1<String, String> {
        UNESCAPE(WireFormat::unescape),
        NORMALISE_TEXT(WireFormat::normaliseText),
        LOWERCASE(text -> text.toLowerCase(Locale.ROOT)),
        TRIM(String::strip);

        private final UnaryOperator<String> rule;

        Normaliser(UnaryOperator<String> rule) {
            this.rule = rule;
        }

        @Override
        public String apply(String text) {
            return rule.apply(text);
        }
    }

    private enum Filter implements Function1<String, Boolean> {
        NOT_EMPTY;

        @Override
        public Boolean apply(String text) {
            return !text.isEmpty();
        }
    }

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
