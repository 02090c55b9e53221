package io.tweetpipe.adapters.files.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.lang.ArchRule;

/** The file adapter's rule, shared by its own test and the test that proves the rule bites. */
final class FilesAdapterRules {

    private FilesAdapterRules() {
    }

    static final ArchRule ONLY_JDK_VAVR_AND_THE_CORE = classes()
            .that().resideInAPackage("io.tweetpipe.adapters.files..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.vavr..", "io.tweetpipe.domain..",
                    "io.tweetpipe.application..", "io.tweetpipe.adapters.files..")
            .because("the file sink writes its JSON lines itself: no library whose version could meet Spark's "
                    + "on the executors, no Spark, no other adapter");
}
