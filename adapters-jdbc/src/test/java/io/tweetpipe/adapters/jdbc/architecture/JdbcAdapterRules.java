package io.tweetpipe.adapters.jdbc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.lang.ArchRule;

/** The JDBC adapter's rule, shared by its own test and the test that proves the rule bites. */
final class JdbcAdapterRules {

    private JdbcAdapterRules() {
    }

    static final ArchRule ONLY_JDBC_THE_POOL_AND_THE_CORE = classes()
            .that().resideInAPackage("io.tweetpipe.adapters.jdbc..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.sql..", "io.vavr..",
                    "com.zaxxer.hikari..", "io.tweetpipe.domain..", "io.tweetpipe.application..",
                    "io.tweetpipe.adapters.jdbc..")
            .because("the adapter speaks JDBC, whichever driver is loaded: no driver's own API, no Spark, no other "
                    + "adapter");
}
