package io.snapshotgateway;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point one way: api → aggregation → cache → provider ← provider.vendor.product. */
class ArchitectureTests {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.snapshotgateway");

    private static final ArchRule API_NEVER_TOUCHES_A_VENDOR = noClasses().that().resideInAPackage("..api..")
            .should().dependOnClassesThat().resideInAnyPackage("io.snapshotgateway.provider.alibaba..",
                    "io.snapshotgateway.provider.huawei..",
                    "..simulator..");

    @Test
    void theHttpEdgeNeverTouchesAVendor() {
        API_NEVER_TOUCHES_A_VENDOR.check(CLASSES);
    }

    @Test
    void theRulesCatchAViolation() {
        JavaClasses leaky = new ClassFileImporter().importPackages("io.snapshotgateway.archfixture");
        assertThatThrownBy(() -> API_NEVER_TOUCHES_A_VENDOR.check(leaky))
                .hasMessageContaining("LeakyResource").hasMessageContaining("EcsSnapshotProvider");
    }

    @Test
    void vendorsNeverImportEachOtherNorTheLayersAbove() {
        noClasses().that().resideInAPackage("..provider.alibaba.ecs..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.snapshotgateway.provider.alibaba.eds..", "io.snapshotgateway.provider.huawei..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..provider.alibaba.eds..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.snapshotgateway.provider.alibaba.ecs..", "io.snapshotgateway.provider.huawei..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..provider.huawei..")
                .should().dependOnClassesThat().resideInAnyPackage("io.snapshotgateway.provider.alibaba..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..provider..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.snapshotgateway.api..", "io.snapshotgateway.aggregation..",
                        "io.snapshotgateway.inventory..",
                        "..simulator..", "io.snapshotgateway.health..")
                .check(CLASSES);
    }

    /**
     * The vendor HTTP helpers (provider.support) and the vendor packages are for adapters: the layers above see the
     * provider SPI only, so an adapter can change its wire details without touching them.
     */
    @Test
    void onlyAdaptersUseTheVendorHelpers() {
        noClasses().that().resideInAnyPackage("..api..", "..aggregation..", "..inventory..", "..access..",
                "..health..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.snapshotgateway.provider.support..", "io.snapshotgateway.provider.alibaba..",
                        "io.snapshotgateway.provider.huawei..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.snapshotgateway.provider")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.snapshotgateway.provider.support..", "io.snapshotgateway.provider.alibaba..",
                        "io.snapshotgateway.provider.huawei..")
                .check(CLASSES);
    }

    @Test
    void layersOnlyLookDown() {
        noClasses().that().resideInAPackage("..aggregation..")
                .should().dependOnClassesThat().resideInAnyPackage("io.snapshotgateway.api..", "..simulator..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..inventory..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.snapshotgateway.api..", "io.snapshotgateway.aggregation..", "..simulator..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("..problem..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.snapshotgateway.api..", "io.snapshotgateway.aggregation..",
                        "io.snapshotgateway.inventory..",
                        "io.snapshotgateway.provider..", "..simulator..")
                .check(CLASSES);
    }

    /**
     * The vendor simulator is a module of its own, on this class path only as a provided dependency (dev mode and
     * tests): the gateway must not need it, and it must not lean on the gateway's signers or parsers.
     */
    @Test
    void theGatewayAndTheSimulatorNeverDependOnEachOther() {
        noClasses().that().resideOutsideOfPackage("io.snapshotgateway.simulator..")
                .should().dependOnClassesThat().resideInAPackage("io.snapshotgateway.simulator..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.snapshotgateway.simulator..")
                .should().dependOnClassesThat(resideInAPackage("io.snapshotgateway..")
                        .and(not(resideInAPackage("io.snapshotgateway.simulator.."))))
                .check(CLASSES);
    }

    /** ProblemMappers answers every JAX-RS 405 with Allow: GET, HEAD, OPTIONS: true while every resource only reads. */
    @Test
    void everyPublicResourceOnlyReads() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("..provider..")
                .and().arePublic()
                .should().beAnnotatedWith(GET.class)
                .check(CLASSES);
    }
}
