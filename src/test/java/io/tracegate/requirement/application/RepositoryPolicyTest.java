package io.tracegate.requirement.application;

import io.tracegate.platform.failure.InvalidInput;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryPolicyTest {

    private final RepositoryPolicy policy = new RepositoryPolicy(List.of(Path.of("/srv/requirements")),
            List.of("git.example.com", " *.alm.example.org "));

    @Test
    void remoteRepositoriesAreFetchedOnlyFromTheListedHosts() {
        assertThat(policy.check("https://git.example.com/safety/reqs.git")).isEqualTo("https://git.example.com/safety/reqs.git");
        assertThat(policy.check("ssh://git@eu.alm.example.org:22/reqs.git")).startsWith("ssh://");
        assertThat(policy.check("git@GIT.example.com:safety/reqs.git")).startsWith("git@");
        for (String refused : List.of("https://169.254.169.254/latest", "http://localhost:8080/x.git",
                "https://git.example.com.evil.test/x.git", "https://alm.example.org/x.git", "git@intranet:reqs.git")) {
            assertThatThrownBy(() -> policy.check(refused)).as(refused).isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("tracegate.git.remote-hosts");
        }
    }

    @Test
    void withoutConfiguredHostsNoRemoteRepositoryIsFetched() {
        RepositoryPolicy closed = new RepositoryPolicy(List.of(), List.of(" "));
        assertThatThrownBy(() -> closed.check("https://github.com/x/y.git")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("github.com is not one of them");
        assertThat(new RepositoryPolicy(List.of(), List.of("*")).check("https://github.com/x/y.git")).isNotNull();
    }

    @Test
    void localRepositoriesOnlyUnderTheRoots() {
        assertThat(policy.check("/srv/requirements/front/../front")).isEqualTo("/srv/requirements/front");
        assertThatThrownBy(() -> policy.check("/srv/requirements/../etc")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("tracegate.git.local-roots").as("the server's folders stay unnamed")
                .hasMessageNotContaining("/srv").hasMessageNotContaining("/etc");
        assertThatThrownBy(() -> policy.check("relative/path")).isInstanceOf(InvalidInput.class);
    }
}
