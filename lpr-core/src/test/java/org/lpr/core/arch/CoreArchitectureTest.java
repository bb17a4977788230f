package org.lpr.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** lpr-core stays free of native libraries, HTTP clients, database drivers and the other modules. */
class CoreArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lpr.core");

    @Test
    void core_dependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.lpr.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.lpr.policy..", "org.lpr.synth..", "org.lpr.onnx..", "org.lpr.opencv..", "org.lpr.flock..",
                        "org.lpr.ncic..", "org.lpr.store..", "org.lpr.benchmarks..", "org.lpr.examples..")
                .check(CORE);
    }

    @Test
    void core_dependsOnNoNativeLibraryHttpClientOrDatabaseDriver() {
        noClasses().that().resideInAPackage("org.lpr.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "ai.onnxruntime..", "org.opencv..", "nu.pattern..",
                        "java.sql..", "javax.sql..", "org.sqlite..", "org.postgresql..",
                        "java.net.http..", "com.sun.net.httpserver..", "okhttp3..", "org.apache.http..", "org.apache.hc..",
                        "com.fasterxml.jackson..")
                .check(CORE);
    }

    @Test
    void core_hasNoPackageCycles() {
        slices().matching("org.lpr.(**)").should().beFreeOfCycles().check(CORE);
    }
}
