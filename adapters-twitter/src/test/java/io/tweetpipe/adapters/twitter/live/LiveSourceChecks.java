package io.tweetpipe.adapters.twitter.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.twitter.replay.ReplaySettings;
import io.tweetpipe.adapters.twitter.replay.ReplayTweetSource;
import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/** Checks that the v1.1 and the X source pass alike, each against its own local endpoint. */
final class LiveSourceChecks {

    private LiveSourceChecks() {
    }

    /**
     * The endpoint sends tweets 1 to 12 (each as {@code update} writes it) and drops, then 10 to 30 on the next
     * connection: all 30 are handed on once, the three repeated are counted, and the second connection opens at once.
     */
    static void assertReconnectedAtOnceWithNothingLostOrDuplicated(LocalEndpoint<?> endpoint,
            LongFunction<String> update, TweetSource source, TrackFilter filter, Supplier<LiveFigures> figures,
            TwitterStreamSourceTest.RecordingSleeper sleeper) throws Exception {
        endpoint.then(new LocalEndpoint.Stream(List.rangeClosed(1L, 12L).map(update::apply), LocalEndpoint.Ending.DROP),
                new LocalEndpoint.Stream(List.rangeClosed(10L, 30L).map(update::apply), LocalEndpoint.Ending.HOLD));
        try (SourceRun run = SourceRun.start(source, filter)) {
            assertTrue(run.awaitUntil(r -> r.ids().contains(30L)));
            run.stop();
            assertEquals(List.rangeClosed(1L, 30L), run.ids());
        }
        assertEquals(java.util.List.of(Duration.ZERO), sleeper.waits);
        assertEquals(3, figures.get().duplicates());
        assertEquals(2, figures.get().connections());
    }

    /**
     * Streams live until the last of {@code statuses} is handed on, then replays the recording the source wrote: it
     * holds the lines the endpoint sent, unchanged, and gives the same messages as the live run.
     */
    static void assertReplayGivesTheLiveMessages(TweetSource source, TrackFilter filter, List<Long> statuses,
            Path recording, Supplier<java.util.List<String>> sent) throws Exception {
        List<StreamMessage> live;
        try (SourceRun run = SourceRun.start(source, filter)) {
            assertTrue(run.awaitUntil(r -> r.ids().contains(statuses.last())));
            run.stop();
            live = run.messages();
        }
        java.util.List<StreamMessage> replayed = new ArrayList<>();
        new ReplayTweetSource(ReplaySettings.of(Option.some(recording), 0, false).get())
                .stream(filter, replayed::add);

        assertEquals(Files.readAllLines(recording, StandardCharsets.UTF_8), sent.get()); // raw, unchanged
        assertEquals(statuses, List.ofAll(live).filter(StreamMessage.Status.class::isInstance)
                .map(m -> ((StreamMessage.Status) m).tweet().id().value()));
        assertEquals(comparable(live), comparable(List.ofAll(replayed)));
    }

    /** Malformed messages say where they came from, which differs between live and replay; the rest must match. */
    private static List<Object> comparable(List<StreamMessage> messages) {
        return messages.map(m -> m instanceof StreamMessage.Malformed malformed
                ? "malformed: " + malformed.rejection().reason()
                : m);
    }
}
