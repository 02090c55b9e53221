package io.tweetpipe.adapters.twitter.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.service.RelayTweetsService;
import io.tweetpipe.application.port.out.FramePublisher;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.tweet.Author;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import twitter4j.JSONObject;

/**
 * A recording stripped of an optional field, one at a time, replayed through the relay: every tweet the tutorial's
 * relay would relay (it reads {@code extended_tweet.full_text}, else {@code text}) is relayed, with that body.
 */
class ReplayToleranceTest {

    private static final TrackFilter COVID = TrackFilter.of(List.of("covid"), List.empty()).get();

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"display_text_range", "entities", "user"})
    void givenRecordingWithoutAnOptionalField_relay_relaysEveryTweetTheTutorialsRelayWould(String field)
            throws Exception {
        java.util.List<String> stripped = new ArrayList<>();
        int removed = 0;
        for (String line : SampleGenerator.lines()) {
            String less = without(line, field);
            removed += less.equals(line) ? 0 : 1;
            stripped.add(less);
        }
        assertTrue(removed > 500, field + " was removed from " + removed + " lines only");
        Path recording = Files.write(directory.resolve("without-" + field + ".jsonl"), stripped,
                StandardCharsets.UTF_8);

        java.util.List<Frame> relayed = new ArrayList<>();
        FramePublisher publisher = frame -> {
            relayed.add(frame);
            return FramePublisher.Delivery.SENT;
        };
        new RelayTweetsService(new ReplayTweetSource(ReplaySettings.of(Option.some(recording), 0, false).get()),
                publisher, rejection -> { }).relay(COVID);

        List<Frame> expected = List.ofAll(stripped).flatMap(ReplayToleranceTest::tutorialRelays)
                .filter(COVID::matches)
                .map(tweet -> Frame.of(tweet.body()).get());
        assertTrue(expected.size() > 900, "the sample should hold about a thousand covid tweets: " + expected.size());
        assertEquals(expected, List.ofAll(relayed));
    }

    /**
     * What the tutorial's relay sends for a line, as a tweet the filter can judge: the full text of an extended tweet,
     * else the text (HTML-unescaped, as tweetpipe relays it); nothing for a line it would fail on.
     */
    private static Option<Tweet> tutorialRelays(String line) {
        JSONObject message;
        try {
            message = new JSONObject(line);
        } catch (RuntimeException notJson) {
            return Option.none();
        }
        JSONObject extended = message.optJSONObject("extended_tweet");
        String body = extended != null ? extended.optString("full_text", null) : message.optString("text", null);
        if (body == null) {
            return Option.none();
        }
        String text = body.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return Option.some(new Tweet(new TweetId(1), text, Option.none(),
                Language.of(message.optString("lang", "und")).getOrElse(Language.UNDETERMINED), Instant.EPOCH,
                Author.UNKNOWN, Entities.NONE));
    }

    /** The line less the field, wherever the sample has it: at the top and in {@code extended_tweet}. */
    private static String without(String line, String field) {
        JSONObject json;
        try {
            json = new JSONObject(line);
        } catch (RuntimeException malformed) {
            return line;
        }
        boolean found = json.remove(field) != null;
        JSONObject extended = json.optJSONObject("extended_tweet");
        if (extended != null) {
            found |= extended.remove(field) != null;
        }
        return found ? json.toString() : line;
    }
}
