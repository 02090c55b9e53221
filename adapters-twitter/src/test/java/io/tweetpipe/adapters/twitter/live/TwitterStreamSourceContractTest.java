package io.tweetpipe.adapters.twitter.live;

import io.tweetpipe.adapters.twitter.v1.V1JsonLines;
import io.tweetpipe.application.contract.TweetSourceContract;
import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.collection.Seq;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The port's contract, against the real twitter4j client and a local endpoint that holds the contract's tweets. */
class TwitterStreamSourceContractTest extends TweetSourceContract {

    private final List<LocalStreamingEndpoint> endpoints = new ArrayList<>();

    @AfterEach
    void closeEndpoints() {
        endpoints.forEach(LocalStreamingEndpoint::close);
    }

    @Override
    protected TweetSource sourceOf(Seq<Tweet> tweets) throws Exception {
        LocalStreamingEndpoint endpoint = LocalStreamingEndpoint.start();
        endpoints.add(endpoint);
        endpoint.then(new LocalStreamingEndpoint.Stream(tweets.map(V1JsonLines::status).toList(),
                LocalEndpoint.Ending.HOLD));
        return new TwitterStreamSource(TwitterStreamSourceTest.settings(endpoint));
    }
}
