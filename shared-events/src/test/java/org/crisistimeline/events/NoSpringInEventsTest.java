package org.crisistimeline.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class NoSpringInEventsTest {

    @Test
    void eventContractsDependOnNeitherSpringNorAxon() {
        noClasses()
                .that()
                .resideInAPackage("org.crisistimeline.events..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.axonframework..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.crisistimeline.events"));
    }
}
