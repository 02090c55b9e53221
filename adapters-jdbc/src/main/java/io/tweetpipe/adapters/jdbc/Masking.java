package io.tweetpipe.adapters.jdbc;

import io.vavr.collection.Seq;
import java.util.regex.Pattern;

/**
 * Hides passwords in a line before it is shown: a password in a JDBC URL ({@code password=...}, {@code //user:pw@}),
 * and the password itself wherever a driver's message repeats it.
 */
final class Masking {

    static final String MASK = "****";
    private static final Pattern PARAMETER = Pattern.compile("(?i)\\b(password|passwd|pwd)=([^&;\\s]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]*):([^@/\\s]*)@");

    private Masking() {
    }

    static boolean carriesPassword(String url) {
        return PARAMETER.matcher(url).find() || USER_INFO.matcher(url).find();
    }

    static String mask(String text) {
        String masked = PARAMETER.matcher(text).replaceAll("$1=" + MASK);
        return USER_INFO.matcher(masked).replaceAll("$1:" + MASK + "@");
    }

    /** The text with URL passwords masked and each secret given replaced, however it got there. */
    static String mask(String text, Seq<String> secrets) {
        String masked = mask(text);
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }
}
