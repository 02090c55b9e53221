package io.tweetpipe.adapters.web;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.QueryRows;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.batch.Totals;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the dashboard knows: every output of the stream, encoded once as it arrives and handed to each live page, with
 * the recent past kept for a page opened late. Memory is bounded: batch figures for the history's length (and never
 * more than {@link #MAX_POINTS}), the last {@link #TWEET_BATCHES} batches that held tweets, and the latest result of
 * each analysis.
 *
 * <p>{@link #accept} never blocks the stream: a page whose queue is full is cut off, and its browser reconnects and
 * starts again from the history.
 */
public final class DashboardSink implements BatchSink {

    /** An hour of 100 ms batches: about 10 MB of figures at most. */
    static final int MAX_POINTS = 36_000;
    static final int TWEET_BATCHES = 5;
    /** Latest results kept, one per analysis (a run has a handful; unknown kinds could be many). */
    static final int MAX_RESULTS = 64;

    private final Duration batchInterval;
    private final Duration history;
    private final Supplier<Seq<PartState>> parts;
    private final int maxPoints;
    private final String hello;

    // Guarded by this: the outputs arrive on the driver's thread, pages subscribe on the server's.
    private final Deque<Event> figures = new ArrayDeque<>();
    private final Deque<Event> batches = new ArrayDeque<>();
    private final Map<String, Event> results = new LinkedHashMap<>(16, 0.75f, false);
    private final java.util.List<Subscription> live = new ArrayList<>();
    private final ReceiverTotals receiver = new ReceiverTotals();
    private boolean closed;

    /**
     * @param batchInterval the stream's, drawn as the line processing must stay under
     * @param history how far back a page opened late is shown
     * @param parts the relay's and other parts' state, asked once a batch on the driver's thread: it must be quick
     */
    public DashboardSink(Duration batchInterval, Duration history, Supplier<Seq<PartState>> parts) {
        this.batchInterval = Objects.requireNonNull(batchInterval, "batchInterval");
        this.history = Objects.requireNonNull(history, "history");
        this.parts = Objects.requireNonNull(parts, "parts");
        if (batchInterval.toMillis() < 1 || history.compareTo(batchInterval) < 0) {
            throw new IllegalArgumentException("batches of " + batchInterval + ", history of " + history);
        }
        this.maxPoints = (int) Math.min(MAX_POINTS, history.toMillis() / batchInterval.toMillis() + 1);
        this.hello = frame(new Event("hello", Instant.EPOCH, OutputJson.hello(batchInterval.toMillis(),
                history.toMillis(), maxPoints, TWEET_BATCHES * OutputJson.TWEETS_PER_BATCH)));
    }

    @Override
    public synchronized void accept(StreamOutput output) {
        Objects.requireNonNull(output, "output");
        Event event;
        if (output instanceof BatchFigures batchFigures) {
            receiver.add(batchFigures);
            event = new Event("figures", output.time(),
                    OutputJson.figures(batchFigures, partsNow().append(receiver.state())));
            figures.addLast(event);
            forget(output.time());
        } else if (output instanceof Batch batch) {
            if (batch.head().isEmpty()) {
                return;  // the figures say how many records it had; an empty sample shows nothing new
            }
            event = new Event("batch", output.time(), OutputJson.batch(batch));
            batches.addLast(event);
            while (batches.size() > TWEET_BATCHES) {
                batches.removeFirst();
            }
        } else if (output instanceof Ranking ranking) {
            event = latest("ranking " + ranking.trending().name() + " " + ranking.trending().window(),
                    new Event("ranking", output.time(), OutputJson.ranking(ranking)));
        } else if (output instanceof Totals totals) {
            event = latest("totals", new Event("totals", output.time(), OutputJson.totals(totals)));
        } else if (output instanceof QueryRows rows) {
            event = latest("query " + rows.sql().query() + " " + rows.sql().window(),
                    new Event("query", output.time(), OutputJson.query(rows)));
        } else {
            event = latest("other " + output.getClass().getName(),
                    new Event("other", output.time(), OutputJson.other(output)));
        }
        String framed = frame(event);
        live.removeIf(page -> !page.offer(framed));
    }

    /**
     * A new live page: what it must show first (the settings, then the history, oldest first), and a queue of what
     * comes next, taken together so that nothing is missed or shown twice. Empty once the dashboard is closed.
     */
    synchronized io.vavr.control.Option<Subscription> subscribe(int queueCapacity) {
        if (closed) {
            return io.vavr.control.Option.none();
        }
        java.util.List<String> snapshot = new ArrayList<>(figures.size() + batches.size() + results.size() + 1);
        snapshot.add(hello);
        figures.forEach(event -> snapshot.add(frame(event)));
        batches.forEach(event -> snapshot.add(frame(event)));
        results.values().forEach(event -> snapshot.add(frame(event)));
        Subscription page = new Subscription(snapshot, queueCapacity, this::unsubscribe);
        live.add(page);
        return io.vavr.control.Option.some(page);
    }

    private synchronized void unsubscribe(Subscription page) {
        live.remove(page);
    }

    /** Pages being served live now. */
    synchronized int pages() {
        return live.size();
    }

    /** Ends every live page; later subscriptions are refused. */
    synchronized void close() {
        closed = true;
        live.forEach(Subscription::end);
        live.clear();
    }

    /** Everything kept, as one JSON object: what {@code /api/state} serves. */
    public synchronized String state() {
        Json json = new Json().object().field("batchIntervalMs", batchInterval.toMillis())
                .field("historyMs", history.toMillis()).field("maxPoints", maxPoints);
        json.name("figures").array();
        figures.forEach(event -> json.raw(event.json()));
        json.endArray().name("batches").array();
        batches.forEach(event -> json.raw(event.json()));
        json.endArray().name("results").array();
        results.values().forEach(event -> json.raw(event.json()));
        return json.endArray().endObject().toString();
    }

    /** The figures kept: the last {@code history} of batch times, at most {@code maxPoints}. */
    synchronized int points() {
        return figures.size();
    }

    synchronized int maxPoints() {
        return maxPoints;
    }

    private Event latest(String key, Event event) {
        results.remove(key);  // re-inserted last: the map's order is the order results last came
        results.put(key, event);
        Iterator<Event> oldest = results.values().iterator();
        while (results.size() > MAX_RESULTS) {
            oldest.next();
            oldest.remove();
        }
        return event;
    }

    private void forget(Instant now) {
        Instant horizon = now.minus(history);
        while (!figures.isEmpty() && (figures.size() > maxPoints || !figures.peekFirst().time().isAfter(horizon))) {
            figures.removeFirst();
        }
    }

    private Seq<PartState> partsNow() {
        try {
            return parts.get();
        } catch (RuntimeException e) {
            return List.of(new PartState("parts", "unavailable: " + e, List.empty()));
        }
    }

    /** One Server-Sent Event: JSON holds no raw line break (see {@link Json}), so its data is one line. */
    static String frame(Event event) {
        return "event: " + event.kind() + "\ndata: " + event.json() + "\n\n";
    }

    /** An output encoded once, with the time it belongs to. */
    record Event(String kind, Instant time, String json) {
    }

    /** The receiver as the batches show it: what it stored for each batch. */
    private static final class ReceiverTotals {
        private long received;
        private long last;

        void add(BatchFigures batch) {
            received += batch.records();
            last = batch.records();
        }

        PartState state() {
            return new PartState("receiver", last > 0 ? "receiving" : "no records in the last batch",
                    List.of(PartState.Gauge.count("received", received), PartState.Gauge.level("last batch", last)));
        }
    }
}
