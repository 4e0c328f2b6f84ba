package io.firebreak.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.firebreak.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoWebKafkaOrStorage = noClasses().that().resideInAPackage("..command.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.web..", "..command.messaging..",
                    "..command.readmodel..", "..command.store..", "org.springframework.web..",
                    "org.springframework.http..", "org.springframework.jdbc..", "org.apache.kafka..",
                    "reactor..")
            .because("the Incident's rules are plain logic, tested with Axon fixtures alone");

    @ArchTest
    static final ArchRule apiIsPlainData = noClasses().that().resideInAPackage("..command.api..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.domain..", "..command.web..",
                    "..command.messaging..", "..command.readmodel..", "org.springframework..");

    @ArchTest
    static final ArchRule avroStaysInMessaging = noClasses().that().resideOutsideOfPackage("..command.messaging..")
            .and().resideOutsideOfPackage("..command.config..")
            .should().dependOnClassesThat().resideInAPackage("io.firebreak.schemas.incident..")
            .because("the public Avro contract is mapped at the Kafka boundary; web returns DTOs, never Avro");

    @ArchTest
    static final ArchRule onlyMessagingTalksToKafka = noClasses().that().resideOutsideOfPackage("..command.messaging..")
            .and().resideOutsideOfPackage("..command.config..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..");

    @ArchTest
    static final ArchRule readModelDoesNotCallTheWeb = noClasses().that().resideInAPackage("..command.readmodel..")
            .should().dependOnClassesThat().resideInAPackage("..command.web..");

    @ArchTest
    static final ArchRule webDoesNotUseJdbc = noClasses().that().resideInAPackage("..command.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
            .because("web handlers call application services and repositories; SQL stays in readmodel and store");

    @ArchTest
    static final ArchRule noCycles = slices().matching("io.firebreak.command.(*)..").should().beFreeOfCycles();
}
