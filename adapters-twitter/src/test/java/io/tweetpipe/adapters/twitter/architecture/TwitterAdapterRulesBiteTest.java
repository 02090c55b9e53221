package io.tweetpipe.adapters.twitter.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.tweetpipe.adapters.twitter.replay.fixture.ReplayThatReadsJsonItself;
import org.junit.jupiter.api.Test;

/** Each rule, run over a class that breaks it, reports the violation. */
class TwitterAdapterRulesBiteTest {

    private static final JavaClasses BROKEN = new ClassFileImporter().importClasses(ReplayThatReadsJsonItself.class);

    private static void assertBites(ArchRule rule) {
        assertTrue(rule.evaluate(BROKEN).hasViolation(), rule.getDescription());
    }

    @Test
    void givenReplayParsingJsonItself_oneMapping_reportsIt() {
        assertBites(TwitterAdapterRules.ONE_MAPPING);
    }

    @Test
    void givenReplayUsingTheNetwork_replayIsOffline_reportsIt() {
        assertBites(TwitterAdapterRules.REPLAY_IS_OFFLINE);
    }

    @Test
    void givenPrintingAndJavaUtilLogging_loggingRules_reportThem() {
        assertBites(TwitterAdapterRules.NO_STANDARD_STREAMS);
        assertBites(TwitterAdapterRules.NO_JAVA_UTIL_LOGGING);
    }
}
