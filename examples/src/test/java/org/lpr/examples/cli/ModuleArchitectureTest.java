package org.lpr.examples.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries across the whole SDK (this module has every other on its class path): adapter
 * modules depend on lpr-core (and lpr-policy where they give access to stored data), never on each
 * other, and no package cycles anywhere.
 */
class ModuleArchitectureTest {
    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lpr");

    /** Adapter modules by package. */
    private static final List<String> ADAPTERS = List.of("org.lpr.onnx", "org.lpr.opencv", "org.lpr.flock", "org.lpr.ncic", "org.lpr.store");

    @Test
    void adapters_neverDependOnEachOther() {
        for (String adapter : ADAPTERS) {
            String[] others = ADAPTERS.stream().filter(a -> !a.equals(adapter)).map(a -> a + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .check(ALL);
        }
    }

    @Test
    void libraries_neverDependOnTheCommandLineOrBenchmarks() {
        noClasses().that().resideInAnyPackage("org.lpr.core..", "org.lpr.policy..", "org.lpr.onnx..", "org.lpr.opencv..",
                        "org.lpr.flock..", "org.lpr.ncic..", "org.lpr.store..", "org.lpr.synth..")
                .should().dependOnClassesThat().resideInAnyPackage("org.lpr.examples..", "org.lpr.benchmarks..")
                .check(ALL);
    }

    @Test
    void policy_dependsOnNoAdapter() {
        noClasses().that().resideInAPackage("org.lpr.policy..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS.stream().map(a -> a + "..").toArray(String[]::new))
                .allowEmptyShould(true)
                .check(ALL);
    }

    @Test
    void core_dependsOnNothingElseOfTheSdk() {
        noClasses().that().resideInAPackage("org.lpr.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.lpr.core..", "java..", "javax..", "org.slf4j..", "org.jspecify..")
                .check(ALL);
    }

    @Test
    void modules_haveNoPackageCycles() {
        slices().matching("org.lpr.(**)").should().beFreeOfCycles().check(ALL);
    }
}
