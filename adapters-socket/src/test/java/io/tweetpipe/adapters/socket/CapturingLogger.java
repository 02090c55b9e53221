package io.tweetpipe.adapters.socket;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** A {@link System.Logger} that keeps what it is told, for tests that check what the relay logs. */
final class CapturingLogger implements System.Logger {

    private record Line(Level level, String text) {
    }

    private List<Line> lines = List.empty();

    synchronized Seq<String> lines(Level level) {
        return lines.filter(line -> line.level == level).map(Line::text);
    }

    @Override
    public String getName() {
        return "capturing";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public synchronized void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        lines = lines.append(new Line(level, message));
    }

    @Override
    public synchronized void log(Level level, ResourceBundle bundle, String format, Object... params) {
        lines = lines.append(new Line(level, params == null ? format : MessageFormat.format(format, params)));
    }
}
