package io.tweetpipe.adapters.web;

import static io.tweetpipe.adapters.web.Outputs.batch;
import static io.tweetpipe.adapters.web.Outputs.count;
import static io.tweetpipe.adapters.web.Outputs.figures;
import static io.tweetpipe.adapters.web.Outputs.second;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.batch.BatchFigures;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DashboardSinkTest {

    private static final Supplier<Seq<PartState>> NO_PARTS = List::empty;

    private static DashboardSink sink(Duration history) {
        return new DashboardSink(Duration.ofSeconds(1), history, NO_PARTS);
    }

    @Test
    void givenMoreBatchesThanTheHistoryHolds_accept_keepsTheHistoryOnly() {
        DashboardSink sink = sink(Duration.ofMinutes(1));

        for (int s = 1; s <= 500; s++) {
            sink.accept(figures(s, 100, 20, 0));
        }

        assertEquals(60, sink.points());
        String state = sink.state();
        assertFalse(state.contains("\"time\":" + second(440).toEpochMilli()), "batch 440 is a minute old");
        assertTrue(state.contains("\"time\":" + second(441).toEpochMilli()), state);
        assertTrue(state.contains("\"time\":" + second(500).toEpochMilli()), state);
    }

    @Test
    void givenBatchesFasterThanTheHistorySays_accept_neverKeepsMoreThanItsPointCap() {
        DashboardSink sink = new DashboardSink(Duration.ofMillis(1), Duration.ofHours(1), NO_PARTS);

        for (int ms = 1; ms <= DashboardSink.MAX_POINTS + 1_000; ms++) {
            sink.accept(new BatchFigures(second(0).plusMillis(ms), 1, Duration.ZERO, Duration.ZERO));
        }

        assertEquals(DashboardSink.MAX_POINTS, sink.points());
    }

    @Test
    void givenManyBatchesOfTweets_accept_keepsTheLastFiveAndTenTweetsOfEach() {
        DashboardSink sink = sink(Duration.ofMinutes(1));

        for (int s = 1; s <= 8; s++) {
            String[] tweets = new String[12];
            for (int i = 0; i < tweets.length; i++) {
                tweets[i] = "tweet " + i + " of batch " + s;
            }
            sink.accept(batch(s, tweets));
        }

        String state = sink.state();
        assertFalse(state.contains("of batch 3\""), state);
        assertTrue(state.contains("\"tweet 9 of batch 4\""), state);
        assertFalse(state.contains("\"tweet 10 of batch 8\""), "only what print() shows: " + state);
        assertTrue(state.contains("\"tweet 9 of batch 8\""), state);
    }

    @Test
    void givenHostileTweet_itsEvent_isOneDataLineWithTheMarkupEscaped() throws InterruptedException {
        DashboardSink sink = sink(Duration.ofMinutes(1));
        Subscription page = sink.subscribe(16).get();

        sink.accept(batch(1, "<img src=x onerror=alert(1)>\nsecond line\u2028\"quoted\""));

        String event = page.next(Duration.ofSeconds(1));
        assertTrue(event.startsWith("event: batch\ndata: {"), event);
        assertTrue(event.endsWith("}\n\n"), event);
        assertEquals(3, event.split("\n", -1).length - 1, "event, data and the blank line: " + event);
        assertTrue(event.contains("\\u003cimg src=x onerror=alert(1)\\u003e\\nsecond line\\u2028\\\"quoted\\\""),
                event);
    }

    @Test
    void givenLongTweet_accept_keepsABoundedPrefix() {
        DashboardSink sink = sink(Duration.ofMinutes(1));

        sink.accept(batch(1, "x".repeat(1_000_000)));

        assertTrue(sink.state().length() < 2 * OutputJson.TWEET_CHARS, "a 1 MB record is cut");
        assertTrue(sink.state().contains("x".repeat(OutputJson.TWEET_CHARS) + "…"));
    }

    @Test
    void givenPageOpenedLate_subscribe_givesSettingsThenHistoryInOrderThenWhatComesNext()
            throws InterruptedException {
        DashboardSink sink = sink(Duration.ofMinutes(1));
        sink.accept(Outputs.batch(1, "first"));
        sink.accept(figures(1, 1, 5, 0));
        sink.accept(figures(2, 0, 3, 0));
        sink.accept(Outputs.ranking(2, Outputs.HASHTAGS, List.of(count("covid", 3)), List.empty()));

        Subscription page = sink.subscribe(16).get();
        sink.accept(figures(3, 0, 4, 1));

        java.util.List<String> kinds = page.snapshot().stream().map(e -> e.substring(7, e.indexOf('\n'))).toList();
        assertEquals(java.util.List.of("hello", "figures", "figures", "batch", "ranking"), kinds);
        assertTrue(page.snapshot().get(0).contains("\"batchIntervalMs\":1000,\"historyMs\":60000,\"maxPoints\":61"),
                page.snapshot().get(0));
        assertTrue(page.snapshot().get(1).contains("\"time\":" + second(1).toEpochMilli()));
        String next = page.next(Duration.ofSeconds(1));
        assertTrue(next.startsWith("event: figures") && next.contains("\"time\":" + second(3).toEpochMilli()), next);
    }

    @Test
    void givenRankingAfterAnother_event_carriesTheChangeOrNullForANewKey() {
        DashboardSink sink = sink(Duration.ofMinutes(1));

        sink.accept(Outputs.ranking(4, Outputs.HASHTAGS, List.of(count("covid", 9), count("vaccine", 4),
                count("masks", 2)), List.of(count("covid", 5), count("masks", 6))));

        String state = sink.state();
        assertTrue(state.contains("{\"key\":\"covid\",\"count\":9,\"change\":4}"), state);
        assertTrue(state.contains("{\"key\":\"vaccine\",\"count\":4,\"change\":null}"), state);
        assertTrue(state.contains("{\"key\":\"masks\",\"count\":2,\"change\":-4}"), state);
        assertTrue(state.contains("\"subject\":\"hashtags\""), state);
        assertTrue(state.contains("\"windowMs\":10000,\"slideMs\":2000"), state);
    }

    @Test
    void givenResultsOfEachAnalysis_state_keepsTheLatestOfEach() {
        DashboardSink sink = sink(Duration.ofMinutes(1));

        sink.accept(Outputs.ranking(2, Outputs.HASHTAGS, List.of(count("old", 1)), List.empty()));
        sink.accept(Outputs.ranking(2, Outputs.WORDS, List.of(count("word", 1)), List.empty()));
        sink.accept(Outputs.ranking(4, Outputs.HASHTAGS, List.of(count("new", 1)), List.empty()));
        sink.accept(Outputs.totals(4, 12, 30, count("covid", 40)));
        sink.accept(Outputs.languages(4, List.of(List.of("en", "10"), List.of("es", null))));

        String state = sink.state();
        assertFalse(state.contains("\"old\""), state);
        assertTrue(state.contains("\"new\"") && state.contains("\"word\""), state);
        assertTrue(state.contains("\"distinctHashtags\":12,\"distinctAuthors\":30"), state);
        assertTrue(state.contains("\"columns\":[\"lang\",\"tweets\"],\"rows\":[[\"en\",\"10\"],[\"es\",null]]"), state);
    }

    @Test
    void givenResultOfAKindItDoesNotKnow_accept_showsItAsText() {
        DashboardSink sink = sink(Duration.ofMinutes(1));

        sink.accept(new Outputs.Accuracy(second(5), 0.875));

        String state = sink.state();
        assertTrue(state.contains("\"kind\":\"other\",\"type\":\"Accuracy\""), state);
        assertTrue(state.contains("accuracy=0.875"), state);
    }

    @Test
    void givenManyKindsOfResults_accept_keepsABoundedNumber() {
        DashboardSink sink = sink(Duration.ofMinutes(1));

        for (int i = 0; i < 200; i++) {
            sink.accept(new io.tweetpipe.domain.batch.QueryRows(second(i), new io.tweetpipe.domain.analysis.Analysis
                    .Sql("SELECT " + i + " FROM tweets", io.vavr.control.Option.none()), List.of("n"),
                    List.empty(), false));
        }

        assertEquals(DashboardSink.MAX_RESULTS, sink.state().split("\"kind\":\"query\"", -1).length - 1);
        assertTrue(sink.state().contains("SELECT 199 FROM"));
    }

    @Test
    void givenParts_figures_carryTheirStateAndTheReceiversTotals() {
        AtomicLong relayed = new AtomicLong();
        DashboardSink sink = new DashboardSink(Duration.ofSeconds(1), Duration.ofMinutes(1),
                () -> List.of(new PartState("relay", "1 reader connected",
                        List.of(PartState.Gauge.count("relayed", relayed.addAndGet(100)),
                                PartState.Gauge.level("backlog", 0)))));

        sink.accept(figures(1, 90, 5, 0));
        sink.accept(figures(2, 110, 5, 0));

        String state = sink.state();
        assertTrue(state.contains("{\"name\":\"relay\",\"status\":\"1 reader connected\",\"gauges\":["
                + "{\"name\":\"relayed\",\"value\":200,\"cumulative\":true},"
                + "{\"name\":\"backlog\",\"value\":0,\"cumulative\":false}]}"), state);
        assertTrue(state.contains("{\"name\":\"receiver\",\"status\":\"receiving\",\"gauges\":["
                + "{\"name\":\"received\",\"value\":200,\"cumulative\":true}"), state);
    }

    @Test
    void givenPartsThatFail_figures_sayTheyAreUnavailableAndStillArrive() {
        DashboardSink sink = new DashboardSink(Duration.ofSeconds(1), Duration.ofMinutes(1), () -> {
            throw new IllegalStateException("relay closed");
        });

        sink.accept(figures(1, 90, 5, 0));

        assertEquals(1, sink.points());
        assertTrue(sink.state().contains("unavailable: java.lang.IllegalStateException: relay closed"));
    }

    @Test
    void givenPageThatStopsReading_accept_cutsItOffWithoutWaiting() throws InterruptedException {
        DashboardSink sink = sink(Duration.ofMinutes(1));
        Subscription page = sink.subscribe(3).get();

        for (int s = 1; s <= 10; s++) {
            sink.accept(figures(s, 1, 1, 0));  // returns at once: the test would hang otherwise
        }

        assertEquals(0, sink.pages());
        assertNull(page.next(Duration.ofMillis(10)), "a page cut off ends, to reconnect and start again");
    }

    @Test
    void givenClose_pages_endAfterWhatIsQueuedAndNoneSubscribes() throws InterruptedException {
        DashboardSink sink = sink(Duration.ofMinutes(1));
        Subscription page = sink.subscribe(8).get();
        sink.accept(figures(1, 1, 1, 0));

        sink.close();

        assertTrue(page.next(Duration.ofSeconds(1)).startsWith("event: figures"));
        assertNull(page.next(Duration.ofSeconds(1)));
        assertTrue(sink.subscribe(8).isEmpty());
    }

    @Test
    void givenQuietStream_next_returnsEmptyForAKeepAlive() throws InterruptedException {
        DashboardSink sink = sink(Duration.ofMinutes(1));

        assertEquals("", sink.subscribe(8).get().next(Duration.ofMillis(10)));
    }
}
