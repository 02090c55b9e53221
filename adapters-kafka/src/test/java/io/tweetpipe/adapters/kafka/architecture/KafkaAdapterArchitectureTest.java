package io.tweetpipe.adapters.kafka.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What the Kafka adapter may lean on. */
@AnalyzeClasses(packages = "io.tweetpipe.adapters.kafka", importOptions = ImportOption.DoNotIncludeTests.class)
public class KafkaAdapterArchitectureTest {

    @ArchTest
    public static final ArchRule ONLY_JDK_VAVR_KAFKA_CLIENTS_AND_THE_CORE = classes()
            .that().resideInAPackage("io.tweetpipe.adapters.kafka..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.vavr..", "io.tweetpipe.domain..",
                    "io.tweetpipe.application..", "io.tweetpipe.adapters.kafka..", "org.apache.kafka.clients..",
                    "org.apache.kafka.common..")
            .because("the relay's Kafka side is the client alone: no broker, no Spark, no other adapter");
}
