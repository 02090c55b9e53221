package io.tweetpipe.adapters.twitter.v2;

import io.tweetpipe.adapters.twitter.json.TwitterJson;
import io.tweetpipe.adapters.twitter.v1.V1Messages;
import io.tweetpipe.domain.tweet.StreamMessage;

/**
 * A recorded line of either API, told apart line by line: a v2 message has {@code data} or {@code errors} at the top,
 * a v1.1 message never does. So a recording of either replays, and so does one that holds both (a v1.1 recording
 * appended to by a v2 run, say), each line read by its own API's mapping.
 */
public final class StreamLines {

    private StreamLines() {
    }

    /** An interrupt pending when the read begins is pending when it returns. */
    public static StreamMessage read(String line) {
        if (TwitterJson.isKeepAlive(line)) {
            return V1Messages.read(line);
        }
        return TwitterJson.object(line).fold(TwitterJson::malformed, json -> V2Messages.isV2(json)
                ? V2Messages.read(json, line).message()
                : V1Messages.read(json, line));
    }
}
