package io.firebreak.schemas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.firebreak.schemas", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule contractDependsOnNoFramework = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..")
            .because("downstream teams consume the schemas jar with Avro and kafka-clients alone");

    @ArchTest
    static final ArchRule onlyTheSerdeTouchesKafka = noClasses()
            .that().resideOutsideOfPackage("io.firebreak.schemas.serde..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
            .because("kafka-clients is optional: the catalogue must load without it");

    @ArchTest
    static final ArchRule noCycles = slices().matching("io.firebreak.schemas.(*)..").should().beFreeOfCycles();
}
