package io.tweetpipe.adapters.twitter.live;

import io.tweetpipe.adapters.twitter.v2.V2JsonLines;
import io.tweetpipe.application.contract.TweetSourceContract;
import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.collection.Seq;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The port's contract, against the X source and a local v2 endpoint that holds the contract's tweets. */
class XStreamSourceContractTest extends TweetSourceContract {

    private final List<LocalXEndpoint> endpoints = new ArrayList<>();

    @AfterEach
    void closeEndpoints() {
        endpoints.forEach(LocalXEndpoint::close);
    }

    @Override
    protected TweetSource sourceOf(Seq<Tweet> tweets) throws Exception {
        LocalXEndpoint endpoint = LocalXEndpoint.start(XStreamSourceTest.TOKEN.value());
        endpoints.add(endpoint);
        endpoint.then(new LocalXEndpoint.Stream(tweets.map(V2JsonLines::post).toList(), LocalEndpoint.Ending.HOLD));
        return new XStreamSource(XStreamSourceTest.settings(endpoint), new TwitterStreamSourceTest.RecordingSleeper(),
                Clock.systemUTC());
    }
}
