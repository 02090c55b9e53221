package io.tweetpipe.adapters.twitter.live;

import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Try;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The four OAuth 1.0a values a v1.1 streaming endpoint asks for. They come from the environment or from a
 * {@code twitter4j.properties} file, never from the command line (visible to every user of the machine), and this
 * record never shows them: {@link #toString()} masks all four, and every secret is masked in twitter4j's own log lines.
 */
public record TwitterCredentials(String consumerKey, String consumerSecret, String accessToken,
                                 String accessTokenSecret) {

    public static final String CONSUMER_KEY = "TWITTER_CONSUMER_KEY";
    public static final String CONSUMER_SECRET = "TWITTER_CONSUMER_SECRET";
    public static final String ACCESS_TOKEN = "TWITTER_ACCESS_TOKEN";
    public static final String ACCESS_TOKEN_SECRET = "TWITTER_ACCESS_TOKEN_SECRET";
    private static final List<String> VARIABLES = List.of(CONSUMER_KEY, CONSUMER_SECRET, ACCESS_TOKEN,
            ACCESS_TOKEN_SECRET);
    /** twitter4j's own names for them in {@code twitter4j.properties}. */
    private static final List<String> PROPERTIES = List.of("oauth.consumerKey", "oauth.consumerSecret",
            "oauth.accessToken", "oauth.accessTokenSecret");

    /** The file twitter4j reads from the working directory, and so do we when the environment has no credentials. */
    public static final Path DEFAULT_PROPERTIES = Path.of("twitter4j.properties");

    public TwitterCredentials {
        for (String value : new String[] {consumerKey, consumerSecret, accessToken, accessTokenSecret}) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("every credential must be given");
            }
        }
    }

    /**
     * From the environment when it has any of the four variables (then it must have all four), else from the
     * properties file, else a rejection saying where to put them.
     */
    public static Either<Rejection, TwitterCredentials> find(Map<String, String> environment, Path propertiesFile) {
        if (VARIABLES.exists(name -> present(environment.get(name)))) {
            return fromEnvironment(environment);
        }
        if (Files.isRegularFile(propertiesFile)) {
            return fromProperties(propertiesFile);
        }
        return Either.left(Rejection.of("credentials", "no Twitter credentials: set " + VARIABLES.mkString(", ")
                + " in the environment, or put " + PROPERTIES.mkString(", ") + " in " + propertiesFile));
    }

    /** The usual lookup: this process's environment, then {@code ./twitter4j.properties}. */
    public static Either<Rejection, TwitterCredentials> find() {
        return find(System.getenv(), DEFAULT_PROPERTIES);
    }

    public static Either<Rejection, TwitterCredentials> fromEnvironment(Map<String, String> environment) {
        return fromValues(VARIABLES.map(environment::get), VARIABLES, "in the environment");
    }

    public static Either<Rejection, TwitterCredentials> fromProperties(Path file) {
        Try<Properties> loaded = Try.of(() -> {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        });
        if (loaded.isFailure()) {
            return Either.left(Rejection.of("credentials", file + " cannot be read: "
                    + loaded.getCause().getClass().getSimpleName()));
        }
        return fromValues(PROPERTIES.map(loaded.get()::getProperty), PROPERTIES, "in " + file);
    }

    private static Either<Rejection, TwitterCredentials> fromValues(Seq<String> values, Seq<String> names,
                                                                    String where) {
        Seq<String> missing = names.zip(values).filter(pair -> !present(pair._2)).map(pair -> pair._1);
        if (!missing.isEmpty()) {
            return Either.left(Rejection.of("credentials", "missing " + missing.mkString(", ") + " " + where));
        }
        return Either.right(new TwitterCredentials(values.get(0).strip(), values.get(1).strip(),
                values.get(2).strip(), values.get(3).strip()));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The values to mask wherever a line might show them. */
    Seq<String> secrets() {
        return List.of(consumerKey, consumerSecret, accessToken, accessTokenSecret);
    }

    @Override
    public String toString() {
        return "TwitterCredentials[consumerKey=****, consumerSecret=****, accessToken=****, accessTokenSecret=****]";
    }
}
