package io.tweetpipe.adapters.spark.broken;

import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.receiver.Receiver;

/** Deliberately wrong, for {@code SparkFunctionRulesTest}: a receiver with a field that cannot be serialized. */
public final class ThreadHoldingReceiver extends Receiver<String> {

    private final Thread reader = new Thread(() -> { });

    public ThreadHoldingReceiver() {
        super(StorageLevel.MEMORY_ONLY());
    }

    @Override
    public void onStart() {
        reader.start();
    }

    @Override
    public void onStop() {
        reader.interrupt();
    }
}
