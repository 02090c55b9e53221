package io.tweetpipe.adapters.jdbc;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.analysis.TweetColumns;
import io.vavr.control.Either;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What differs between the databases tweetpipe writes to: column types, and how a value is bound. Everything else
 * (the tables, the upserts) is the SQL both speak.
 */
public enum Dialect {

    /**
     * SQLite, the embedded default: times as ISO-8601 text in UTC to the millisecond (fixed width, so they sort), lists
     * as JSON arrays in text (read with {@code json_each}), booleans as 0 and 1. UTF-8 text holds no lone surrogate:
     * it becomes U+FFFD, as on the wire.
     */
    SQLITE("TEXT", "TEXT", "INTEGER") {
        @Override
        void bindTime(PreparedStatement statement, int index, Instant time) throws SQLException {
            statement.setString(index, time == null ? null : SQLITE_TIME.format(time));
        }

        @Override
        void bindTexts(Connection connection, PreparedStatement statement, int index, List<String> texts)
                throws SQLException {
            statement.setString(index, JsonArray.of(texts.stream().map(t -> t == null ? null : text(t)).toList()));
        }

        @Override
        String text(String text) {
            return wellFormed(text);
        }
    },

    /**
     * PostgreSQL: timestamptz, text[], boolean. Its text holds neither U+0000 nor a lone surrogate: both become U+FFFD,
     * the only change a stored tweet undergoes there.
     */
    POSTGRESQL("TIMESTAMPTZ", "TEXT[]", "BOOLEAN") {
        @Override
        void bindTime(PreparedStatement statement, int index, Instant time) throws SQLException {
            if (time == null) {
                statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
            }
        }

        @Override
        void bindTexts(Connection connection, PreparedStatement statement, int index, List<String> texts)
                throws SQLException {
            statement.setArray(index, connection.createArrayOf("text",
                    texts.stream().map(t -> t == null ? null : text(t)).toArray(Object[]::new)));
        }

        @Override
        String text(String text) {
            return wellFormed(text).replace('\u0000', '\uFFFD');
        }
    };

    static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final String timeType;
    private final String textsType;
    private final String booleanType;

    Dialect(String timeType, String textsType, String booleanType) {
        this.timeType = timeType;
        this.textsType = textsType;
        this.booleanType = booleanType;
    }

    static Either<Rejection, Dialect> of(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return Either.right(SQLITE);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Either.right(POSTGRESQL);
        }
        return Either.left(Rejection.of("jdbc-url", "'" + Masking.mask(url) + "' is neither jdbc:sqlite:FILE nor "
                + "jdbc:postgresql://HOST:PORT/DATABASE"));
    }

    String timeType() {
        return timeType;
    }

    String type(TweetColumns.Type type) {
        return switch (type) {
            case BIGINT -> "BIGINT";
            case TIMESTAMP -> timeType;
            case STRING -> "TEXT";
            case BOOLEAN -> booleanType;
            case STRING_ARRAY -> textsType;
        };
    }

    abstract void bindTime(PreparedStatement statement, int index, Instant time) throws SQLException;

    abstract void bindTexts(Connection connection, PreparedStatement statement, int index, List<String> texts)
            throws SQLException;

    /** A text as this database can hold it. */
    abstract String text(String text);

    void bindText(PreparedStatement statement, int index, String text) throws SQLException {
        statement.setString(index, text == null ? null : text(text));
    }

    /** Binds a value of one of the view's columns. */
    void bind(Connection connection, PreparedStatement statement, int index, TweetColumns.Type type, Object value)
            throws SQLException {
        switch (type) {
            case BIGINT -> {
                if (value == null) {
                    statement.setNull(index, Types.BIGINT);
                } else {
                    statement.setLong(index, (Long) value);
                }
            }
            case TIMESTAMP -> bindTime(statement, index, (Instant) value);
            case STRING -> bindText(statement, index, (String) value);
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case STRING_ARRAY -> {
                @SuppressWarnings("unchecked")
                List<String> texts = (List<String>) value;
                bindTexts(connection, statement, index, texts);
            }
        }
    }

    /** A lone surrogate, which UTF-8 cannot carry, as U+FFFD (the wire's rule); everything else as it is. */
    static String wellFormed(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text);
            }
            out.setCharAt(i, '\uFFFD');
        }
        return out == null ? text : out.toString();
    }
}
