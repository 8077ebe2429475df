package dev.supportgateway.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of architecture.md point inward: these rules fail the build when a module reaches
 * outward (the core into a technology, a channel into another channel, Lucene outside faq-index).
 */
class ArchitectureTest {

    private static JavaClasses gateway;

    @BeforeAll
    static void importProductionClasses() {
        gateway = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.supportgateway");
    }

    @Test
    void theCoreKnowsNoFrameworkAndNoOuterModule() {
        classes().that().resideInAPackage("dev.supportgateway.engine..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.supportgateway.engine..", "java..")
                .because("bot-engine is the core: JDK only, no Spring, Lucene, SQL or channel")
                .check(gateway);
    }

    @Test
    void luceneLivesOnlyInFaqIndex() {
        noClasses().that().resideOutsideOfPackage("dev.supportgateway.faq..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
                .because("search technology stays behind the HelpCenter port")
                .check(gateway);
    }

    @Test
    void springStaysInTheAdapters() {
        noClasses().that().resideInAnyPackage("dev.supportgateway.engine..", "dev.supportgateway.faq..", "dev.supportgateway.routing..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("the core, the index and routing are plain Java; Spring is wiring")
                .check(gateway);
    }

    @Test
    void innerModulesDoNotReachTheCompositionRootOrChannels() {
        noClasses().that().resideInAnyPackage("dev.supportgateway.engine..", "dev.supportgateway.faq..",
                        "dev.supportgateway.routing..", "dev.supportgateway.channels..")
                .should().dependOnClassesThat().resideInAPackage("dev.supportgateway.infra..")
                .check(gateway);
        noClasses().that().resideInAnyPackage("dev.supportgateway.faq..", "dev.supportgateway.routing..")
                .should().dependOnClassesThat().resideInAPackage("dev.supportgateway.channels..")
                .check(gateway);
    }

    @Test
    void faqIndexAndRoutingDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("dev.supportgateway.faq..")
                .should().dependOnClassesThat().resideInAPackage("dev.supportgateway.routing..")
                .check(gateway);
        noClasses().that().resideInAPackage("dev.supportgateway.routing..")
                .should().dependOnClassesThat().resideInAPackage("dev.supportgateway.faq..")
                .check(gateway);
    }

    @Test
    void channelsDoNotKnowEachOther() {
        slices().matching("dev.supportgateway.channels.(*)..")
                .should().notDependOnEachOther()
                .allowEmptyShould(true)
                .check(gateway);
    }
}
