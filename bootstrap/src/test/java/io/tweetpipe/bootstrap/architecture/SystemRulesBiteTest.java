package io.tweetpipe.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.adapters.web.fixture.DashboardReadingTheRelay;
import io.tweetpipe.application.port.out.FramePublisher;
import io.tweetpipe.domain.fixture.DomainThatCallsAPort;
import org.junit.jupiter.api.Test;

/** The whole-system rule, run over a deliberate violation, must report it. */
class SystemRulesBiteTest {

    @Test
    void givenDomainDependingOnApplication_hexagonRule_reportsIt() {
        JavaClasses classes = new ClassFileImporter().importClasses(DomainThatCallsAPort.class, FramePublisher.class);

        AssertionError error = assertThrows(AssertionError.class, () -> SystemRules.HEXAGON.check(classes));

        assertTrue(error.getMessage().contains("DomainThatCallsAPort"), error.getMessage());
    }

    @Test
    void givenWebAdapterDependingOnTheSocketAdapter_hexagonRule_reportsIt() {
        JavaClasses classes = new ClassFileImporter().importClasses(DashboardReadingTheRelay.class,
                SocketRelay.class);

        AssertionError error = assertThrows(AssertionError.class, () -> SystemRules.HEXAGON.check(classes));

        assertTrue(error.getMessage().contains("DashboardReadingTheRelay"), error.getMessage());
    }

    @Test
    void givenCleanClasses_hexagonRule_passes() {
        SystemRules.HEXAGON.check(new ClassFileImporter().importClasses(FramePublisher.class));
    }
}
