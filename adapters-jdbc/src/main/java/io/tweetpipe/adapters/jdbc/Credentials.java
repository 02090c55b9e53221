package io.tweetpipe.adapters.jdbc;

import io.tweetpipe.domain.Rejection;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * A database user and password, found where the connection is opened: the environment first, then the properties
 * file. Never serialized, never shown: {@link #toString()} masks the password.
 */
record Credentials(Option<String> user, Option<String> password) {

    static Either<Rejection, Credentials> find(JdbcSettings settings, Map<String, String> environment) {
        Option<String> fromEnvUser = present(environment.get(settings.userVariable()));
        Option<String> fromEnvPassword = present(environment.get(settings.passwordVariable()));
        Option<Path> file = settings.propertiesFile().map(Path::of)
                .orElse(() -> Option.some(Path.of(JdbcSettings.DEFAULT_PROPERTIES)).filter(Files::isRegularFile));
        Properties properties = new Properties();
        if (file.isDefined()) {
            try (Reader reader = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                return Either.left(Rejection.of("jdbc", "cannot read the credentials in " + file.get() + ": "
                        + e.getClass().getSimpleName()));
            }
        }
        Option<String> user = settings.user().orElse(fromEnvUser)
                .orElse(() -> present(properties.getProperty("user")));
        Option<String> password = fromEnvPassword.orElse(() -> present(properties.getProperty("password")));
        return Either.right(new Credentials(user, password));
    }

    static Either<Rejection, Credentials> find(JdbcSettings settings) {
        return find(settings, System.getenv());
    }

    private static Option<String> present(String value) {
        return Option.of(value).filter(v -> !v.isBlank()).map(String::strip);
    }

    /** What to mask in any line that could show it. */
    Seq<String> secrets() {
        return password.toList();
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user.getOrElse("(none)") + ", password=" + (password.isDefined() ? "****"
                : "(none)") + "]";
    }
}
