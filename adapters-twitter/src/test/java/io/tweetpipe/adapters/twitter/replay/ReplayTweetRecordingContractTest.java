package io.tweetpipe.adapters.twitter.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.adapters.twitter.v1.V1JsonLines;
import io.tweetpipe.application.contract.TweetRecordingContract;
import io.tweetpipe.application.port.out.TweetRecording;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording port's contract against a replay of the contract's tweets written as v1.1 JSON lines, and the bundled
 * sample read whole: every status, unfiltered, unpaced, even from a source set to loop and to pace.
 */
class ReplayTweetRecordingContractTest extends TweetRecordingContract {

    @TempDir
    Path directory;

    @Override
    protected TweetRecording recordingOf(Seq<Tweet> tweets) throws Exception {
        Path file = Files.createTempFile(directory, "recording", ".jsonl");
        Files.write(file, tweets.map(V1JsonLines::status), StandardCharsets.UTF_8);
        return new ReplayTweetSource(ReplaySettings.of(Option.some(file), 1, true).get());
    }

    @Test
    void givenTheBundledSample_read_handsOnEveryStatusOnceInNineLanguages() throws Exception {
        java.util.List<Tweet> read = new ArrayList<>();

        long count = new ReplayTweetSource(ReplaySettings.bundledSample(10, true).get()).read(read::add).get();

        assertEquals(SampleGenerator.STATUSES, count);
        assertEquals(SampleGenerator.STATUSES, read.size());
        assertEquals(9, List.ofAll(read).map(tweet -> tweet.language().code()).distinct().size());
    }
}
