package io.tweetpipe.domain.preprocessing;

import io.vavr.Function1;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Turns what arrives from the relay into records: split into pieces, each piece normalised by every rule in order,
 * then kept only if every filter agrees. A new rule is one more function in a list.
 *
 * <p>{@link #applyUtf8} is the same function on the UTF-8 bytes of the text, for a stream processor that receives
 * bytes: with the standard rules, it runs them in one pass over each record's bytes ({@link StandardRulesInOnePass}).
 *
 * <p>It is a serializable function from text to records, the shape of Spark's {@code flatMap}; being a record of
 * serializable functions, it crosses to an executor whole.
 */
public record Preprocessing(Function1<String, Seq<String>> splitter,
                            Seq<Function1<String, String>> normalisers,
                            Seq<Function1<String, Boolean>> filters) implements Function1<String, Seq<String>> {

    private static final Seq<Function1<String, String>> STANDARD_NORMALISERS =
            List.of(Rules.UNESCAPE, Rules.NORMALISE_TEXT, Rules.LOWERCASE, Rules.TRIM);

    public Preprocessing {
        Objects.requireNonNull(splitter, "splitter");
        Objects.requireNonNull(normalisers, "normalisers");
        Objects.requireNonNull(filters, "filters");
    }

    /** The seed's preprocessing, made safe: split on the marker, unescape, one line, lower-case, trim, drop empty. */
    public static Preprocessing standard() {
        return new Preprocessing(Rules.SPLIT_ON_MARKER, STANDARD_NORMALISERS, List.of(Rules.NOT_EMPTY));
    }

    public Preprocessing withNormaliser(Function1<String, String> normaliser) {
        return new Preprocessing(splitter, normalisers.append(normaliser), filters);
    }

    public Preprocessing withFilter(Function1<String, Boolean> filter) {
        return new Preprocessing(splitter, normalisers, filters.append(filter));
    }

    /**
     * One pass over the pieces: each is normalised and looked at once, and only what is kept goes into the result.
     * The rules are taken out of their lists once per call, not once per piece: what arrives is often a chunk of
     * thousands of records.
     */
    @Override
    public Seq<String> apply(String received) {
        Seq<String> pieces = splitter.apply(received);
        @SuppressWarnings("unchecked")
        Function1<String, String>[] normalising = normalisers.toJavaArray(Function1[]::new);
        @SuppressWarnings("unchecked")
        Function1<String, Boolean>[] filtering = filters.toJavaArray(Function1[]::new);
        java.util.ArrayList<String> kept = new java.util.ArrayList<>(pieces.size());
        for (String piece : pieces) {
            String record = piece;
            for (Function1<String, String> normaliser : normalising) {
                record = normaliser.apply(record);
            }
            if (keeps(filtering, record)) {
                kept.add(record);
            }
        }
        return List.ofAll(kept);
    }

    /**
     * {@code apply(new String(utf8, UTF_8))}, the same records, faster when this preprocessing starts as the standard
     * one does: the bytes are cut on the markers, and each record's bytes go through the standard normalisers in one
     * pass, then through any rule added after them. Anything else decodes the text and applies the rules.
     */
    public Seq<String> applyUtf8(byte[] utf8) {
        return applyUtf8(utf8, Function1.identity());
    }

    /** {@link #applyUtf8(byte[])}, each record made into what {@code each} makes of it as it is kept: no second pass. */
    public <T> Seq<T> applyUtf8(byte[] utf8, Function1<String, T> each) {
        if (!readsInOnePass()) {
            return apply(new String(utf8, StandardCharsets.UTF_8)).map(each);
        }
        Function1<String, String>[] after = afterStandardRules();
        @SuppressWarnings("unchecked")
        Function1<String, Boolean>[] filtering = filters.toJavaArray(Function1[]::new);
        java.util.ArrayList<T> kept = new java.util.ArrayList<>();
        boolean whole = StandardRulesInOnePass.eachFrame(utf8, false, frame -> {
            String record = frame.body();
            for (Function1<String, String> normaliser : after) {
                record = normaliser.apply(record);
            }
            if (keeps(filtering, record)) {
                kept.add(each.apply(record));
            }
        });
        return whole ? Array.ofAll(kept) : apply(new String(utf8, StandardCharsets.UTF_8)).map(each);
    }

    /** Whether records are split on the marker and go through the standard rules first: one pass reads them. */
    boolean readsInOnePass() {
        return splitter == Rules.SPLIT_ON_MARKER && normalisers.startsWith(STANDARD_NORMALISERS);
    }

    /** The normalisers after the standard rules, for a caller that ran those in one pass. */
    @SuppressWarnings("unchecked")
    Function1<String, String>[] afterStandardRules() {
        return normalisers.drop(STANDARD_NORMALISERS.size()).toJavaArray(Function1[]::new);
    }

    private static boolean keeps(Function1<String, Boolean>[] filtering, String record) {
        for (Function1<String, Boolean> filter : filtering) {
            if (!filter.apply(record)) {
                return false;
            }
        }
        return true;
    }

    /** One record through every normaliser, in order. */
    public String normalise(String piece) {
        return normalise(piece, normalisers);
    }

    /** One record through the standard rules alone. */
    static String normaliseStandard(String piece) {
        return normalise(piece, STANDARD_NORMALISERS);
    }

    private static String normalise(String piece, Seq<Function1<String, String>> normalisers) {
        String out = piece;
        for (Function1<String, String> normaliser : normalisers) {
            out = normaliser.apply(out);
        }
        return out;
    }

    public boolean keep(String record) {
        return filters.forAll(filter -> filter.apply(record));
    }
}
