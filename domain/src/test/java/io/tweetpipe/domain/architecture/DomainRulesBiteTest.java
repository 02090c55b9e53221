package io.tweetpipe.domain.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.tweetpipe.domain.architecture.fixture.LeakyTweetCounter;
import io.tweetpipe.domain.tweet.Tweet;
import org.junit.jupiter.api.Test;

/** A rule that cannot fail protects nothing: run it over a deliberate violation and see it reported. */
class DomainRulesBiteTest {

    @Test
    void givenDomainClassUsingJavaNet_rule_reportsIt() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyTweetCounter.class);

        AssertionError error = assertThrows(AssertionError.class, () -> DomainRules.DOMAIN_IS_PURE.check(leaky));

        assertTrue(error.getMessage().contains("java.net.Socket"), error.getMessage());
    }

    @Test
    void givenPureDomainClass_rule_passes() {
        DomainRules.DOMAIN_IS_PURE.check(new ClassFileImporter().importClasses(Tweet.class));
    }
}
