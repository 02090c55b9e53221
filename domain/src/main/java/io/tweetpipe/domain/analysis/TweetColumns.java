package io.tweetpipe.domain.analysis;

import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import java.util.function.Function;

/**
 * The columns of the view {@code tweets} that SQL queries read, and of stored records. A field a text frame does not
 * carry (id, time, language, author) is NULL, and so is the predicted language when no model is applied.
 */
public enum TweetColumns {
    ID("id", Type.BIGINT, tweet -> tweet.id().getOrNull()),
    CREATED_AT("created_at", Type.TIMESTAMP, tweet -> tweet.createdAt().getOrNull()),
    LANG("lang", Type.STRING, tweet -> tweet.lang().getOrNull()),
    AUTHOR("author", Type.STRING, tweet -> tweet.author().getOrNull()),
    BODY("body", Type.STRING, TweetRecord::body),
    EXTENDED("extended", Type.BOOLEAN, TweetRecord::extended),
    HASHTAGS("hashtags", Type.STRING_ARRAY, tweet -> tweet.entities().hashtags().toJavaList()),
    MENTIONS("mentions", Type.STRING_ARRAY, tweet -> tweet.entities().mentions().toJavaList()),
    URLS("urls", Type.STRING_ARRAY, tweet -> tweet.entities().urls().toJavaList()),
    /** NULL unless the job applies a language model ({@code stream --model}). */
    PREDICTED_LANG("predicted_lang", Type.STRING, tweet -> tweet.predictedLang().getOrNull());

    /** Column types, named as SQL names them; each engine maps them to its own. */
    public enum Type { BIGINT, TIMESTAMP, STRING, BOOLEAN, STRING_ARRAY }

    private final String column;
    private final Type type;
    private final Function<TweetRecord, Object> value;

    TweetColumns(String column, Type type, Function<TweetRecord, Object> value) {
        this.column = column;
        this.type = type;
        this.value = value;
    }

    public String column() {
        return column;
    }

    public Type type() {
        return type;
    }

    /** The column's value for one tweet: a Long, an Instant, a String, a Boolean or a java.util.List of String. */
    public Object valueOf(TweetRecord tweet) {
        return value.apply(tweet);
    }

    public static Seq<TweetColumns> all() {
        return Array.of(values());
    }
}
