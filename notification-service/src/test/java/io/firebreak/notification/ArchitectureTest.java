package io.firebreak.notification;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.firebreak.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainLogic = noClasses().that().resideInAPackage("..notification.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "io.firebreak.schemas..", "com.slack..");

    /** Avro types stay out of the web layer. */
    @ArchTest
    static final ArchRule avroStaysOutOfTheWeb = noClasses().that().resideInAPackage("..notification.web..")
            .should().dependOnClassesThat(resideInAnyPackage("io.firebreak.schemas.incident..",
                    "io.firebreak.schemas.paging..", "org.apache.kafka..", "com.slack.."));

    @ArchTest
    static final ArchRule webDoesNotUseJdbc = noClasses().that().resideInAPackage("..notification.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                    "org.springframework.transaction..")
            .because("controllers call readmodel repositories and engine services, which own SQL and transactions");

    @ArchTest
    static final ArchRule onlyDeliveryTalksToSlack = noClasses().that().resideOutsideOfPackage("..notification.delivery..")
            .and().resideOutsideOfPackage("..notification.config..")
            .and().resideOutsideOfPackage("..notification.slackapp..")
            .should().dependOnClassesThat().resideInAPackage("com.slack..")
            .because("Slack's SDK is reached by delivery (outbound) and slackapp (inbound, Bolt) only");

    @ArchTest
    static final ArchRule noCycles = slices().matching("io.firebreak.notification.(*)..").should().beFreeOfCycles();
}
