package io.tweetpipe.adapters.spark;

import java.time.Duration;
import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.receiver.Receiver;

/**
 * Spark's side of the relay's socket: a receiver that reads frames (see {@link FrameReading}) and stores them in
 * blocks, as chunks of whole frames' bytes (padded so that Spark counts one record per frame). It replaces
 * {@code socketTextStream}, which splits on newlines and so reads neither a tweet holding a line break nor the
 * original relay's bytes ({@code text__end} with no newline at all) as one record.
 *
 * <p>When the relay refuses the connection or ends it, the receiver asks Spark to restart it, which Spark does
 * after {@code spark.streaming.receiverRestartDelay} (2 s by default, as for Spark's own socket receiver). A stop
 * hands on what was already received before {@link #onStop} returns, so a graceful stop of the streaming context
 * processes it.
 *
 * <p>Spark serializes the receiver to the executor that runs it: its fields are the relay's address and a few
 * numbers; the reading state is transient and made anew on each start.
 *
 * <p>Spark's rate limits ({@code spark.streaming.receiver.maxRate}, backpressure) act on single-record stores
 * only; a bulk store bypasses them. So the receiver keeps them itself, in frames per second: it asks its supervisor
 * for the current limit, as Spark's own block generator does ({@code ReceiverSupervisor.getCurrentRateLimit}, which
 * is the configured maximum rate, {@code spark.streaming.backpressure.initialRate} at first, and the rate
 * backpressure sets once batches complete, never above the maximum).
 */
public final class FrameReceiver extends Receiver<byte[]> {

    private static final Logger LOG = LogManager.getLogger(FrameReceiver.class);

    private final String host;
    private final int port;
    private final int maxFrameBytes;
    private final Duration blockInterval;
    private transient volatile FrameReading reading;
    private transient volatile Thread reader;

    /**
     * @param storageLevel where blocks are kept: {@code MEMORY_AND_DISK_SER_2} on a cluster (a copy on a second
     *     executor survives the loss of the first, Spark's choice for socket streams), one copy off the heap in local
     *     mode, which has one executor and no peer to copy to (see {@code SparkStreamEngine.storageLevel})
     * @param blockInterval the longest a received frame waits before its block is stored
     */
    public FrameReceiver(String host, int port, int maxFrameBytes, Duration blockInterval, StorageLevel storageLevel) {
        super(storageLevel);
        if (port < 1 || port > 65_535 || maxFrameBytes < 1) {
            throw new IllegalArgumentException("port " + port + ", frame cap " + maxFrameBytes);
        }
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.maxFrameBytes = maxFrameBytes;
        this.blockInterval = Objects.requireNonNull(blockInterval, "blockInterval");
    }

    /** The relay it reads, as host:port. */
    public String relay() {
        return host + ":" + port;
    }

    @Override
    public void onStart() {
        // supervisor() is private[streaming] in Scala, public in bytecode: Spark's BlockGenerator reads the same limit.
        FrameReading next = new FrameReading(host, port, maxFrameBytes, FrameReading.Limits.standard(blockInterval),
                block -> store(block.records()), new FrameRate(() -> supervisor().getCurrentRateLimit()));
        Thread thread = new Thread(() -> read(next), "tweetpipe-receiver-" + host + ":" + port);
        thread.setDaemon(true);
        reading = next;
        reader = thread;
        thread.start();
    }

    @Override
    public void onStop() {
        FrameReading current = reading;
        Thread thread = reader;
        if (current == null || thread == null) {
            return;
        }
        current.requestStop();
        if (thread == Thread.currentThread()) {
            return;
        }
        FrameReading.Limits limits = FrameReading.Limits.standard(blockInterval);
        try {
            thread.join(limits.drain().plus(limits.quiet()).plus(limits.poll()).toMillis());
            if (thread.isAlive()) {
                current.abort();
                thread.join(FrameReading.CONNECT_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            current.abort();
            Thread.currentThread().interrupt();
        }
    }

    private void read(FrameReading current) {
        try {
            FrameReading.Ending ending = current.run();
            if (ending instanceof FrameReading.Ending.Lost lost && !isStopped()) {
                restart(lost.why());  // Spark logs it once per attempt, without a stack trace
            }
        } catch (RuntimeException e) {
            if (!isStopped()) {
                LOG.warn("the receiver for {}:{} failed; restarting it", host, port, e);
                restart("the receiver for " + host + ":" + port + " failed: " + e);
            }
        }
    }
}
