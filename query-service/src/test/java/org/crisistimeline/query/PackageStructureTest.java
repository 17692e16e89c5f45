package org.crisistimeline.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The query service's packages: features that do not import one another in a circle, nor the consumer. */
class PackageStructureTest {

    private static final JavaClasses QUERY_SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.crisistimeline.query");

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("org.crisistimeline.query.(*)..")
                .should()
                .beFreeOfCycles()
                .check(QUERY_SERVICE);
    }

    @Test
    void theConsumerKnowsNoFeatureAndNoFeatureKnowsTheConsumer() {
        noClasses()
                .that()
                .resideInAPackage("org.crisistimeline.query.projection..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.crisistimeline.query.actor..",
                        "org.crisistimeline.query.audit..",
                        "org.crisistimeline.query.crisis..",
                        "org.crisistimeline.query.incident..",
                        "org.crisistimeline.query.stream..",
                        "org.crisistimeline.query.timeline..")
                .check(QUERY_SERVICE);
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "org.crisistimeline.query.projection..", "org.crisistimeline.query.deadletter..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.crisistimeline.query.projection..")
                .check(QUERY_SERVICE);
    }
}
