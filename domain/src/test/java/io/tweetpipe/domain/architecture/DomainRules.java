package io.tweetpipe.domain.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/** The domain's rule, shared by its own test and the test that proves the rule bites. */
final class DomainRules {

    private DomainRules() {
    }

    private static final Set<String> ALLOWED_PACKAGES = Set.of("java.lang", "java.lang.invoke", "java.util",
            "java.util.function", "java.util.regex", "java.util.stream", "java.time", "java.nio.charset");

    /** java.io only for Serializable and its lambda plumbing: the domain reads and writes nothing. So java.nio. */
    private static final Set<String> ALLOWED_CLASSES = Set.of("java.io.Serializable", "java.io.ObjectStreamException",
            "java.nio.ByteOrder");  // a byte order, to read eight bytes as one long: no I/O in it

    static final ArchRule DOMAIN_IS_PURE = classes()
            .that().resideInAPackage("io.tweetpipe.domain..")
            .should().onlyDependOnClassesThat(describe("are Java's core, Vavr or the domain's own",
                    (JavaClass type) -> type.getPackageName().startsWith("io.tweetpipe.domain")
                            || type.getPackageName().startsWith("io.vavr")
                            || ALLOWED_PACKAGES.contains(type.getPackageName())
                            || ALLOWED_CLASSES.contains(type.getName())
                            || type.isPrimitive() || type.isArray()))
            .because("the domain must stay pure: no Spark, twitter4j, Dagger, sockets, files or threads");
}
