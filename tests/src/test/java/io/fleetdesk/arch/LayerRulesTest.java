package io.fleetdesk.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of design section 2: each package depends only on the packages its row lists,
 * nothing below the UI imports JavaFX, and no two packages depend on each other, even inside {@code ui}.
 */
class LayerRulesTest {
    /** Design section 2, "may depend on". {@code ui} may use everything; nothing may use {@code ui} or {@code cli}. */
    private static final Map<String, Set<String>> ALLOWED = new TreeMap<>(Map.of(
            "model", Set.of(),
            "oci", Set.of("model"),
            "jdbc", Set.of("model"),
            "poll", Set.of("model", "oci", "jdbc"),
            "ops", Set.of("model", "oci", "jdbc"),
            "sim", Set.of("model"),
            "app", Set.of("model", "oci", "jdbc", "poll", "ops", "sim"),
            "cli", Set.of("model", "oci", "jdbc", "poll", "ops", "sim", "app")));
    private static final List<String> ALL = List.of("model", "oci", "jdbc", "poll", "ops", "sim", "app", "cli", "ui");

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.fleetdesk");
    }

    static Stream<String> layers() {
        return ALLOWED.keySet().stream();
    }

    @ParameterizedTest(name = "{0} depends only on what design section 2 allows")
    @MethodSource("layers")
    void eachPackageDependsOnlyOnWhatTheDesignAllows(String layer) {
        String[] forbidden = ALL.stream().filter(p -> !p.equals(layer) && !ALLOWED.get(layer).contains(p))
                .map(p -> "io.fleetdesk." + p + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("io.fleetdesk." + layer + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("design section 2 lets " + layer + " depend on " + ALLOWED.get(layer) + " only")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("io.fleetdesk.(**)").should().beFreeOfCycles()
                .because("a cycle between packages means neither can be understood or moved alone")
                .check(classes);
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
    void onlyTheOciSourceAndTheSessionUseTheSdk() {
        noClasses().that().resideInAnyPackage("io.fleetdesk.model..", "io.fleetdesk.sim..", "io.fleetdesk.poll..",
                        "io.fleetdesk.jdbc..", "io.fleetdesk.ops..", "io.fleetdesk.ui..")
                .should().dependOnClassesThat().resideInAPackage("com.oracle.bmc..")
                .because("the poller and the workflows reach OCI only through io.fleetdesk.oci's interfaces, and the "
                        + "simulator must not share code with the client it stands in for")
                .check(classes);
    }
}
