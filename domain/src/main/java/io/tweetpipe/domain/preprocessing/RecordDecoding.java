package io.tweetpipe.domain.preprocessing;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.ByteWords;
import io.tweetpipe.domain.framing.StructuredFormat;
import io.tweetpipe.domain.framing.WireFormat;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.SampledTweet;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.Function1;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A receiver's chunk of frames to records, reading both wires in the same chunk, for Spark's {@code flatMap}: the
 * chunk's UTF-8 bytes in (frames each followed by the marker, as {@link Preprocessing#applyUtf8} takes them), one
 * {@link TweetRecord} per frame out, in order.
 *
 * <ul>
 *   <li>A structured frame ({@link StructuredFormat#isStructured}) gives every field it carries; its body goes
 *   through the preprocessing's normalisers but the text wire's unescaping (JSON has escaped it instead).</li>
 *   <li>A text frame, ours or the original relay's, gives its body exactly as {@link Preprocessing#apply} makes
 *   today's records, and the entities found in its text ({@link Entities#extract}) before lower-casing.</li>
 *   <li>A frame whose body the preprocessing's filters drop (nothing left to read) gives no record, as today.</li>
 *   <li>A structured frame that cannot be read gives no record either: {@link #decode} says why, for the caller to
 *   count; nothing is thrown.</li>
 * </ul>
 *
 * <p>It holds the {@link Preprocessing} record alone, so it crosses to an executor whole. A chunk of text frames
 * alone, with the standard rules first, is read frame by frame from its bytes, once each (as
 * {@link Preprocessing#applyUtf8} reads it for the plain job); any other chunk is read as a string, cut by the same
 * splitter.
 */
public record RecordDecoding(Preprocessing preprocessing) implements Function1<byte[], Seq<TweetRecord>> {

    public RecordDecoding {
        Objects.requireNonNull(preprocessing, "preprocessing");
    }

    /** The records of a chunk; frames that cannot be read are left out (see {@link #decode} to count them). */
    @Override
    public Seq<TweetRecord> apply(byte[] utf8) {
        java.util.List<TweetRecord> records = new ArrayList<>();
        decode(utf8, records::add, rejection -> { });
        return Array.ofAll(records);
    }

    /**
     * What a sample shows of a chunk: each frame's preprocessed body, with its language when the frame is a
     * structured record that carries one. A chunk with no structured frame (no record separator in its bytes, the
     * tutorial's wire) takes {@link Preprocessing#applyUtf8}'s one-pass path and knows no language.
     */
    public Seq<SampledTweet> sample(byte[] utf8) {
        return hasRecordSeparator(utf8) ? apply(utf8).map(SampledTweet::of)
                : preprocessing.applyUtf8(utf8, SampledTweet::text);
    }

    /** Whether any byte is the structured wire's record separator: eight bytes at a time, as the marker is sought. */
    private static boolean hasRecordSeparator(byte[] utf8) {
        int i = 0;
        for (; i + Long.BYTES <= utf8.length; i += Long.BYTES) {
            if (ByteWords.hasByte(ByteWords.wordAt(utf8, i), StructuredFormat.RECORD_SEPARATOR)) {
                return true;
            }
        }
        for (; i < utf8.length; i++) {
            if (utf8[i] == StructuredFormat.RECORD_SEPARATOR) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each frame of a chunk as its record or the reason it was refused, in order, for a caller that counts refusals;
     * what the filters drop is left out.
     */
    public Seq<Either<Rejection, TweetRecord>> decode(byte[] utf8) {
        java.util.List<Either<Rejection, TweetRecord>> out = new ArrayList<>();
        decode(utf8, record -> out.add(Either.right(record)), rejection -> out.add(Either.left(rejection)));
        return Array.ofAll(out);
    }

    private void decode(byte[] utf8, Consumer<TweetRecord> records, Consumer<Rejection> rejections) {
        Prepared rules = new Prepared(preprocessing);
        if (rules.afterStandardRules != null && !hasRecordSeparator(utf8) && textFrames(utf8, rules, records)) {
            return;
        }
        String text = new String(utf8, StandardCharsets.UTF_8);
        if (preprocessing.splitter() != Rules.SPLIT_ON_MARKER) {
            for (String piece : preprocessing.splitter().apply(text)) {
                frame(piece, 0, piece.length(), rules, records, rejections);
            }
            return;
        }
        // The standard splitter's cuts, made here so that a structured frame is read where it stands, not copied.
        int start = 0;
        while (true) {
            int marker = text.indexOf(WireFormat.MARKER, start);
            frame(text, start, marker < 0 ? text.length() : marker, rules, records, rejections);
            if (marker < 0) {
                return;
            }
            start = marker + WireFormat.MARKER.length();
            if (start < text.length() && text.charAt(start) == '\n') {
                start++;  // as the splitter does: the newline after a marker goes with it
            }
        }
    }

    /**
     * A chunk of text frames alone (the tutorial's wire), each read once from its bytes for its text as written and
     * its body ({@link StandardRulesInOnePass#eachFrame}): no decoding of the chunk as a whole, no pass a rule. False,
     * and nothing given, when the chunk must be read as a whole (malformed UTF-8).
     */
    private static boolean textFrames(byte[] utf8, Prepared rules, Consumer<TweetRecord> records) {
        java.util.List<TweetRecord> read = new ArrayList<>();
        if (!StandardRulesInOnePass.eachFrame(utf8, true,
                frame -> rules.textRecord(frame.written(), frame.body()).forEach(read::add))) {
            return false;
        }
        read.forEach(records);
        return true;
    }

    /** The frame {@code text[from, to)}: a record, a refusal, or nothing when the filters drop its body. */
    private static void frame(String text, int from, int to, Prepared rules, Consumer<TweetRecord> records,
                              Consumer<Rejection> rejections) {
        if (!StructuredFormat.isStructured(text, from, to)) {
            rules.textRecord(text.substring(from, to)).forEach(records);
            return;
        }
        Either<Rejection, TweetRecord> read = StructuredFormat.read(text, from, to);
        if (read.isLeft()) {
            rejections.accept(read.getLeft());
            return;
        }
        TweetRecord sent = read.get();
        String body = rules.normaliseDecoded(sent.body());
        if (rules.keeps(body)) {
            records.accept(new TweetRecord(sent.id(), sent.createdAt(), sent.lang(), sent.author(), body,
                    sent.extended(), sent.entities()));
        }
    }

    /** The preprocessing's rules taken out of their lists once per chunk, not once per frame. */
    private static final class Prepared {
        private final Function1<String, String>[] normalisers;
        private final Function1<String, String>[] afterTextRules;
        private final Function1<String, String>[] decodedNormalisers;
        private final Function1<String, Boolean>[] filters;
        /** The normalisers after the standard four, when those come first; else null. */
        private final Function1<String, String>[] afterStandardRules;

        @SuppressWarnings("unchecked")
        Prepared(Preprocessing preprocessing) {
            afterStandardRules = preprocessing.readsInOnePass() ? preprocessing.afterStandardRules() : null;
            Seq<Function1<String, String>> all = preprocessing.normalisers();
            normalisers = all.toJavaArray(Function1[]::new);
            // The text as written comes after these two, the tweet's own characters and line breaks as spaces.
            Seq<Function1<String, String>> textRules = List.of(Rules.UNESCAPE, Rules.NORMALISE_TEXT);
            afterTextRules = all.startsWith(textRules) ? all.drop(textRules.size()).toJavaArray(Function1[]::new)
                    : null;
            decodedNormalisers = all.filter(rule -> rule != Rules.UNESCAPE).toJavaArray(Function1[]::new);
            filters = preprocessing.filters().toJavaArray(Function1[]::new);
        }

        Option<TweetRecord> textRecord(String piece) {
            String written = Rules.NORMALISE_TEXT.apply(Rules.UNESCAPE.apply(piece));
            return textRecordOf(written,
                    afterTextRules == null ? apply(normalisers, piece) : apply(afterTextRules, written));
        }

        /** A text frame read in one pass: its text as written and its body after the standard rules. */
        Option<TweetRecord> textRecord(String written, String standardBody) {
            return textRecordOf(written, apply(afterStandardRules, standardBody));
        }

        /** A text frame's record, unless the filters drop its body: entities read from the text as written. */
        private Option<TweetRecord> textRecordOf(String written, String body) {
            if (!keeps(body)) {
                return Option.none();
            }
            return Option.some(new TweetRecord(Option.none(), Option.none(), Option.none(), Option.none(), body,
                    false, Entities.extract(written)));
        }

        String normaliseDecoded(String body) {
            return apply(decodedNormalisers, body);
        }

        boolean keeps(String body) {
            for (Function1<String, Boolean> filter : filters) {
                if (!filter.apply(body)) {
                    return false;
                }
            }
            return true;
        }

        private static String apply(Function1<String, String>[] rules, String text) {
            String out = text;
            for (Function1<String, String> rule : rules) {
                out = rule.apply(out);
            }
            return out;
        }
    }
}
