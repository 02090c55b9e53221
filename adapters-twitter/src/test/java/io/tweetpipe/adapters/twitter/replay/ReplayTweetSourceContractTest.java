package io.tweetpipe.adapters.twitter.replay;

import io.tweetpipe.adapters.twitter.v1.V1JsonLines;
import io.tweetpipe.application.contract.TweetSourceContract;
import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The port's contract, against a replay of the contract's tweets written as Twitter's v1.1 JSON lines. */
class ReplayTweetSourceContractTest extends TweetSourceContract {

    @TempDir
    Path directory;

    @Override
    protected TweetSource sourceOf(Seq<Tweet> tweets) throws Exception {
        Path file = Files.createTempFile(directory, "recording", ".jsonl");
        Files.write(file, tweets.map(V1JsonLines::status), StandardCharsets.UTF_8);
        return new ReplayTweetSource(ReplaySettings.of(Option.some(file), ReplaySettings.AS_FAST_AS_POSSIBLE, false)
                .get());
    }
}
