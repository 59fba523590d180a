package io.snapshotgateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Dependencies point one way: api → aggregation → cache → provider ← provider.vendor.product. */
class ArchitectureTests {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.snapshotgateway");

    @Test
    void theHttpEdgeNeverTouchesAVendor() {
        noClasses().that().resideInAPackage("..api..")
                .should().dependOnClassesThat().resideInAnyPackage("..provider.alibaba..", "..provider.huawei..",
                        "..simulator..")
                .check(CLASSES);
    }

    @Test
    void vendorsNeverImportEachOtherNorTheLayersAbove() {
        noClasses().that().resideInAPackage("..provider.alibaba.ecs..")
                .should().dependOnClassesThat().resideInAnyPackage("..provider.alibaba.eds..", "..provider.huawei..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..provider.alibaba.eds..")
                .should().dependOnClassesThat().resideInAnyPackage("..provider.alibaba.ecs..", "..provider.huawei..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..provider.huawei..")
                .should().dependOnClassesThat().resideInAnyPackage("..provider.alibaba..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..provider..")
                .should().dependOnClassesThat().resideInAnyPackage("..api..", "..aggregation..", "..cache..",
                        "..simulator..", "..health..")
                .check(CLASSES);
    }

    @Test
    void layersOnlyLookDown() {
        noClasses().that().resideInAPackage("..aggregation..")
                .should().dependOnClassesThat().resideInAnyPackage("..api..", "..simulator..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..cache..")
                .should().dependOnClassesThat().resideInAnyPackage("..api..", "..aggregation..", "..simulator..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("..problem..")
                .should().dependOnClassesThat().resideInAnyPackage("..api..", "..aggregation..", "..cache..",
                        "..provider..", "..simulator..")
                .check(CLASSES);
    }
}
