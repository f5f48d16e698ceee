package se.kurir.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The layout rules of STYLE.md, checked on every build. */
@AnalyzeClasses(packages = "se.kurir", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] DOMAIN = {"se.kurir.envelope..", "se.kurir.registry..", "se.kurir.policy..",
        "se.kurir.audit..", "se.kurir.payload..", "se.kurir.delivery..", "se.kurir.crypto..", "se.kurir.privacy..",
        "se.kurir.subscription..", "se.kurir.commit.."};

    @ArchTest
    static final ArchRule domainIsFreeOfCamelWebAndJms = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework.web..",
                    "jakarta.servlet..", "jakarta.jms..", "org.apache.activemq..", "com.hazelcast..")
            .because("domain packages reach infrastructure only through ports implemented in se.kurir.adapter");

    @ArchTest
    static final ArchRule camelLivesInAdapters = noClasses().that().resideOutsideOfPackage("se.kurir.adapter..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.camel..");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoAdapters = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("se.kurir.adapter..", "se.kurir.security..");

    @ArchTest
    static final ArchRule onlyTheApplicationInTheRootPackage = classes().that().resideInAPackage("se.kurir")
            .should().haveSimpleName("KurirApplication");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("se.kurir.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule adapterPackagesAreFreeOfCycles = slices().matching("se.kurir.adapter.(*)..")
            .should().beFreeOfCycles();

    /**
     * Each transport is a plug-in: it reaches another adapter package only through the pipeline's public entry
     * points ({@code PipelineIngress}, {@code MailboxChannel}, ...), so SHS, SDK or AS4 drop in beside the others.
     */
    @ArchTest
    static final ArchRule adaptersMeetOnlyAtThePipelinesEntryPoints = classes()
            .that().resideInAPackage("se.kurir.adapter.*..")
            .should(new ArchCondition<JavaClass>("reach other adapter packages only through the pipeline's public "
                    + "classes") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        String from = adapterPackage(origin);
                        String to = adapterPackage(target);
                        boolean entryPoint = to.equals("pipeline")
                                && target.getModifiers().contains(JavaModifier.PUBLIC);
                        if (to.isEmpty() || to.equals(from) || entryPoint) {
                            continue;
                        }
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            });

    /** {@code se.kurir.adapter.http.PushToEndpointProcessor} is in "http"; the adapter root and others in "". */
    private static String adapterPackage(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("se.kurir.adapter.")) {
            return "";
        }
        String rest = name.substring("se.kurir.adapter.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @ArchTest
    static final ArchRule noStandardStreamsOutsideCommandLineTools = noClasses().that()
            .resideOutsideOfPackage("se.kurir.tool..").should(ACCESS_STANDARD_STREAMS)
            .because("the gateway logs; only the command-line tools talk on standard streams");

    @ArchTest
    static final ArchRule noGenericExceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
