package io.tracegate;

import io.tracegate.approval.interfaces.ApprovalScenarios;
import io.tracegate.approval.interfaces.ReleaseGateScenarios;
import io.tracegate.approval.interfaces.SigningFactorScenarios;
import io.tracegate.approval.interfaces.WaiverScenarios;
import io.tracegate.audit.interfaces.PackageScenarios;
import io.tracegate.evidence.interfaces.CrossCheckScenarios;
import io.tracegate.evidence.interfaces.DemoVerdictScenarios;
import io.tracegate.evidence.interfaces.EvidenceScenarios;
import io.tracegate.evidence.interfaces.NodeJunitScenarios;
import io.tracegate.identity.interfaces.IdentityScenarios;
import io.tracegate.identity.interfaces.TokenScenarios;
import io.tracegate.it.Api;
import io.tracegate.it.Deployment;
import io.tracegate.it.TestDatabase;
import io.tracegate.platform.health.ReadinessScenarios;
import io.tracegate.platform.openapi.OpenApiScenarios;
import io.tracegate.platform.persistence.DatabaseLossScenarios;
import io.tracegate.platform.security.AccessScenarios;
import io.tracegate.platform.web.HostileInputScenarios;
import io.tracegate.platform.web.ProblemJsonScenarios;
import io.tracegate.release.interfaces.ArtifactUploadScenarios;
import io.tracegate.release.interfaces.ModelAndReleaseScenarios;
import io.tracegate.release.interfaces.RecipeScenarios;
import io.tracegate.requirement.interfaces.BaselineScenarios;
import io.tracegate.requirement.interfaces.LocalRootScenarios;
import io.tracegate.trail.interfaces.AuditScenarios;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * Every integration scenario against one deployment: one Payara Micro start (≈20 s) serves them all, on a
 * freshly created PostgreSQL database and an empty data directory, in demo mode. The scenarios live in
 * interfaces beside the code they exercise; each creates its own data, so their order does not matter.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TracegateIT implements ModelAndReleaseScenarios, RecipeScenarios, ArtifactUploadScenarios, EvidenceScenarios,
        ApprovalScenarios, ProblemJsonScenarios, AccessScenarios, ReadinessScenarios, BaselineScenarios,
        IdentityScenarios, AuditScenarios, PackageScenarios, DatabaseLossScenarios, NodeJunitScenarios,
        OpenApiScenarios, DemoVerdictScenarios, CrossCheckScenarios, LocalRootScenarios, SigningFactorScenarios,
        ReleaseGateScenarios, HostileInputScenarios, WaiverScenarios, TokenScenarios {

    @ArquillianResource
    URL deployed;

    @org.jboss.arquillian.container.test.api.Deployment(testable = false)
    static WebArchive deployment() {
        TestDatabase.recreate(System.getProperty("tracegate.it.db", "tracegate_it"));
        Deployment.wipeDataDir();
        return Deployment.builtWar();
    }

    @Override
    public Api api() {
        return new Api(Deployment.localBase(deployed));
    }
}
