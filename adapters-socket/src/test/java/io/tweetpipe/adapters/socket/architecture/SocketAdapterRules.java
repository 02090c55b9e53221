package io.tweetpipe.adapters.socket.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.lang.ArchRule;

/** The socket adapter's rule, shared by its own test and the test that proves the rule bites. */
final class SocketAdapterRules {

    private SocketAdapterRules() {
    }

    static final ArchRule ONLY_JDK_VAVR_AND_THE_CORE = classes()
            .that().resideInAPackage("io.tweetpipe.adapters.socket..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.vavr..", "io.tweetpipe.domain..",
                    "io.tweetpipe.application..", "io.tweetpipe.adapters.socket..")
            .because("the relay is plain JDK sockets and System.Logger: no logging library, no other adapter, "
                    + "no Spark on the relay's classpath");
}
