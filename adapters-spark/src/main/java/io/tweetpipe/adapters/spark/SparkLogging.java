package io.tweetpipe.adapters.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.api.FilterComponentBuilder;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * Keeps Spark's own logging from drowning the product's console. Without a log4j2 configuration of the user's,
 * Spark installs its defaults (everything at INFO, dozens of lines per second of a streaming job); this installs
 * warnings and up, on standard error, before Spark does. A configuration the user supplied (a
 * {@code log4j2.properties} on the class path, {@code -Dlog4j2.configurationFile}) is left alone.
 */
final class SparkLogging {

    private static final String SPARK_DEFAULTS = "org/apache/spark/log4j2-";

    private SparkLogging() {
    }

    static synchronized void quietUnlessConfigured() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration current = context.getConfiguration();
        if (current instanceof DefaultConfiguration || isSparksDefault(current)) {
            Configurator.reconfigure(quiet());
        }
    }

    private static boolean isSparksDefault(Configuration configuration) {
        ConfigurationSource source = configuration.getConfigurationSource();
        String location = source == null ? null : source.getLocation();
        return location != null && location.contains(SPARK_DEFAULTS);
    }

    private static FilterComponentBuilder deny(ConfigurationBuilder<BuiltConfiguration> builder, String regex) {
        return builder.newFilter("RegexFilter", Filter.Result.DENY, Filter.Result.NEUTRAL)
                .addAttribute("regex", regex);
    }

    private static Configuration quiet() {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setConfigurationName("tweetpipe-quiet-spark");
        builder.setStatusLevel(Level.ERROR);
        builder.add(builder.newAppender("stderr", "Console")
                .addAttribute("target", ConsoleAppender.Target.SYSTEM_ERR)
                .add(builder.newLayout("PatternLayout")
                        .addAttribute("pattern", "%d{HH:mm:ss} %level %c{1}: %m%n%ex")));
        // Says the JVM has no native Hadoop library, which a stream job reading a socket never uses.
        builder.add(builder.newLogger("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR));
        // Spark then picks another interface's address for whatever is not configured; in local mode the adapter
        // configures every address Spark binds (127.0.0.1), so the warning is noise.
        builder.add(builder.newLogger("org.apache.spark.util.Utils", Level.WARN)
                .add(deny(builder, "Your hostname, .* resolves to a loopback address.*"
                        + "|Set SPARK_LOCAL_IP if you need to bind to another address")));
        // Spark says ERROR for every receiver it stops, even on a clean stop or a planned reconnect (for which the
        // receiver's supervisor has already said WARN); a receiver that fails still shows.
        builder.add(builder.newLogger("org.apache.spark.streaming.scheduler.ReceiverTracker", Level.WARN)
                .add(deny(builder, "Deregistered receiver for stream \\d+: "
                        + "(Stopped by driver|Restarting receiver with delay \\d+ ?ms: .*)")));
        // MLlib looks for native BLAS and says, twice, that it falls back to Java's, which is what tweetpipe uses.
        builder.add(builder.newLogger("dev.ludovic.netlib", Level.ERROR));
        // Spark ML logs a failed fit or load at ERROR with its stack trace; the language models report the failure
        // themselves, in one line.
        builder.add(builder.newLogger("org.apache.spark.ml.util.Instrumentation", Level.OFF));
        // The direct stream says WARN, at every start, for each consumer setting it fixes for its executors.
        builder.add(builder.newLogger("org.apache.spark.streaming.kafka010.KafkaUtils", Level.ERROR));
        // Spark bridges java.util.logging into log4j, so tweetpipe's own lines (System.Logger) land here too: they
        // keep their INFO, only Spark's chatter is cut to warnings.
        builder.add(builder.newLogger("tweetpipe", Level.INFO));
        builder.add(builder.newLogger("io.tweetpipe", Level.INFO));
        builder.add(builder.newRootLogger(Level.WARN).add(builder.newAppenderRef("stderr")));
        return builder.build(false);
    }
}
