package io.tracegate;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

@AnalyzeClasses(packages = "io.tracegate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src", "main", "java");

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
