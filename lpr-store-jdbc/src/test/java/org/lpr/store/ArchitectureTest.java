package org.lpr.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses STORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.lpr.store");

    @Test
    void storeIsPlainStorage_notDependingOnPolicyOrOtherAdapters() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.lpr.policy..", "org.lpr.onnx..", "org.lpr.opencv..",
                "org.lpr.flock..", "org.lpr.ncic..", "org.lpr.synth..").check(STORE);
    }

    @Test
    void onlyTheEntryPointIsPublic() {
        classes().that().arePublic().should().haveSimpleName("JdbcReadStore").orShould().haveSimpleName("Builder").check(STORE);
    }
}
