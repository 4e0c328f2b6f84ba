package io.firebreak.statuspage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.firebreak.statuspage", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainLogic = noClasses().that().resideInAPackage("..statuspage.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "io.firebreak.schemas.incident..", "..statuspage.web..", "..statuspage.readmodel..");

    @ArchTest
    static final ArchRule avroStaysOutOfTheWeb = noClasses().that().resideInAPackage("..statuspage.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.firebreak.schemas.incident..", "org.apache.kafka..")
            .because("the public page renders the read model, never events");

    @ArchTest
    static final ArchRule webNeverQueriesTheDatabase = noClasses().that().resideInAPackage("..statuspage.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..",
                    "org.springframework.transaction..")
            .because("requests are served from the in-memory snapshot; the database is read in readmodel, off the"
                    + " event loop");

    @ArchTest
    static final ArchRule subscriberEndpointsNeverQueryTheDatabase = noClasses().that()
            .resideInAPackage("..statuspage.subscribers.web..").should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..",
                    "org.springframework.transaction..", "io.firebreak.schemas.incident..", "org.apache.kafka..")
            .because("the subscriber endpoints call storage on the blocking scheduler and never see events");

    @ArchTest
    static final ArchRule noCycles = slices().matching("io.firebreak.statuspage.(*)..").should().beFreeOfCycles();
}
