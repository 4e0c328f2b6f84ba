package io.firebreak.debrief;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.firebreak.debrief", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainLogic = noClasses().that().resideInAPackage("..debrief.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "io.firebreak.schemas..", "..debrief.web..", "..debrief.readmodel..", "..debrief.messaging..");

    @ArchTest
    static final ArchRule avroStaysOutOfTheWeb = noClasses().that().resideInAPackage("..debrief.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.firebreak.schemas.incident..",
                    "io.firebreak.schemas.debrief..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule noJdbcInTheWeb = noClasses().that().resideInAPackage("..debrief.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
            .because("controllers call readmodel repositories, which return typed records");

    @ArchTest
    static final ArchRule noCycles = slices().matching("io.firebreak.debrief.(*)..").should().beFreeOfCycles();
}
