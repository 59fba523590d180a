package io.snapshotgateway.simulator;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The simulator stands on its own: a gateway bug must not be able to make the simulator agree with it. */
class SimulatorArchitectureTests {
    private static final JavaClasses SIMULATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.snapshotgateway.simulator");

    @Test
    void dependsOnNothingOfTheGateway() {
        // Over no classes the rule would hold whatever the code says.
        assertThat(SIMULATOR.contain(VendorSimulator.class)).isTrue();
        assertThat(SIMULATOR.contain(AlibabaRpcSimulator.class)).isTrue();
        noClasses().should().dependOnClassesThat(resideInAPackage("io.snapshotgateway..")
                .and(not(resideInAPackage("io.snapshotgateway.simulator..")))).check(SIMULATOR);
    }
}
