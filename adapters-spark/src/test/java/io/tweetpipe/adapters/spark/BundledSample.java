package io.tweetpipe.adapters.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.framing.Wire;
import io.tweetpipe.domain.learning.LabelledText;
import io.tweetpipe.domain.tweet.Author;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetId;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The bundled sample (3,000 generated tweets in nine languages, adapters-twitter's resource) as the relay would send
 * it on the structured wire, which carries each tweet's language. This module cannot use the Twitter adapter's
 * mapping, so it reads the few fields the learning analyses need itself (not the entities); the bootstrap's tests read
 * the sample through the real replay source.
 */
final class BundledSample {

    static final Path FILE = Path.of("../adapters-twitter/src/main/resources/io/tweetpipe/adapters/twitter/replay/"
            + "sample-tweets.jsonl");

    private static Seq<Tweet> tweets;

    private BundledSample() {
    }

    /** Every status of the sample, in file order. */
    static synchronized Seq<Tweet> tweets() {
        if (tweets == null) {
            tweets = read();
        }
        return tweets;
    }

    /** The tweets' structured frames, {@code perChunk} to a chunk as a receiver stores them. */
    static Seq<byte[]> chunks(Seq<Tweet> tweets, int perChunk) {
        return Vector.ofAll(tweets.grouped(perChunk)).map(group -> String.join("", group
                .map(tweet -> Frame.of(tweet, Wire.STRUCTURED).get().text())).getBytes(StandardCharsets.UTF_8));
    }

    /** The records the stream job makes of the tweets: what the learning analyses read. */
    static Seq<TweetRecord> records() {
        return chunks(tweets(), 100).flatMap(StreamJob.sampling(1)::records);
    }

    static Seq<LabelledText> labelled() {
        return records().map(record -> new LabelledText(record.body(), record.lang().get()));
    }

    private static Seq<Tweet> read() {
        ObjectMapper json = new ObjectMapper();
        try {
            return Vector.ofAll(Files.readAllLines(FILE, StandardCharsets.UTF_8)).flatMap(line -> {
                JsonNode status;
                try {
                    status = json.readTree(line);
                } catch (IOException malformed) {
                    return Option.none();  // the sample holds two broken lines on purpose
                }
                if (status == null || !status.hasNonNull("text") || !status.hasNonNull("lang")) {
                    return Option.none();  // a notice
                }
                JsonNode full = status.path("extended_tweet").path("full_text");
                JsonNode user = status.get("user");
                return Option.some(new Tweet(new TweetId(status.get("id").asLong()), status.get("text").asText(),
                        full.isTextual() ? Option.some(full.asText()) : Option.none(),
                        new Language(status.get("lang").asText()),
                        Instant.ofEpochMilli(Long.parseLong(status.get("timestamp_ms").asText())),
                        new Author(user.get("id").asLong(), user.get("screen_name").asText()), Entities.NONE));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled sample, read from adapters-twitter's resources", e);
        }
    }
}
