package io.tweetpipe.adapters.socket;

import io.tweetpipe.domain.framing.Frame;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The relay's work per frame without a socket, on one thread: what a publish does for one reader (the relay's lock,
 * the frame encoded into the reader's outbox) and what the reader's writer does before its socket write (take the
 * chunks), for a thousand tweet-like frames. The socket is {@code RelayAlone}'s to measure, and so is the writer's
 * pause after a write (none here: on one thread it would only add a sleep per thousand frames).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class HandOverBenchmark {

    private static final int FRAMES = 1_000;
    private static final String[] WORDS = {"covid", "vaccine", "Booster", "hospital", "STAFF", "deserve", "a", "raise",
        "just", "got", "my", "shot", "feeling", "fine", "today", "#covid", "@who", "https://t.co/xyz", "🇧🇷", "café",
        "naïve", "the", "dashboard", "shipped", "finally", "queue", "was", "long", "but", "worth", "it"};

    private final Frame[] frames = frames();
    private final ReentrantLock lock = new ReentrantLock();
    private final Outbox outbox = new Outbox(Long.MAX_VALUE, new ArrayDeque<>(), 0, lock, 0);
    private final Outbox.Encoded encoded = new Outbox.Encoded();
    private Outbox.Chunk sent;

    private static Frame[] frames() {
        Random random = new Random(42);
        Frame[] frames = new Frame[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            StringBuilder body = new StringBuilder();
            int length = 100 + random.nextInt(180);
            while (body.length() < length) {
                body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            frames[i] = Frame.of(body.toString()).get();
        }
        return frames;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int publishThenTake() throws InterruptedException {
        for (Frame frame : frames) {
            lock.lock();
            try {
                encoded.reset();
                outbox.offer(frame, encoded);
            } finally {
                lock.unlock();
            }
        }
        int taken = 0;
        while (taken < FRAMES) {
            sent = outbox.take(sent);
            taken += sent.frames;
        }
        return taken;
    }
}
