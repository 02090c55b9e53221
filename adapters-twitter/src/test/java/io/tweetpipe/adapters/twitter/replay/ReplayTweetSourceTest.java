package io.tweetpipe.adapters.twitter.replay;

import static io.tweetpipe.application.contract.Tweets.tweet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.twitter.v1.V1JsonLines;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTweetSourceTest {

    private static final TrackFilter COVID_EN = TrackFilter.of(List.of("covid"), List.of("en")).get();
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path directory;

    @Test
    void givenNoticesAndBrokenLines_stream_handsEachOnInOrderAndGoesOn() throws Exception {
        Path file = file(
                V1JsonLines.status(tweet(1, "covid one", "en")),
                "{\"id\": 2, \"text\": \"cut short",
                V1JsonLines.deletion(1, 1001, AT),
                V1JsonLines.status(tweet(3, "nothing here", "en")),
                V1JsonLines.limit(17, AT),
                "",
                "{\"scrub_geo\":{\"user_id\":1,\"up_to_status_id\":2}}",
                V1JsonLines.stallWarning(80),
                V1JsonLines.status(tweet(4, "covid four", "en")));
        java.util.List<StreamMessage> seen = new ArrayList<>();

        Either<Rejection, Long> result = source(file, 0, false).stream(COVID_EN, seen::add);

        assertEquals(Either.right(7L), result);
        assertEquals(List.of("Status", "Malformed", "Deletion", "Limit", "Notice", "Notice", "Status"),
                List.ofAll(seen).map(m -> m.getClass().getSimpleName()));
        StreamMessage.Malformed malformed = (StreamMessage.Malformed) seen.get(1);
        assertEquals("line 2 of " + file, malformed.rejection().subject());
        assertEquals(StreamMessage.Notice.Kind.UNKNOWN, ((StreamMessage.Notice) seen.get(4)).kind());
        assertEquals(StreamMessage.Notice.Kind.STALL_WARNING, ((StreamMessage.Notice) seen.get(5)).kind());
    }

    @Test
    void givenAFileReplayedOnce_position_saysHowMuchOfItWasRead() throws Exception {
        Path file = file(V1JsonLines.status(tweet(1, "covid one", "en")), V1JsonLines.status(tweet(2, "covid", "en")));
        ReplayTweetSource source = source(file, 0, false);
        assertEquals(new ReplayPosition(0, 0, Option.none(), false), source.position());
        java.util.List<ReplayPosition> during = new ArrayList<>();

        source.stream(COVID_EN, message -> during.add(source.position()));

        long size = Files.size(file);
        assertEquals(new ReplayPosition(1, size, Option.some(size), false), source.position());
        assertEquals(Option.some(1.0), source.position().fraction());
        assertTrue(during.stream().allMatch(p -> p.pass() == 1 && p.bytesTotal().contains(size)), during::toString);
        ReplayTweetSource sample = new ReplayTweetSource(ReplaySettings.bundledSample(0, false).get());
        sample.stream(COVID_EN, message -> { });
        assertEquals(Option.none(), sample.position().fraction());
        assertTrue(sample.position().bytesRead() > 1_000_000, sample.position().toString());
    }

    @Test
    void givenBundledSample_stream_deliversMatchingTweetsAndCountsTheRestWithoutFailing() throws Exception {
        java.util.List<StreamMessage> seen = new ArrayList<>();

        Either<Rejection, Long> result = new ReplayTweetSource(ReplaySettings.bundledSample(0, false).get())
                .stream(COVID_EN, seen::add);

        assertEquals(Either.right((long) seen.size()), result);
        List<StreamMessage> all = List.ofAll(seen);
        assertTrue(all.count(StreamMessage.Status.class::isInstance) > 300);
        assertTrue(all.filter(StreamMessage.Status.class::isInstance)
                .forAll(m -> COVID_EN.matches(((StreamMessage.Status) m).tweet())));
        assertEquals(SampleGenerator.MALFORMED, all.count(StreamMessage.Malformed.class::isInstance));
        assertEquals(SampleGenerator.DELETIONS, all.count(StreamMessage.Deletion.class::isInstance));
        assertEquals(SampleGenerator.LIMITS, all.count(StreamMessage.Limit.class::isInstance));
        assertEquals(SampleGenerator.STALL_WARNINGS + SampleGenerator.UNKNOWN,
                all.count(StreamMessage.Notice.class::isInstance));
    }

    @Test
    void givenLoop_stream_startsAgainFromTheFirstLineUntilInterrupted() throws Exception {
        Path file = file(V1JsonLines.status(tweet(1, "covid a", "en")), V1JsonLines.status(tweet(2, "covid b", "en")),
                V1JsonLines.status(tweet(3, "covid c", "en")));
        java.util.List<Long> ids = new ArrayList<>();

        assertThrows(InterruptedException.class, () -> source(file, 0, true).stream(COVID_EN, message -> {
            ids.add(((StreamMessage.Status) message).tweet().id().value());
            if (ids.size() == 8) {
                Thread.currentThread().interrupt();
            }
        }));

        assertEquals(java.util.List.of(1L, 2L, 3L, 1L, 2L, 3L, 1L, 2L), ids);
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void givenLoopOverNothingThatMatches_stream_waitsBetweenPassesInsteadOfSpinning() throws Exception {
        Path file = file(V1JsonLines.status(tweet(1, "nothing", "en")));
        PacerTest.ManualTicker ticker = new PacerTest.ManualTicker() {
            @Override
            public void sleepNanos(long nanos) {
                super.sleepNanos(nanos);
                if (sleeps.size() == 3) {
                    Thread.currentThread().interrupt();
                }
            }
        };

        assertThrows(InterruptedException.class, () -> new ReplayTweetSource(
                ReplaySettings.of(Option.some(file), 0, true).get(), ticker).stream(COVID_EN, message -> { }));

        assertEquals(java.util.List.of(ReplayTweetSource.EMPTY_PASS_PAUSE_NANOS,
                ReplayTweetSource.EMPTY_PASS_PAUSE_NANOS, ReplayTweetSource.EMPTY_PASS_PAUSE_NANOS), ticker.sleeps);
    }

    @Test
    void givenRate_stream_pacesOnlyMatchingTweetsOnTheClock() throws Exception {
        java.util.List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            lines.add(V1JsonLines.status(tweet(i, "covid " + i, "en")));
            lines.add(V1JsonLines.status(tweet(100 + i, "covid but Spanish", "es")));
            lines.add(V1JsonLines.limit(i, AT));
        }
        PacerTest.ManualTicker ticker = new PacerTest.ManualTicker();
        java.util.List<StreamMessage> seen = new ArrayList<>();

        Either<Rejection, Long> result = new ReplayTweetSource(
                ReplaySettings.of(Option.some(file(lines.toArray(String[]::new))), 50, false).get(), ticker)
                .stream(COVID_EN, seen::add);

        assertEquals(Either.right(20L), result);
        assertEquals(10, seen.stream().filter(StreamMessage.Status.class::isInstance).count());
        // Ten tweets at 50/s: the first at once, then nine waits of 20 ms.
        assertEquals(java.util.Collections.nCopies(9, TimeUnit.MILLISECONDS.toNanos(20)), ticker.sleeps);
    }

    @Test
    void givenRealClockAndRate_stream_deliversEveryTweet() throws Exception {
        String[] lines = new String[20];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = V1JsonLines.status(tweet(i + 1, "covid " + i, "en"));
        }
        java.util.List<StreamMessage> seen = new CopyOnWriteArrayList<>();

        Either<Rejection, Long> result = source(file(lines), 200, false).stream(COVID_EN, seen::add);

        assertEquals(Either.right(20L), result);
        assertEquals(20, seen.size());
    }

    @Test
    void givenSlowRate_interrupt_stopsTheReplayWhileItWaits() throws Exception {
        Path file = file(V1JsonLines.status(tweet(1, "covid a", "en")), V1JsonLines.status(tweet(2, "covid b", "en")));
        CountDownLatch first = new CountDownLatch(1);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                source(file, 0.01, true).stream(COVID_EN, message -> first.countDown());
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        runner.start();
        assertTrue(first.await(10, TimeUnit.SECONDS));

        runner.interrupt(); // once, as the product stops a source: it may be parsing the next line or waiting ~100 s
        runner.join(10_000); // as long as the product waits

        assertFalse(runner.isAlive(), () -> "still running at:\n  " + java.util.Arrays.stream(runner.getStackTrace())
                .map(String::valueOf).collect(java.util.stream.Collectors.joining("\n  ")));
        assertInstanceOf(InterruptedException.class, ended.get());
    }

    /**
     * The stop arrives after the loop last looked for one, while the next line is read and parsed: twitter4j clears a
     * pending interrupt while it reads a status (see V1MessagesTest), so a replay that parsed on the thread it is
     * stopped through went on to wait for the next turn as if never stopped.
     */
    @Test
    void givenInterruptWhileTheNextLineIsReadAndParsed_stream_stopsBeforeHandingItOn() throws Exception {
        Thread runner = Thread.currentThread();
        CountDownLatch firstHandedOn = new CountDownLatch(1);
        InputStream lines = new InputStream() {
            private int reads;

            @Override
            public int read() {
                throw new UnsupportedOperationException("read in blocks");
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
                reads++;
                if (reads == 1) {
                    return copy(V1JsonLines.status(tweet(1, "covid a", "en")) + "\n", buffer, offset, length);
                }
                if (reads == 2) {
                    await(firstHandedOn);
                    runner.interrupt();
                    return copy(V1JsonLines.status(tweet(2, "covid b", "en")) + "\n", buffer, offset, length);
                }
                return -1;
            }
        };
        PacerTest.ManualTicker ticker = new PacerTest.ManualTicker();
        java.util.List<StreamMessage> seen = new CopyOnWriteArrayList<>();
        ReplayTweetSource source = new ReplayTweetSource(new ReplaySettings(Option.none(), 0.01, false), ticker,
                () -> Either.right(lines));

        try {
            assertThrows(InterruptedException.class, () -> source.stream(COVID_EN, message -> {
                seen.add(message);
                firstHandedOn.countDown();
            }));
        } finally {
            Thread.interrupted();
        }

        assertEquals(List.of(1L), List.ofAll(seen).map(m -> ((StreamMessage.Status) m).tweet().id().value()));
        assertEquals(java.util.List.of(), ticker.sleeps);
    }

    /** A pipe whose writer has nothing more to say: one interrupt stops the replay waiting for its next line. */
    @Test
    void givenPipeThatSendsNothingMore_interrupt_stopsTheReplay() throws Exception {
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream pipe = new PipedInputStream(writer, 64 * 1024);
        writer.write((V1JsonLines.status(tweet(1, "covid a", "en")) + "\n").getBytes(StandardCharsets.UTF_8));
        writer.flush();
        CountDownLatch first = new CountDownLatch(1);
        AtomicReference<Object> ended = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                ended.set(new ReplayTweetSource(new ReplaySettings(Option.none(), 0, false), Ticker.SYSTEM,
                        () -> Either.right(pipe)).stream(COVID_EN, message -> first.countDown()));
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        runner.start();
        assertTrue(first.await(10, TimeUnit.SECONDS));
        awaitWaiting(runner);

        runner.interrupt();
        runner.join(10_000);

        assertFalse(runner.isAlive(), () -> "still running at:\n  " + java.util.Arrays.stream(runner.getStackTrace())
                .map(String::valueOf).collect(java.util.stream.Collectors.joining("\n  ")));
        assertInstanceOf(InterruptedException.class, ended.get());
        assertTrue(readersEnd(), "a replay reader thread is still running");
        writer.close();
    }

    private static int copy(String text, byte[] buffer, int offset, int length) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > length) {
            throw new IllegalStateException("a test line longer than the reader's buffer");
        }
        System.arraycopy(bytes, 0, buffer, offset, bytes.length);
        return bytes.length;
    }

    private static void await(CountDownLatch latch) throws java.io.IOException {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new java.io.IOException("the first message was never handed on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted before the first message was handed on");
        }
    }

    /** Waits (guard 10 s) until no replay reader thread is left; true if none is. */
    private static boolean readersEnd() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("tweetpipe-replay-reader"))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Until the thread blocks (waiting for the next line); the guard only keeps a broken run from hanging. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING
                && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    @Test
    void givenFileGoneSinceTheSettingsWereMade_stream_returnsRejectionNotException() throws Exception {
        Path file = file(V1JsonLines.status(tweet(1, "covid a", "en")));
        ReplayTweetSource source = source(file, 0, false);
        Files.delete(file);

        Either<Rejection, Long> result = source.stream(COVID_EN, message -> { });

        assertEquals(Either.left(Rejection.of("replay file", file + " does not exist")), result);
    }

    @Test
    void givenByteOrderMarkAndInvalidUtf8_stream_readsTheRest() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("\uFEFF".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes((V1JsonLines.status(tweet(1, "covid a", "en")) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 'x', '\n'});
        bytes.writeBytes((V1JsonLines.status(tweet(2, "covid b", "en")) + "\n").getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(directory.resolve("odd.jsonl"), bytes.toByteArray());
        java.util.List<StreamMessage> seen = new ArrayList<>();

        source(file, 0, false).stream(COVID_EN, seen::add);

        assertEquals(List.of("Status", "Malformed", "Status"), List.ofAll(seen).map(m -> m.getClass().getSimpleName()));
    }

    private Path file(String... lines) throws Exception {
        return Files.write(Files.createTempFile(directory, "replay", ".jsonl"), java.util.List.of(lines),
                StandardCharsets.UTF_8);
    }

    private static ReplayTweetSource source(Path file, double rate, boolean loop) {
        return new ReplayTweetSource(new ReplaySettings(Option.some(file), rate, loop));
    }
}
