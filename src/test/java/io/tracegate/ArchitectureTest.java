package io.tracegate;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.Architectures;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

@AnalyzeClasses(packages = "io.tracegate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src", "main", "java");

    /**
     * The concepts as floors of one house, lowest first: each may use only the concepts below it. Where a
     * lower concept needs to know something of a higher one, it owns a small port that the higher one
     * implements (see the README's Architecture section).
     */
    private static final List<String> CONCEPTS_BOTTOM_UP = List.of("platform", "trail", "identity", "release",
            "requirement", "evidence", "diagnostics", "approval", "audit", "demo");

    /**
     * The evidence formats, each a plug-in in a package of its own under {@value #EVIDENCE_ADAPTERS}, found by
     * {@code EvidenceFormatChooser} through CDI. Beside them lie {@code input} (bounded reading they share) and
     * {@code jpa} (persistence).
     */
    private static final List<String> EVIDENCE_FORMATS = List.of("junit", "kpi", "trtexec", "onnx");
    private static final String EVIDENCE_ADAPTERS = "io.tracegate.evidence.infrastructure";

    @ArchTest
    void domainDependsOnNoWebGitPdfJdbcOrServletTypes(JavaClasses classes) {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.eclipse.jgit..",
                        "org.apache.pdfbox..", "java.sql..", "javax.sql..", "jakarta.servlet..")
                .check(classes);
    }

    @ArchTest
    void domainDependsOnNoOuterLayer(JavaClasses classes) {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..application..", "..infrastructure..",
                        "..interfaces..")
                .check(classes);
    }

    @ArchTest
    void applicationDependsOnNeitherJaxRsNorTheInterfacesLayer(JavaClasses classes) {
        noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "..interfaces..")
                .check(classes);
    }

    @ArchTest
    void applicationUsesNoInfrastructureButPortsInTheDomain(JavaClasses classes) {
        noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAPackage("..infrastructure..")
                .check(classes);
    }

    @ArchTest
    void eachConceptUsesOnlyTheConceptsBelowIt(JavaClasses classes) {
        Architectures.LayeredArchitecture house = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (String concept : CONCEPTS_BOTTOM_UP) {
            house = house.layer(concept).definedBy("io.tracegate." + concept + "..");
        }
        for (int floor = 0; floor < CONCEPTS_BOTTOM_UP.size(); floor++) {
            String[] above = CONCEPTS_BOTTOM_UP.subList(floor + 1, CONCEPTS_BOTTOM_UP.size()).toArray(String[]::new);
            String concept = CONCEPTS_BOTTOM_UP.get(floor);
            house = above.length == 0
                    ? house.whereLayer(concept).mayNotBeAccessedByAnyLayer()
                    : house.whereLayer(concept).mayOnlyBeAccessedByLayers(above);
        }
        house.check(classes);
    }

    @ArchTest
    void theConceptsFormNoCycle(JavaClasses classes) {
        slices().matching("io.tracegate.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * Within evidence, a format uses only the evidence domain, the shared {@code input} package and itself: no
     * other format, no persistence, no use case. The shared {@code input} package uses only the domain, so it
     * cannot grow a dependency on one format that the others would inherit. A format is added or removed as one
     * package.
     */
    @ArchTest
    void evidenceFormatsUseOnlyTheEvidenceDomainAndTheSharedInputNeverEachOther(JavaClasses classes) {
        List<ArchRule> rules = new ArrayList<>();
        for (String format : EVIDENCE_FORMATS) {
            rules.add(evidencePackageUsesOnly(format, "io.tracegate.evidence.domain..", EVIDENCE_ADAPTERS + ".input..",
                    EVIDENCE_ADAPTERS + "." + format + ".."));
        }
        rules.add(evidencePackageUsesOnly("input", "io.tracegate.evidence.domain..", EVIDENCE_ADAPTERS + ".input.."));
        CompositeArchRule.of(rules).check(classes);
    }

    @ArchTest
    void theEvidenceAdaptersFormNoCycle(JavaClasses classes) {
        slices().matching(EVIDENCE_ADAPTERS + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    private static ArchRule evidencePackageUsesOnly(String subPackage, String... allowed) {
        return noClasses().that().resideInAPackage(EVIDENCE_ADAPTERS + "." + subPackage + "..")
                .should().dependOnClassesThat(resideInAPackage("io.tracegate.evidence..").and(not(resideInAnyPackage(allowed)))
                        .as("lie in evidence outside " + String.join(", ", allowed)));
    }

    @ArchTest
    void everyHttpEndpointDeclaresWhoMayCallIt(JavaClasses classes) {
        methods().that(are(publicHttpEndpoints()))
                .should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .check(classes);
    }

    @ArchTest
    void everyPublicMethodOfAStatelessUseCaseDeclaresItsRoles(JavaClasses classes) {
        methods().that().arePublic()
                .and().areDeclaredInClassesThat().resideInAPackage("..application..")
                .and().areDeclaredInClassesThat().areAnnotatedWith(Stateless.class)
                .should().beAnnotatedWith(RolesAllowed.class)
                .check(classes);
    }

    @ArchTest
    void noPackageIsAGrabBagNamedUtilHelperCommonOrManager(JavaClasses classes) {
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..helper..", "..helpers..", "..common..",
                        "..manager..")
                .check(classes);
    }

    @ArchTest
    void everyPackageWithClassesHasAPackageInfo(JavaClasses classes) {
        Set<String> packages = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            packages.add(javaClass.getPackageName());
        }
        assertThat(packages).as("packages imported").contains("io.tracegate.release.domain");

        List<String> withoutPackageInfo = packages.stream()
                .filter(name -> !Files.isRegularFile(SOURCES.resolve(name.replace('.', '/')).resolve("package-info.java")))
                .toList();

        assertThat(withoutPackageInfo).isEmpty();
    }

    @ArchTest
    void everySourceDirectoryWithJavaFilesHasAPackageInfo(JavaClasses classes) throws Exception {
        List<Path> withoutPackageInfo;
        try (Stream<Path> dirs = Files.walk(SOURCES.resolve("io/tracegate"))) {
            withoutPackageInfo = dirs.filter(Files::isDirectory)
                    .filter(ArchitectureTest::holdsJavaFiles)
                    .filter(dir -> !Files.isRegularFile(dir.resolve("package-info.java")))
                    .toList();
        }

        assertThat(classes.containPackage("io.tracegate")).isTrue();
        assertThat(withoutPackageInfo).isEmpty();
    }

    private static boolean holdsJavaFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DescribedPredicate<JavaMethod> are(DescribedPredicate<JavaMethod> predicate) {
        return predicate;
    }

    private static DescribedPredicate<JavaMethod> publicHttpEndpoints() {
        List<Class<? extends java.lang.annotation.Annotation>> httpMethods =
                List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class);
        return DescribedPredicate.describe("public JAX-RS resource methods under ..interfaces..",
                method -> method.getModifiers().contains(JavaModifier.PUBLIC)
                        && method.getOwner().getPackageName().contains(".interfaces")
                        && httpMethods.stream().anyMatch(method::isAnnotatedWith));
    }
}
