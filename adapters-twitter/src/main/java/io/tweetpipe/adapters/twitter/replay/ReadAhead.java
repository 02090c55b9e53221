package io.tweetpipe.adapters.twitter.replay;

import io.tweetpipe.adapters.twitter.v1.V1Messages;
import io.tweetpipe.adapters.twitter.v2.StreamLines;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.StreamMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and parses one pass of a replay on a thread of its own, a bounded number of messages ahead of the replay.
 *
 * <p>Why a thread: a replay is stopped by interrupting the thread that runs it, once. Reading a file or a pipe can
 * block for as long as the writer likes and does not answer an interrupt, so that thread only takes parsed messages
 * from a queue, which throws on interrupt. (The thread was first made because twitter4j 4.0.7 clears a pending
 * interrupt whenever it reads a status; statuses are no longer read by twitter4j, but a reading library that swallows
 * an interrupt would cost nothing here either.) This thread is told to stop by a flag; it is also interrupted, to wake
 * it from a blocked read or a full queue.
 */
final class ReadAhead implements AutoCloseable {

    static final int AHEAD = 256;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** What the reader hands on: a message, the end of the pass, or why the pass cannot go on. */
    sealed interface Next {
    }

    record Message(StreamMessage message) implements Next {
    }

    record End() implements Next {
    }

    record Failed(Rejection rejection) implements Next {
    }

    private final InputStream input;
    private final String replayed;
    private final BlockingQueue<Next> ahead = new ArrayBlockingQueue<>(AHEAD);
    private final Thread reader;
    private volatile boolean stopped;

    private ReadAhead(InputStream input, String replayed) {
        this.input = input;
        this.replayed = replayed;
        this.reader = new Thread(this::readAll, "tweetpipe-replay-reader");
        reader.setDaemon(true);
    }

    /**
     * Starts reading at once; closes the input when done, stopped or failed.
     *
     * @param replayed what is replayed, for messages ("line 3 of ...")
     */
    static ReadAhead start(InputStream input, String replayed) {
        ReadAhead readAhead = new ReadAhead(input, replayed);
        readAhead.reader.start();
        return readAhead;
    }

    /** The next message, the end, or a failure; waits for the reader if it is behind. */
    Next next() throws InterruptedException {
        return ahead.take();
    }

    /** Stops the reader without waiting for it: a read blocked in a pipe returns when it returns. */
    @Override
    public void close() {
        stopped = true;
        reader.interrupt();
        // Room for the one message a reader blocked on a full queue (or past its flag check) may still put.
        ahead.clear();
    }

    private void readAll() {
        Next last = new Failed(Rejection.of("replay file", "reading " + replayed + " stopped unexpectedly"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            last = readLines(lines);
        } catch (IOException e) {
            last = new Failed(Rejection.of("replay file", "reading " + replayed + " failed: " + e.getMessage()));
        } catch (InterruptedException e) {
            return; // stopped while waiting for room
        } catch (RuntimeException e) {
            last = new Failed(Rejection.of("replay file", "reading " + replayed + " failed: " + e));
        } finally {
            if (!stopped) {
                handOnLast(last);
            }
        }
    }

    private Next readLines(BufferedReader lines) throws IOException, InterruptedException {
        for (long number = 1; !stopped; number++) {
            String line = lines.readLine();
            if (line == null) {
                return new End();
            }
            if (number == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            if (V1Messages.isKeepAlive(line)) {
                continue;
            }
            ahead.put(new Message(located(StreamLines.read(line), number)));
        }
        return new End(); // stopped: nobody takes it
    }

    private void handOnLast(Next last) {
        try {
            ahead.put(last);
        } catch (InterruptedException e) {
            // Only close() interrupts this thread, and then nobody waits for the end.
        }
    }

    private StreamMessage located(StreamMessage message, long lineNumber) {
        if (message instanceof StreamMessage.Malformed malformed) {
            return new StreamMessage.Malformed(Rejection.of(
                    "line " + lineNumber + " of " + replayed, malformed.rejection().reason()));
        }
        return message;
    }
}
