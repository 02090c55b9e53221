package io.tweetpipe.adapters.twitter.live;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import java.util.Map;

/**
 * The app-only OAuth 2.0 bearer token X's v2 filtered stream asks for. It comes from the environment, never from the
 * command line (visible to every user of the machine), and this record never shows it: {@link #toString()} masks it,
 * and the X source masks it in every line it logs or hands on.
 */
public record BearerToken(String value) {

    public static final String VARIABLE = "X_BEARER_TOKEN";

    public BearerToken {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a bearer token must be given");
        }
    }

    public static Either<Rejection, BearerToken> find(Map<String, String> environment) {
        String value = environment.get(VARIABLE);
        return value == null || value.isBlank()
                ? Either.left(Rejection.of("credentials", "no X bearer token: set " + VARIABLE + " in the environment "
                        + "to your app's bearer token (developer.x.com: your Project's app, Keys and tokens)"))
                : Either.right(new BearerToken(value.strip()));
    }

    /** This process's environment. */
    public static Either<Rejection, BearerToken> find() {
        return find(System.getenv());
    }

    /** The text with the token masked wherever it appears (an endpoint may echo the request back). */
    String masked(String text) {
        return text == null ? "" : text.replace(value, "****");
    }

    @Override
    public String toString() {
        return "BearerToken[****]";
    }
}
