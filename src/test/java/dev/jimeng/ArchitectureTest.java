package dev.jimeng;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package arrows of README's "Architecture" line, checked on the compiled main classes: {@code
 * cli | shell | panel → app → job → api → sign}, with the journal, requests, the capability table and
 * the leaf packages below the engine, and the sandbox as an independent server. A build fails when
 * an import points the wrong way, instead of the layering eroding one convenient import at a time.
 */
@AnalyzeClasses(packages = "dev.jimeng", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Packages that depend on nothing of jimeng's but each other (and the JDK and libraries). */
    private static final String[] LEAVES = {
        "dev.jimeng.config..",
        "dev.jimeng.mode..",
        "dev.jimeng.json..",
        "dev.jimeng.text..",
        "dev.jimeng.time..",
        "dev.jimeng.mp4.."
    };

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Main")
            .definedBy("dev.jimeng")
            .layer("Shell")
            .definedBy("dev.jimeng.shell..")
            .layer("Cli")
            .definedBy("dev.jimeng.cli..")
            .layer("Panel")
            .definedBy("dev.jimeng.panel..")
            .layer("Doctor")
            .definedBy("dev.jimeng.doctor..")
            .layer("Mcp")
            .definedBy("dev.jimeng.mcp..")
            .layer("App")
            .definedBy("dev.jimeng.app..")
            .layer("View")
            .definedBy("dev.jimeng.view..")
            .layer("Job")
            .definedBy("dev.jimeng.job..")
            .layer("Store")
            .definedBy("dev.jimeng.store..")
            .layer("Request")
            .definedBy("dev.jimeng.request..")
            .layer("Api")
            .definedBy("dev.jimeng.api..")
            .layer("Sign")
            .definedBy("dev.jimeng.sign..")
            .layer("Sandbox")
            .definedBy("dev.jimeng.sandbox..")
            .layer("Preview")
            .definedBy("dev.jimeng.preview..")
            .layer("Gallery")
            .definedBy("dev.jimeng.gallery..")
            .layer("Metadata")
            .definedBy("dev.jimeng.metadata..")
            .layer("Story")
            .definedBy("dev.jimeng.story..")
            .layer("Leaves")
            .definedBy(LEAVES)
            // who may use whom: every arrow points down
            .whereLayer("Main")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Shell")
            .mayOnlyBeAccessedByLayers("Main")
            .whereLayer("Cli")
            .mayOnlyBeAccessedByLayers("Main", "Shell")
            .whereLayer("Panel")
            .mayOnlyBeAccessedByLayers("Cli", "Shell")
            .whereLayer("Doctor")
            .mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Mcp") // launched from cli (jimeng mcp, jimeng schema); it knows no terminal UI
            .mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("App")
            .mayOnlyBeAccessedByLayers("Main", "Cli", "Shell", "Panel", "Doctor", "Mcp")
            .whereLayer("View")
            .mayOnlyBeAccessedByLayers("Cli", "Shell", "Panel", "Mcp", "Gallery")
            .whereLayer("Job") // Main sizes the HTTP read buffers before any client exists
            .mayOnlyBeAccessedByLayers(
                    "Main", "Cli", "Shell", "Panel", "Mcp", "App", "View", "Doctor", "Gallery", "Metadata")
            .whereLayer("Store")
            .mayOnlyBeAccessedByLayers(
                    "Cli", "Shell", "Panel", "Mcp", "App", "View", "Job", "Doctor", "Gallery", "Metadata")
            .whereLayer("Request")
            .mayOnlyBeAccessedByLayers(
                    "Cli",
                    "Shell",
                    "Panel",
                    "Mcp",
                    "App",
                    "View",
                    "Job",
                    "Store",
                    "Doctor",
                    "Gallery",
                    "Metadata",
                    "Story")
            .whereLayer("Api")
            .mayOnlyBeAccessedByLayers("Cli", "App", "Job", "Request", "Doctor")
            .whereLayer("Sign")
            .mayOnlyBeAccessedByLayers("Api", "Sandbox")
            .whereLayer("Sandbox")
            .mayOnlyBeAccessedByLayers("Cli", "App")
            // what the lower layers may use
            .whereLayer("Doctor")
            .mayOnlyAccessLayers("App", "Job", "Store", "Request", "Api", "Leaves")
            .whereLayer("Mcp")
            .mayOnlyAccessLayers("App", "View", "Job", "Store", "Request", "Leaves")
            .whereLayer("View")
            .mayOnlyAccessLayers("Job", "Store", "Request", "Leaves")
            .whereLayer("Job")
            .mayOnlyAccessLayers("Store", "Request", "Api", "Leaves")
            .whereLayer("Store")
            .mayOnlyAccessLayers("Request", "Leaves")
            .whereLayer("Request")
            .mayOnlyAccessLayers("Api", "Leaves")
            .whereLayer("Api")
            .mayOnlyAccessLayers("Sign", "Leaves")
            .whereLayer("Sign")
            .mayOnlyAccessLayers("Leaves")
            .whereLayer("Sandbox")
            .mayOnlyAccessLayers("Sign", "Leaves")
            .whereLayer("Preview") // pure rendering: JCodec and the JDK only
            .mayNotAccessAnyLayer()
            .whereLayer("Preview")
            .mayOnlyBeAccessedByLayers("Cli", "Shell", "Panel", "App")
            .whereLayer("Gallery") // pages of jobs: formatting, like view, for a browser
            .mayOnlyAccessLayers("View", "Job", "Store", "Request", "Leaves")
            .whereLayer("Gallery")
            .mayOnlyBeAccessedByLayers("Cli", "Shell", "Panel", "App")
            .whereLayer("Metadata") // the sidecar next to each video
            .mayOnlyAccessLayers("Job", "Store", "Request", "Leaves")
            .whereLayer("Metadata")
            .mayOnlyBeAccessedByLayers("Cli", "Shell", "Panel", "App")
            .whereLayer("Story") // storyboards read and planned; the command sends them
            .mayOnlyAccessLayers("Request", "Leaves")
            .whereLayer("Story")
            .mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Leaves")
            .mayNotAccessAnyLayer();

    @ArchTest
    static final ArchRule nothingBelowTheUiUsesTheUi = noClasses()
            .that()
            .resideOutsideOfPackages("dev.jimeng", "dev.jimeng.cli..", "dev.jimeng.shell..", "dev.jimeng.panel..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.jimeng.cli..", "dev.jimeng.shell..", "dev.jimeng.panel..")
            .because("the engine and everything below it must run without a user interface");

    @ArchTest
    static final ArchRule nothingUsesMain = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(Main.class.getName())
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(Main.class)
            .because("Main only wires the process; nothing may call back into it");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("dev.jimeng.(*)..").should().beFreeOfCycles();
}
