package io.tweetpipe.application.memory;

import io.tweetpipe.application.port.out.FramePublisher;
import io.tweetpipe.domain.framing.Frame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The relay's publishing policy, in memory: every connected reader has a bounded queue and misses what does not fit
 * in it; with no reader connected, frames wait in a bounded backlog for the next reader, and past its bound the new
 * frame is dropped. When the last reader hangs up, what it had not taken goes back to the backlog.
 */
public final class InMemoryFramePublisher implements FramePublisher {

    private final int backlogCapacity;
    private final int readerCapacity;
    private final Deque<Frame> backlog = new ArrayDeque<>();
    private final List<BlockingQueue<Frame>> readers = new ArrayList<>();

    public InMemoryFramePublisher(int backlogCapacity, int readerCapacity) {
        this.backlogCapacity = backlogCapacity;
        this.readerCapacity = readerCapacity;
    }

    /** A new reader: it gets the backlog first, then every frame published from now on. */
    public synchronized BlockingQueue<Frame> connect() {
        BlockingQueue<Frame> reader = new ArrayBlockingQueue<>(readerCapacity + backlog.size());
        reader.addAll(backlog);
        backlog.clear();
        readers.add(reader);
        return reader;
    }

    /** A reader hangs up; if it was the last one, what it had not taken goes back to the head of the backlog. */
    public synchronized void disconnect(BlockingQueue<Frame> reader) {
        readers.remove(reader);
        if (readers.isEmpty()) {
            java.util.List<Frame> unread = new ArrayList<>();
            reader.drainTo(unread);
            for (int i = unread.size() - 1; i >= 0; i--) {
                backlog.addFirst(unread.get(i));
            }
        }
    }

    @Override
    public synchronized Delivery publish(Frame frame) {
        if (readers.isEmpty()) {
            if (backlog.size() >= backlogCapacity) {
                return Delivery.DROPPED;
            }
            backlog.add(frame);
            return Delivery.BACKLOGGED;
        }
        boolean taken = false;
        for (BlockingQueue<Frame> reader : readers) {
            taken |= reader.offer(frame);
        }
        return taken ? Delivery.SENT : Delivery.DROPPED;
    }
}
