package io.tweetpipe.adapters.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.lang.ArchRule;

/** The web adapter's rule, shared by its own test and the test that proves the rule bites. */
final class WebAdapterRules {

    private WebAdapterRules() {
    }

    static final ArchRule ONLY_JDK_VAVR_AND_THE_CORE = classes()
            .that().resideInAPackage("io.tweetpipe.adapters.web..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.sun.net.httpserver..", "io.vavr..",
                    "io.tweetpipe.domain..", "io.tweetpipe.application..", "io.tweetpipe.adapters.web..")
            .because("the dashboard is the JDK's HTTP server and hand-written JSON: no library on the driver's "
                    + "classpath for it, no other adapter (the relay's state comes as PartState from the bootstrap)");
}
