package io.tweetpipe.application.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The application core: use cases behind ports, no framework, no I/O of its own. */
@AnalyzeClasses(packages = "io.tweetpipe.application", importOptions = ImportOption.DoNotIncludeTests.class)
public class ApplicationArchitectureTest {

    @ArchTest
    public static final ArchRule PORTS_ARE_INTERFACES_OR_VALUES = classes()
            .that().resideInAnyPackage("io.tweetpipe.application.port..")
            .should().beInterfaces().orShould().beRecords().orShould().beEnums()
            .because("ports are contracts; adapters implement them");

    @ArchTest
    public static final ArchRule DRIVING_PORTS_ARE_USE_CASES = classes()
            .that().resideInAPackage("io.tweetpipe.application.port.in").and().areInterfaces()
            .should().haveSimpleNameEndingWith("UseCase");

    @ArchTest
    public static final ArchRule SERVICES_IMPLEMENT_USE_CASES = classes()
            .that().resideInAPackage("io.tweetpipe.application.service").and().areTopLevelClasses()
            .should().implement(com.tngtech.archunit.base.DescribedPredicate.describe("a use case",
                    (com.tngtech.archunit.core.domain.JavaClass type) -> type.getSimpleName().endsWith("UseCase")));

    @ArchTest
    public static final ArchRule NO_FRAMEWORK_NO_IO = noClasses()
            .that().resideInAPackage("io.tweetpipe.application..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.inject..", "jakarta.inject..", "dagger..",
                    "org.apache.spark..", "twitter4j..", "java.net..", "java.nio.channels..", "java.nio.file..",
                    "java.sql..")
            .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.(File|Socket|Input|Output).*")
            .because("the core is wired by hand in bootstrap and talks to the world only through ports");
}
