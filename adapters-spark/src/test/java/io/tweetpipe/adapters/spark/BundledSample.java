package io.tweetpipe.adapters.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.learning.LabelledText;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled sample (3,000 generated tweets in nine languages, adapters-twitter's resource) as the records the
 * structured wire will give the stream job: body framed and preprocessed, language, id. This module cannot use the
 * Twitter adapter's mapping, so it reads the few fields it needs itself; the bootstrap's tests read the sample through
 * the real replay source.
 */
final class BundledSample {

    static final Path FILE = Path.of("../adapters-twitter/src/main/resources/io/tweetpipe/adapters/twitter/replay/"
            + "sample-tweets.jsonl");

    private static Seq<TweetRecord> records;

    private BundledSample() {
    }

    /** Every status of the sample, in file order. */
    static synchronized Seq<TweetRecord> records() {
        if (records == null) {
            records = read();
        }
        return records;
    }

    static Seq<LabelledText> labelled() {
        return records().map(record -> new LabelledText(record.body(), record.lang().get()));
    }

    private static Seq<TweetRecord> read() {
        ObjectMapper json = new ObjectMapper();
        Preprocessing preprocessing = Preprocessing.standard();
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
                boolean extended = status.path("extended_tweet").hasNonNull("full_text");
                String text = extended ? status.path("extended_tweet").get("full_text").asText()
                        : status.get("text").asText();
                return Frame.of(text).toOption().flatMap(frame -> preprocessing.apply(frame.text()).headOption())
                        .map(body -> new TweetRecord(Option.some(status.get("id").asLong()), Option.none(),
                                Option.some(status.get("lang").asText()), Option.none(), body, extended,
                                Entities.NONE));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled sample, read from adapters-twitter's resources", e);
        }
    }
}
