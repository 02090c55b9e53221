package io.tweetpipe.domain.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.domain.tweet.SampledTweet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BatchTallyTest {

    @Test
    void givenPartitions_mergeInOrder_countsAllAndKeepsTheFirstRecords() {
        BatchTally first = BatchTally.empty(3).addAll(List.of(SampledTweet.text("a"),
                new SampledTweet("b", Option.some("pt"))).iterator());
        BatchTally second = BatchTally.empty(3).addAll(List.of("c", "d", "e").map(SampledTweet::text).iterator());

        Batch batch = first.merge(second).toBatch(Instant.EPOCH);

        assertEquals(new Batch(Instant.EPOCH, 5, List.of("a", "b", "c"),
                List.of(Option.none(), Option.some("pt"), Option.none())), batch);
    }

    @Test
    void givenElevenRecords_batch_printsTenAndSaysThereIsMore() {
        Batch batch = BatchTally.empty(Batch.PRINTED).addAll(List.range(0, 11).map(String::valueOf)
                        .map(SampledTweet::text).iterator())
                .toBatch(Instant.EPOCH);

        assertEquals(List.range(0, 10).map(String::valueOf), batch.printed());
        assertEquals(true, batch.hasMoreThanPrinted());
    }
}
