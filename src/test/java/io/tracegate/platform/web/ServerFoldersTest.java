package io.tracegate.platform.web;

import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.UploadRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerFoldersTest {

    @TempDir
    Path temp;

    @Test
    void aServerFolderAndEverythingBelowItAreHiddenWhereverTheyStand() {
        ServerFolders folders = new ServerFolders(List.of("/srv/tracegate", "/var/lib/git-roots/"));

        assertThat(folders.hide("cannot read /srv/tracegate/blobs/sha256/ab/cd/abcd: No space left on device"))
                .isEqualTo("cannot read [server folder]: No space left on device");
        assertThat(folders.hide("'/var/lib/git-roots/team/.git/objects/pack/x.pack' (truncated), and /srv/tracegate"))
                .isEqualTo("'[server folder]' (truncated), and [server folder]");
    }

    @Test
    void pathsOfTheApiAndOfRepositoriesAndLookalikeFoldersAreKept() {
        ServerFolders folders = new ServerFolders(List.of("/srv/tracegate", "/", "relative/folder"));

        for (String kept : List.of("see /api/releases/2/artifacts", "requirements/perception/MLR-X.md: line 3",
                "/srv/tracegate-other/x", "relative/folder/file.md")) {
            assertThat(folders.hide(kept)).isEqualTo(kept);
        }
    }

    @Test
    void aFolderReachedThroughALinkIsHiddenInBothSpellings() throws Exception {
        Path real = Files.createDirectories(temp.resolve("real-data"));
        Path link = Files.createSymbolicLink(temp.resolve("data-link"), real);
        ServerFolders folders = new ServerFolders(List.of(link.toString()));

        assertThat(folders.hide(link + "/blobs and " + real + "/blobs")).isEqualTo("[server folder] and [server folder]");
    }

    @Test
    void aRefusalWhoseMessageNamesTheTempFolderIsAnsweredWithoutIt() {
        String tmp = System.getProperty("java.io.tmpdir");
        String detail = FailureMapper.detailOf(new UploadRejected(UploadRejected.Reason.TRUNCATED, "body",
                "the upload broke off: " + Path.of(tmp, "reqif-1.part") + ": No space left on device"));

        assertThat(detail).isEqualTo("the upload broke off: [server folder]: No space left on device");
        assertThat(FailureMapper.detailOf(new InvalidInput("x", "unchanged"))).isEqualTo("unchanged");
    }
}
