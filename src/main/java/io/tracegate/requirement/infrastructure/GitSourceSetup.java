package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.RequirementFormat;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;

/**
 * Places the Git mirrors under the data directory and hands the source every requirement format plug-in and
 * the container's executor to parse on.
 */
@ApplicationScoped
public class GitSourceSetup {

    @Inject
    @ConfigProperty(name = "tracegate.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "tracegate.git.max-files", defaultValue = "50000")
    int maxFiles;

    @Inject
    @Any
    Instance<RequirementFormat> formats;

    /** The container's default managed executor: requirement files are parsed on it. */
    @Resource
    ManagedExecutorService executor;

    @Produces
    @Singleton
    GitRequirementSource gitRequirementSource() {
        GitLimits defaults = GitLimits.defaults();
        return new GitRequirementSource(Path.of(dataDir, "git"), formats.stream().toList(),
                new GitLimits(maxFiles, defaults.maxFileBytes(), defaults.maxTotalBytes()), executor,
                Math.min(4, Runtime.getRuntime().availableProcessors()));
    }
}
