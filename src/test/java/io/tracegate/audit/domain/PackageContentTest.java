package io.tracegate.audit.domain;

import io.tracegate.audit.infrastructure.SyntheticPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A package's stored files are read before its content, in a transaction of their own: the content must name
 * exactly those files, or the report would list what the ZIP lacks.
 */
class PackageContentTest {

    @TempDir
    Path dir;

    @Test
    void contentReadOverTheSameStoredFilesFitsThem() throws IOException {
        List<SourceFile> files = SyntheticPackage.files(dir);
        assertThat(SyntheticPackage.content(files).storedFilesDifferFrom(files)).isEmpty();
    }

    @Test
    void evidenceUploadedAfterTheFilesWereReadIsADifferenceNamingIt() throws IOException {
        List<SourceFile> files = SyntheticPackage.files(dir);
        PackageContent content = SyntheticPackage.content(files);
        List<SourceFile> fewer = files.subList(0, 1);
        assertThat(content.storedFilesDifferFrom(fewer)).hasValueSatisfying(why -> assertThat(why)
                .contains("2 listed now, 1 when writing began").contains(files.get(1).path())
                .contains("ask for the package again"));
    }

    @Test
    void aFileWhoseBytesAreNotTheListedOnesIsADifference() throws IOException {
        List<SourceFile> files = SyntheticPackage.files(dir);
        PackageContent content = SyntheticPackage.content(files);
        SourceFile evidence = files.get(1);
        List<SourceFile> replaced = new ArrayList<>(files);
        replaced.set(1, new SourceFile(evidence.path(), evidence.role(), evidence.originalName(), evidence.location(),
                "0".repeat(64), evidence.size(), Instant.EPOCH));
        assertThat(content.storedFilesDifferFrom(replaced)).hasValueSatisfying(why -> assertThat(why)
                .contains(evidence.path()));
    }

    @Test
    void theSameFilesInAnotherOrderAreADifference() throws IOException {
        List<SourceFile> files = SyntheticPackage.files(dir);
        PackageContent content = SyntheticPackage.content(files);
        assertThat(content.storedFilesDifferFrom(List.of(files.get(1), files.get(0)))).isPresent();
    }
}
