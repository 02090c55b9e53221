package io.tweetpipe.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/** The hexagon's walls as ArchUnit sees them; the Maven graph is the first wall, these are the second. */
final class SystemRules {

    private SystemRules() {
    }

    /** Domain at the centre, use cases around it, adapters outside and blind to each other. */
    static final ArchRule HEXAGON = onionArchitecture()
            .domainModels("io.tweetpipe.domain..")
            .applicationServices("io.tweetpipe.application..")
            .adapter("twitter", "io.tweetpipe.adapters.twitter..")
            .adapter("socket", "io.tweetpipe.adapters.socket..")
            .adapter("kafka", "io.tweetpipe.adapters.kafka..")
            .adapter("spark", "io.tweetpipe.adapters.spark..")
            .adapter("web", "io.tweetpipe.adapters.web..")
            .adapter("files", "io.tweetpipe.adapters.files..")
            .adapter("jdbc", "io.tweetpipe.adapters.jdbc..")
            .withOptionalLayers(true)
            // bootstrap is the composition root: it sees every layer, and no layer sees it (NO_CYCLES, Maven).
            .ignoreDependency(resideInAPackage("io.tweetpipe.bootstrap.."), alwaysTrue())
            .because("the core must not know its adapters, and adapters are swapped without touching each other");

    static final ArchRule NO_CYCLES = slices().matching("io.tweetpipe.(**)").should().beFreeOfCycles();

    static final ArchRule ONLY_THE_SPARK_ADAPTER_KNOWS_SPARK = noClasses()
            .that().resideOutsideOfPackages("io.tweetpipe.adapters.spark..", "io.tweetpipe.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..");

    static final ArchRule ONLY_THE_TWITTER_ADAPTER_KNOWS_TWITTER4J = noClasses()
            .that().resideOutsideOfPackage("io.tweetpipe.adapters.twitter..")
            .should().dependOnClassesThat().resideInAnyPackage("twitter4j..");

    static final ArchRule ONLY_BOOTSTRAP_KNOWS_DAGGER = noClasses()
            .that().resideOutsideOfPackage("io.tweetpipe.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage("dagger..", "javax.inject..", "jakarta.inject..")
            .because("the core is built with plain constructors; Dagger only wires it");
}
