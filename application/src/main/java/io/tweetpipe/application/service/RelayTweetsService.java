package io.tweetpipe.application.service;

import io.tweetpipe.application.port.in.RelayReport;
import io.tweetpipe.application.port.in.RelayTweetsUseCase;
import io.tweetpipe.application.port.out.FramePublisher;
import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.framing.Wire;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.control.Either;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Source, framing, publisher; every message counted by what became of it. */
public final class RelayTweetsService implements RelayTweetsUseCase {

    private final TweetSource source;
    private final FramePublisher publisher;
    private final Consumer<Rejection> rejections;
    private final Wire wire;
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong withheld = new AtomicLong();
    private final AtomicLong notices = new AtomicLong();
    private long lastLimit;

    /**
     * @param rejections told of every message that could not be relayed, so the caller can log it; the relay goes
     *     on regardless
     * @param wire what each frame carries: the body alone ({@link Wire#TEXT}, the tutorial's contract) or the
     *     structured record
     */
    public RelayTweetsService(TweetSource source, FramePublisher publisher, Consumer<Rejection> rejections,
                              Wire wire) {
        this.source = Objects.requireNonNull(source, "source");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.rejections = Objects.requireNonNull(rejections, "rejections");
        this.wire = Objects.requireNonNull(wire, "wire");
    }

    /** A relay on the text wire, the tutorial's contract. */
    public RelayTweetsService(TweetSource source, FramePublisher publisher, Consumer<Rejection> rejections) {
        this(source, publisher, rejections, Wire.TEXT);
    }

    @Override
    public Either<Rejection, RelayReport> relay(TrackFilter filter) throws InterruptedException {
        Objects.requireNonNull(filter, "filter");
        return source.stream(filter, this::handle).map(delivered -> progress());
    }

    @Override
    public RelayReport progress() {
        return new RelayReport(relayed.get(), rejected.get(), dropped.get(), deleted.get(), withheld.get(),
                notices.get());
    }

    private void handle(StreamMessage message) {
        if (message instanceof StreamMessage.Status status) {
            Frame.of(status.tweet(), wire).fold(
                    rejection -> reject(Rejection.of("tweet " + status.tweet().id(), rejection.reason())),
                    frame -> publish(frame, status.tweet().id()));
        } else if (message instanceof StreamMessage.Malformed malformed) {
            reject(malformed.rejection());
        } else if (message instanceof StreamMessage.Deletion) {
            deleted.incrementAndGet();
        } else if (message instanceof StreamMessage.Limit limit) {
            countWithheld(limit.undelivered());
        } else if (message instanceof StreamMessage.Notice) {
            notices.incrementAndGet();
        }
    }

    /**
     * Twitter's count is cumulative for one connection and starts again with the next, so a count lower than the
     * last one means a new connection: all of it is new.
     */
    private synchronized void countWithheld(long cumulative) {
        withheld.addAndGet(cumulative >= lastLimit ? cumulative - lastLimit : cumulative);
        lastLimit = cumulative;
    }

    private Void publish(Frame frame, TweetId id) {
        (publisher.publish(frame, id) == FramePublisher.Delivery.DROPPED ? dropped : relayed).incrementAndGet();
        return null;
    }

    private Void reject(Rejection rejection) {
        rejected.incrementAndGet();
        rejections.accept(rejection);
        return null;
    }
}
