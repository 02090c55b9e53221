package io.tweetpipe.domain.learning;

import io.tweetpipe.domain.features.FeatureVector;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.Function1;
import io.vavr.control.Option;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Objects;

/**
 * Test-then-train (prequential) evaluation of one batch, or of one partition of it: each record with a language is
 * first predicted by the model learnt from the batches before it and judged against its language, then counted for
 * the model of the next batch. No tweet is ever judged by a model that has seen it, so the accuracy is what the
 * stream would have got, tweet after tweet. Records with no language are neither judged nor learnt from; before the
 * first label is learnt nothing is predicted, so the first labelled batch is learnt from without being judged.
 *
 * @param judged the predictions judged against the records' languages
 * @param unjudged labelled records learnt from without a prediction to judge (the model knew no label yet)
 * @param unlabelled records with no language
 * @param learnt the counts this batch adds to the model
 */
public record Prequential(Accuracy judged, long unjudged, long unlabelled, NaiveBayesCounts learnt)
        implements Serializable {

    public Prequential {
        Objects.requireNonNull(judged, "judged");
        Objects.requireNonNull(learnt, "learnt");
    }

    /** Nothing judged or learnt yet: the start of a stream, or of a batch's partitions. */
    public static Prequential none(int dimension) {
        return new Prequential(Accuracy.NONE, 0, 0, NaiveBayesCounts.empty(dimension));
    }

    public static Prequential of(NaiveBayesModel before, Iterator<TweetRecord> records,
                                 Function1<TweetRecord, FeatureVector> features, int dimension) {
        NaiveBayesCounts.Tally tally = NaiveBayesCounts.tally(dimension);
        long right = 0;
        long judged = 0;
        long unjudged = 0;
        long unlabelled = 0;
        while (records.hasNext()) {
            TweetRecord record = records.next();
            if (record.lang().isEmpty()) {
                unlabelled++;
                continue;
            }
            FeatureVector vector = features.apply(record);
            Option<String> predicted = before.predict(vector);
            if (predicted.isDefined()) {
                judged++;
                right += predicted.get().equals(record.lang().get()) ? 1 : 0;
            } else {
                unjudged++;
            }
            tally.add(record.lang().get(), vector);
        }
        return new Prequential(new Accuracy(right, judged), unjudged, unlabelled, tally.counts());
    }

    public Prequential merge(Prequential other) {
        return new Prequential(judged.plus(other.judged), unjudged + other.unjudged, unlabelled + other.unlabelled,
                learnt.plus(other.learnt));
    }
}
