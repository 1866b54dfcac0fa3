package io.fleetdesk.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package rules of the design: nothing below the UI imports JavaFX; each layer only depends downwards. */
class LayerRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.fleetdesk");
    }

    @Test
    void nothingOutsideTheUiImportsJavafx() {
        noClasses().that().resideInAPackage("io.fleetdesk..").and().resideOutsideOfPackage("io.fleetdesk.ui..")
                .and().doNotHaveFullyQualifiedName("io.fleetdesk.Main")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("logic must be testable without a screen and reusable by a CLI (design section 2)")
                .check(classes);
    }

    @Test
    void theModelDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("io.fleetdesk.model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fleetdesk.oci..", "io.fleetdesk.poll..",
                        "io.fleetdesk.sim..", "io.fleetdesk.ui..", "io.fleetdesk.jdbc..", "io.fleetdesk.ops..",
                        "com.oracle.bmc..")
                .check(classes);
    }

    @Test
    void theSimulatorAndTheOciSourceOnlyUseTheModel() {
        noClasses().that().resideInAPackage("io.fleetdesk.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fleetdesk.oci..", "io.fleetdesk.poll..",
                        "io.fleetdesk.ui..", "io.fleetdesk.jdbc..", "io.fleetdesk.ops..", "com.oracle.bmc..")
                .because("the simulator must not share code with the client it stands in for")
                .check(classes);
        noClasses().that().resideInAPackage("io.fleetdesk.oci..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fleetdesk.sim..", "io.fleetdesk.poll..",
                        "io.fleetdesk.ui..", "io.fleetdesk.ops..")
                .check(classes);
    }

    @Test
    void thePollerDoesNotReachUpwards() {
        noClasses().that().resideInAPackage("io.fleetdesk.poll..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fleetdesk.sim..", "io.fleetdesk.ui..",
                        "io.fleetdesk.ops..", "com.oracle.bmc..")
                .because("the poller reaches OCI only through io.fleetdesk.oci's interfaces")
                .check(classes);
    }
}
