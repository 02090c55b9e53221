package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.preprocessing.RecordDecoding;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * A chunk of frames to records, either wire, by the domain's decoding; the nulls that pad a block hold nothing. A
 * structured frame that cannot be read costs its record and one warning line on the executor, nothing else.
 */
final class DecodeRecords implements FlatMapFunction<byte[], TweetRecord> {

    private static final Logger LOG = LogManager.getLogger(DecodeRecords.class);

    private final RecordDecoding decoding;

    DecodeRecords(RecordDecoding decoding) {
        this.decoding = Objects.requireNonNull(decoding, "decoding");
    }

    @Override
    public Iterator<TweetRecord> call(byte[] chunk) {
        if (chunk == null) {
            return Collections.emptyIterator();
        }
        List<TweetRecord> records = new ArrayList<>();
        for (Either<Rejection, TweetRecord> frame : decoding.decode(chunk)) {
            if (frame.isRight()) {
                records.add(frame.get());
            } else {
                LOG.warn("not a record: {}", frame.getLeft());
            }
        }
        return records.iterator();
    }
}
