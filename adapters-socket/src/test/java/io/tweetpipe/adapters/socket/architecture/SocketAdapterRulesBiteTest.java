package io.tweetpipe.adapters.socket.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.adapters.socket.architecture.fixture.RelayLoggingThroughALibrary;
import org.junit.jupiter.api.Test;

/** A rule that cannot fail protects nothing: run it over a deliberate violation and see it reported. */
class SocketAdapterRulesBiteTest {

    @Test
    void givenAdapterClassUsingALoggingLibrary_rule_reportsIt() {
        AssertionError error = assertThrows(AssertionError.class, () -> SocketAdapterRules.ONLY_JDK_VAVR_AND_THE_CORE
                .check(new ClassFileImporter().importClasses(RelayLoggingThroughALibrary.class)));

        assertTrue(error.getMessage().contains("org.slf4j.Logger"), error.getMessage());
    }

    @Test
    void givenTheRelay_rule_passes() {
        SocketAdapterRules.ONLY_JDK_VAVR_AND_THE_CORE.check(new ClassFileImporter().importClasses(SocketRelay.class));
    }
}
