package io.firebreak.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.firebreak.support", importOptions = ImportOption.DoNotIncludeTests.class)
class SupportArchitectureTest {

    @ArchTest
    static final ArchRule knowsNoService = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "io.firebreak.command..", "io.firebreak.notification..", "io.firebreak.statuspage..",
            "io.firebreak.debrief..", "io.firebreak.deploy..", "io.firebreak.cli..")
            .because("service-support is infrastructure every service shares; it knows none of them");

    @ArchTest
    static final ArchRule knowsNoEventType = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "io.firebreak.schemas.incident..", "io.firebreak.schemas.paging..", "io.firebreak.schemas.debrief..")
            .because("no incident, page or debrief types: it moves events as SpecificRecords and bytes");
}
