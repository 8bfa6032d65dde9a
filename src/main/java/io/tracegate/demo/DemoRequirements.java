package io.tracegate.demo;

import io.tracegate.platform.blob.Sha256;
import io.tracegate.requirement.domain.BaselineSource;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementDraft;
import io.tracegate.requirement.domain.RequirementFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Freezes the example project's requirements/ folder as the demo's baseline, through the same format plug-in as Git imports. */
final class DemoRequirements {

    private DemoRequirements() {
    }

    static RequirementBaseline baseline(DemoSource files, RequirementFormat markdown, String by, Instant at) {
        List<RequirementDraft> drafts = new ArrayList<>();
        MessageDigest tree = sha256();
        for (String path : files.list("requirements")) {
            byte[] bytes = read(files, path);
            String fileSha = Sha256.of(sha256().digest(bytes)).hex();
            tree.update((path + "\0" + fileSha + "\n").getBytes(StandardCharsets.UTF_8));
            if (markdown.supports(path)) {
                drafts.addAll(markdown.read(path, new java.io.ByteArrayInputStream(bytes), fileSha));
            }
        }
        return RequirementBaseline.freeze("Example ML safety requirements (demo)",
                BaselineSource.files("requirements/", Sha256.of(tree.digest()).hex()), drafts, by, at);
    }

    private static byte[] read(DemoSource files, String path) {
        try (InputStream in = files.open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
