package io.tweetpipe.application.contract;

import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.memory.InMemoryFramePublisher;
import io.tweetpipe.application.memory.InMemoryRecordStore;
import io.tweetpipe.application.memory.InMemoryResultStore;
import io.tweetpipe.application.memory.InMemoryStreamEngine;
import io.tweetpipe.application.memory.InMemoryLanguageModels;
import io.tweetpipe.application.memory.InMemoryTweetSource;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.FramePublisher;
import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.application.port.out.LanguageModelTrainer;
import io.tweetpipe.application.port.out.ModelInspector;
import io.tweetpipe.application.port.out.TweetRecording;
import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The port contracts, against the in-memory adapters: the reference every real adapter is held to. */
class InMemoryAdaptersContractTest {

    @Nested
    class Recording extends TweetRecordingContract {
        @Override
        protected TweetRecording recordingOf(Seq<Tweet> tweets) {
            return new InMemoryTweetSource(tweets.map(StreamMessage.Status::new));
        }
    }

    @Nested
    class Models extends LanguageModelTrainerContract {
        private final InMemoryLanguageModels models = new InMemoryLanguageModels();
        private int directories;

        @Override
        protected LanguageModelTrainer trainer() {
            return models;
        }

        @Override
        protected ModelInspector inspector() {
            return models;
        }

        @Override
        protected String freshDirectory() {
            return "model-" + ++directories;
        }
    }

    @Nested
    class Source extends TweetSourceContract {
        @Override
        protected TweetSource sourceOf(Seq<Tweet> tweets) {
            return new InMemoryTweetSource(tweets.map(StreamMessage.Status::new));
        }
    }

    @Nested
    class Publisher extends FramePublisherContract {
        @Override
        protected FramePublisher publisher(int backlogFrames) {
            return new InMemoryFramePublisher(backlogFrames, 10_000);
        }

        @Override
        protected Reader connect(FramePublisher publisher) {
            InMemoryFramePublisher memory = (InMemoryFramePublisher) publisher;
            BlockingQueue<Frame> queue = memory.connect();
            return new Reader() {
                @Override
                public Seq<String> read(int frames, Duration timeout) throws InterruptedException {
                    java.util.List<String> out = new ArrayList<>();
                    long deadline = System.nanoTime() + timeout.toNanos();
                    while (out.size() < frames) {
                        Frame next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                        if (next == null) {
                            break;
                        }
                        out.add(next.text());
                    }
                    return List.ofAll(out);
                }

                @Override
                public void close() {
                    memory.disconnect(queue);
                }
            };
        }
    }

    @Nested
    class Engine extends StreamEngineContract {
        private InMemoryStreamEngine engine;

        @Override
        protected StreamEngine engine() {
            engine = new InMemoryStreamEngine(Duration.ofMillis(100));
            return engine;
        }

        @Override
        protected void feed(byte[] bytes) {
            engine.feed(bytes);
        }
    }

    @Nested
    class Sink extends BatchSinkContract {
        private final CapturingBatchSink sink = new CapturingBatchSink();

        @Override
        protected BatchSink sink() {
            return sink;
        }

        @Override
        protected String shown() {
            return sink.records().map(record -> record + "\n").mkString();
        }
    }

    @Nested
    class Records extends RecordStoreContract {
        private final InMemoryRecordStore store = new InMemoryRecordStore();

        @Override
        protected RecordStore store() {
            return store;
        }

        @Override
        protected Seq<TweetRecord> stored() {
            return store.stored();
        }

        @AfterEach
        void discard() {
            store.discard();
        }
    }

    @Nested
    class Results extends StoredResultsContract {
        private final InMemoryResultStore sink = new InMemoryResultStore();

        @Override
        protected BatchSink sink() {
            return sink;
        }

        @Override
        protected Seq<String> storedLines() {
            return sink.lines();
        }
    }
}
