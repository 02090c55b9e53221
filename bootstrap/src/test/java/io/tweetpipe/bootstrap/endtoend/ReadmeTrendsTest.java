package io.tweetpipe.bootstrap.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.testing.CapturingPipeline;
import io.tweetpipe.bootstrap.testing.CommandLines;
import io.tweetpipe.bootstrap.testing.DaggerCapturingPipeline;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.tweet.Author;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import twitter4j.JSONArray;
import twitter4j.JSONException;
import twitter4j.JSONObject;

/**
 * The README's trends command on the bundled sample ({@code --once --rate 0 --window 10s --slide 10s}): every tweet is
 * relayed within the first window, so that window's ranking must equal the hashtags of the tweets the relay hands on,
 * counted here from the sample file with a JSON library and nothing of the pipeline but the track filter.
 */
class ReadmeTrendsTest {

    private static final String SAMPLE = "/io/tweetpipe/adapters/twitter/replay/sample-tweets.jsonl";

    @Test
    void givenTheBundledSample_trendsCommand_ranksTheHashtagsAsCountedFromTheFile() throws Exception {
        PipelineConfig config = CommandLines.config("demo", "--once", "--rate", "0", "--window", "10s", "--slide",
                "10s", "--top", "100", "--no-dashboard", "--port", String.valueOf(freePort())).get();
        Seq<Count> expected = independentCount(config);
        assertTrue(expected.size() > 5 && expected.size() < 100, "the sample's hashtags fit in one ranking");

        CapturingPipeline pipeline = DaggerCapturingPipeline.factory().create(config);
        SocketRelay socket = pipeline.socketRelay();
        RunningStream running = pipeline.processTweetStream().start().get();
        Ranking first;
        try {
            pipeline.relayTweets().relay(config.filter()).get();
            CapturingBatchSink capture = pipeline.capture();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (rankings(capture).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            first = rankings(capture).head();
        } finally {
            running.stop();
            socket.close();
        }

        assertEquals(expected, first.top());
    }

    private static Seq<Ranking> rankings(CapturingBatchSink capture) {
        return capture.outputs().filter(Ranking.class::isInstance).map(Ranking.class::cast);
    }

    /**
     * Each status the relay hands on, once: well-formed, matched by the filter, not a repeat of an earlier id, and not
     * deleted by a notice that came before it; its hashtags from the entities Twitter gives for its whole text.
     */
    private static Seq<Count> independentCount(PipelineConfig config) throws IOException, JSONException {
        Map<String, Long> counts = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        Set<Long> deleted = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                ReadmeTrendsTest.class.getResourceAsStream(SAMPLE), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JSONObject json;
                try {
                    json = new JSONObject(line);
                } catch (JSONException notJson) {
                    continue;
                }
                if (json.has("delete")) {
                    deleted.add(json.getJSONObject("delete").getJSONObject("status").getLong("id"));
                    continue;
                }
                if (!json.has("id") || !json.has("text")) {
                    continue;
                }
                long id = json.getLong("id");
                Option<String> fullText = json.has("extended_tweet")
                        ? Option.some(json.getJSONObject("extended_tweet").getString("full_text")) : Option.none();
                JSONObject entities = json.has("extended_tweet")
                        ? json.getJSONObject("extended_tweet").getJSONObject("entities") : json.getJSONObject("entities");
                List<String> hashtags = texts(entities.getJSONArray("hashtags"));
                Tweet tweet = new Tweet(new TweetId(id), json.getString("text"), fullText,
                        new Language(json.optString("lang", "und")), Instant.EPOCH, new Author(1, "someone"),
                        new Entities(hashtags, List.empty(), List.empty()));
                if (!config.filter().matches(tweet) || deleted.contains(id) || !seen.add(id)) {
                    continue;
                }
                hashtags.forEach(tag -> counts.merge(tag.toLowerCase(Locale.ROOT), 1L, Long::sum));
            }
        }
        return List.ofAll(counts.entrySet()).map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(Count.RankOrder.INSTANCE);
    }

    private static List<String> texts(JSONArray hashtags) throws JSONException {
        List<String> texts = List.empty();
        for (int i = 0; i < hashtags.length(); i++) {
            texts = texts.append(hashtags.getJSONObject(i).getString("text"));
        }
        return texts;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
