package io.tweetpipe.adapters.twitter.live;

import static io.tweetpipe.adapters.twitter.live.LocalStreamingEndpoint.Ending.DROP;
import static io.tweetpipe.adapters.twitter.live.LocalStreamingEndpoint.Ending.HOLD;
import static io.tweetpipe.adapters.twitter.live.LocalStreamingEndpoint.answer;
import static io.tweetpipe.adapters.twitter.live.LocalStreamingEndpoint.streaming;
import static io.tweetpipe.application.contract.Tweets.tweet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.twitter.v1.V1JsonLines;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every log line, ours and twitter4j's, at every level, through a whole life of the source (connections, drops,
 * HTTP errors, notices, a 401), and no secret in any of them.
 */
class SecretsStayOutOfLogsTest {

    private final java.util.List<String> lines = new CopyOnWriteArrayList<>();
    private final java.util.List<String> loggers = new CopyOnWriteArrayList<>();
    // Strong references: java.util.logging forgets a logger's level when the logger is collected.
    private final Logger ours = Logger.getLogger("io.tweetpipe");
    private final Logger twitter4j = Logger.getLogger("twitter4j");
    private final Logger root = Logger.getLogger("");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringWriter text = new StringWriter();
            text.append(record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(String.valueOf(parameter));
                }
            }
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            lines.add(text.toString());
            loggers.add(record.getLoggerName());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level oursBefore;
    private Level twitter4jBefore;
    private LocalStreamingEndpoint endpoint;

    @BeforeEach
    void captureEverything() throws Exception {
        oursBefore = ours.getLevel();
        twitter4jBefore = twitter4j.getLevel();
        ours.setLevel(Level.ALL);
        twitter4j.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        endpoint = LocalStreamingEndpoint.start();
    }

    @AfterEach
    void restore() {
        root.removeHandler(capture);
        ours.setLevel(oursBefore);
        twitter4j.setLevel(twitter4jBefore);
        endpoint.close();
    }

    @Test
    void givenAWholeLifeOfTheSource_logs_neverShowACredential() throws Exception {
        endpoint.then(streaming(DROP, V1JsonLines.status(tweet(1, "covid", "en")), V1JsonLines.stallWarning(90),
                        V1JsonLines.disconnect(4, "x", "duplicate stream")),
                answer(503, "Service Unavailable"),
                new LocalStreamingEndpoint.Hangup(),
                streaming(HOLD, V1JsonLines.status(tweet(2, "covid", "en")), "{\"not\": \"known\"}", "{broken"));
        TwitterStreamSourceTest.RecordingSleeper sleeper = new TwitterStreamSourceTest.RecordingSleeper();
        try (SourceRun run = SourceRun.start(new TwitterStreamSource(TwitterStreamSourceTest.settings(endpoint),
                sleeper), TwitterStreamSourceTest.COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.messages().size() >= 6));
        }
        endpoint.then(answer(401, "Unauthorized"));
        Either<Rejection, Long> refused;
        try (SourceRun run = SourceRun.start(new TwitterStreamSource(TwitterStreamSourceTest.settings(endpoint),
                sleeper), TwitterStreamSourceTest.COVID_EN)) {
            refused = run.awaitResult();
        }

        // The capture works and saw both kinds of line, so an empty result below means something.
        assertTrue(loggers.stream().anyMatch(name -> name.startsWith("io.tweetpipe.adapters.twitter.live")), loggers.toString());
        assertTrue(loggers.stream().anyMatch(name -> name.startsWith("twitter4j.")), loggers.toString());
        assertTrue(lines.stream().anyMatch(line -> line.contains("HTTP 503")));
        assertTrue(lines.stream().anyMatch(line -> line.contains("stall warning")));
        List<String> secrets = TwitterStreamSourceTest.CREDENTIALS.secrets().toList();
        List<String> leaks = List.ofAll(lines).filter(line -> secrets.exists(line::contains));
        assertEquals(List.empty(), leaks);
        assertTrue(refused.isLeft());
        assertTrue(secrets.forAll(secret -> !refused.getLeft().toString().contains(secret)));
        String shown = TwitterStreamSourceTest.settings(endpoint).toString();
        assertTrue(secrets.forAll(secret -> !shown.contains(secret)), shown);
    }
}
