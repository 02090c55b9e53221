package io.tweetpipe.adapters.spark;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.streaming.util.WriteAheadLog;
import org.apache.spark.streaming.util.WriteAheadLogRecordHandle;

/**
 * The driver's log of received blocks for a run whose checkpoint is scratch: Spark keeps that log whenever a
 * checkpoint directory is set, to find blocks again after a restart, but a scratch checkpoint is removed at exit and
 * never resumed. So nothing is written: no disk work per batch, and no writes racing the log's close at stop (Spark's
 * file log warned of each).
 */
public final class ScratchBlockLog extends WriteAheadLog {

    private static final WriteAheadLogRecordHandle NOWHERE = new WriteAheadLogRecordHandle() {
        private static final long serialVersionUID = 1L;
    };

    @Override
    public WriteAheadLogRecordHandle write(ByteBuffer record, long time) {
        return NOWHERE;
    }

    @Override
    public ByteBuffer read(WriteAheadLogRecordHandle handle) {
        throw new IllegalStateException("a scratch checkpoint's block log keeps nothing to read");
    }

    @Override
    public Iterator<ByteBuffer> readAll() {
        return Collections.emptyIterator();
    }

    @Override
    public void clean(long threshTime, boolean waitForCompletion) {
    }

    @Override
    public void close() {
    }
}
