package io.tweetpipe.domain.preprocessing;

import io.vavr.Function1;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.Objects;

/**
 * Turns what arrives from the relay into records: split into pieces, each piece normalised by every rule in order,
 * then kept only if every filter agrees. A new rule is one more function in a list.
 *
 * <p>It is a serializable function from text to records, the shape of Spark's {@code flatMap}; being a record of
 * serializable functions, it crosses to an executor whole.
 */
public record Preprocessing(Function1<String, Seq<String>> splitter,
                            Seq<Function1<String, String>> normalisers,
                            Seq<Function1<String, Boolean>> filters) implements Function1<String, Seq<String>> {

    public Preprocessing {
        Objects.requireNonNull(splitter, "splitter");
        Objects.requireNonNull(normalisers, "normalisers");
        Objects.requireNonNull(filters, "filters");
    }

    /** The seed's preprocessing, made safe: split on the marker, unescape, one line, lower-case, trim, drop empty. */
    public static Preprocessing standard() {
        return new Preprocessing(Rules.SPLIT_ON_MARKER,
                List.of(Rules.UNESCAPE, Rules.NORMALISE_TEXT, Rules.LOWERCASE, Rules.TRIM),
                List.of(Rules.NOT_EMPTY));
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
