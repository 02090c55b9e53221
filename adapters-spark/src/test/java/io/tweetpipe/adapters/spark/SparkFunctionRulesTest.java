package io.tweetpipe.adapters.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.tweetpipe.adapters.spark.broken.SinkCapturingFunction;
import io.tweetpipe.adapters.spark.broken.ThreadHoldingReceiver;
import java.io.Serializable;
import org.apache.spark.streaming.receiver.Receiver;
import org.junit.jupiter.api.Test;

/**
 * STYLE's "Spark without leaking Spark", where it is made: what Spark ships (its function objects, the receiver)
 * holds only serializable values, and never a port or an adapter. Lambdas cannot be checked this way (their
 * captures are invisible in bytecode), which is why every function handed to Spark here is a named class.
 */
class SparkFunctionRulesTest {

    private static final DescribedPredicate<JavaClass> SHIPPED_TO_SPARK = DescribedPredicate.describe(
            "are shipped to Spark (a Spark function or a receiver)",
            type -> type.isAssignableTo(Receiver.class) || type.getAllRawInterfaces().stream()
                    .anyMatch(face -> face.getPackageName().equals("org.apache.spark.api.java.function")));

    /** A port whose contract is to be shipped: it is serializable itself and opens what it needs where it lands. */
    private static final DescribedPredicate<JavaClass> SHIPPABLE_PORT = DescribedPredicate.describe(
            "a port made to be shipped", type -> type.isInterface()
                    && type.getPackageName().equals("io.tweetpipe.application.port.out")
                    && type.getRawInterfaces().stream().anyMatch(face -> face.isEquivalentTo(Serializable.class)));

    private static final DescribedPredicate<JavaClass> SERIALIZABLE_VALUE = DescribedPredicate.describe(
            "a serializable value, not a port or an adapter",
            type -> SHIPPABLE_PORT.test(type) || (type.isPrimitive() || type.isAssignableTo(Serializable.class))
                    && !type.getPackageName().startsWith("io.tweetpipe.application")
                    && !type.getPackageName().startsWith("io.tweetpipe.adapters"));

    static final ArchRule SHIPPED_FIELDS_ARE_SERIALIZABLE_VALUES = fields()
            .that().areDeclaredInClassesThat(SHIPPED_TO_SPARK)
            .and().areNotStatic()
            .and().doNotHaveModifier(JavaModifier.TRANSIENT)
            .should().haveRawType(SERIALIZABLE_VALUE);

    @Test
    void whatTheAdapterShipsToSpark_holdsOnlySerializableValues() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tweetpipe.adapters.spark");

        SHIPPED_FIELDS_ARE_SERIALIZABLE_VALUES.check(production);
    }

    @Test
    void givenAFunctionHoldingAPortOrAReceiverHoldingAThread_theRule_reportsBoth() {
        JavaClasses broken = new ClassFileImporter()
                .importClasses(SinkCapturingFunction.class, ThreadHoldingReceiver.class);

        EvaluationResult result = SHIPPED_FIELDS_ARE_SERIALIZABLE_VALUES.evaluate(broken);

        String report = result.getFailureReport().toString();
        assertTrue(result.hasViolation(), report);
        assertTrue(report.contains("SinkCapturingFunction.sink") && report.contains("ThreadHoldingReceiver.reader"),
                report);
    }
}
