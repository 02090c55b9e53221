package io.tweetpipe.adapters.web.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.tweetpipe.adapters.web.Dashboard;
import io.tweetpipe.adapters.web.DashboardSink;
import io.tweetpipe.adapters.web.architecture.fixture.StateThroughAJsonLibrary;
import org.junit.jupiter.api.Test;

/** A rule that cannot fail protects nothing: run it over a deliberate violation and see it reported. */
class WebAdapterRulesBiteTest {

    @Test
    void givenAdapterClassUsingAJsonLibrary_rule_reportsIt() {
        AssertionError error = assertThrows(AssertionError.class, () -> WebAdapterRules.ONLY_JDK_VAVR_AND_THE_CORE
                .check(new ClassFileImporter().importClasses(StateThroughAJsonLibrary.class)));

        assertTrue(error.getMessage().contains("org.openqa.selenium.json.Json"), error.getMessage());
    }

    @Test
    void givenTheDashboard_rule_passes() {
        WebAdapterRules.ONLY_JDK_VAVR_AND_THE_CORE.check(new ClassFileImporter().importClasses(Dashboard.class,
                DashboardSink.class));
    }
}
