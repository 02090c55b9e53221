package io.tweetpipe.domain.analysis;

import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.tweetpipe.domain.preprocessing.RecordDecoding;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Seq;
import java.io.Serializable;
import java.util.Objects;

/**
 * The stream job as a value: how what arrives becomes records, and what to compute over them, in the order the
 * results of one batch reach the sinks.
 */
public record StreamJob(Preprocessing preprocessing, Seq<Analysis> analyses) implements Serializable {

    public StreamJob {
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(analyses, "analyses");
        if (analyses.isEmpty()) {
            throw new IllegalArgumentException("a stream job computes at least one analysis");
        }
        if (analyses.count(analysis -> analysis instanceof Analysis.ModelPredictions) > 1) {
            throw new IllegalArgumentException("a record carries one predicted language: give one model");
        }
    }

    /** The tutorial's job: the standard preprocessing, and the first {@code records} of each batch shown. */
    public static StreamJob sampling(int records) {
        return new StreamJob(Preprocessing.standard(), io.vavr.collection.List.of(new Analysis.Sample(records)));
    }

    /** Whether some analysis needs whole records rather than the preprocessed bodies a sample shows. */
    public boolean needsRecords() {
        return analyses.exists(analysis -> !(analysis instanceof Analysis.Sample));
    }

    /** The model whose prediction every record carries, if one was given. */
    public io.vavr.control.Option<Analysis.ModelPredictions> model() {
        return analyses.find(analysis -> analysis instanceof Analysis.ModelPredictions)
                .map(Analysis.ModelPredictions.class::cast);
    }

    /** How a chunk of frames, as the receiver stores it, becomes records (either wire) or a sample's bodies. */
    public RecordDecoding decoding() {
        return new RecordDecoding(preprocessing);
    }

    /** A chunk's records; frames that cannot be read are left out (see {@link RecordDecoding#decode}). */
    public Seq<TweetRecord> records(byte[] chunk) {
        return decoding().apply(chunk);
    }
}
