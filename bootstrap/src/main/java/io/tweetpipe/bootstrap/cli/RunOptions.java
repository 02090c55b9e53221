package io.tweetpipe.bootstrap.cli;

import io.vavr.control.Option;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How long a run lasts (every mode). */
final class RunOptions {

    static final String HEADING = "%nGeneral:%n";

    @CommandLine.Option(names = "--run-for", paramLabel = "D", converter = DurationConverter.class,
            description = "stop by itself after D, e.g. 30s (default: run until Ctrl-C)")
    Duration runFor;

    Option<Duration> runFor() {
        return Option.of(runFor);
    }

    /** A duration as people write it: {@code 500ms}, {@code 1s}, {@code 2m}; a bare number is seconds. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");

        @Override
        public Duration convert(String value) {
            Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a duration: write e.g. 1s, 500ms or 2m");
            }
            long amount = Long.parseLong(m.group(1));
            return "ms".equals(m.group(2)) ? Duration.ofMillis(amount)
                    : "m".equals(m.group(2)) ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
        }
    }
}
