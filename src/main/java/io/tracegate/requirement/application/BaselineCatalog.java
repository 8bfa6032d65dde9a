package io.tracegate.requirement.application;

import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.platform.paging.Page;
import io.tracegate.release.domain.ArtifactFileName;
import io.tracegate.requirement.domain.BaselineDiff;
import io.tracegate.requirement.domain.BaselineSource;
import io.tracegate.requirement.domain.Requirement;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementBaselines;
import io.tracegate.requirement.domain.RequirementDraft;
import io.tracegate.requirement.domain.RequirementFormat;
import io.tracegate.requirement.domain.RequirementId;
import io.tracegate.requirement.domain.RequirementSource;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
import io.tracegate.trail.domain.AuditValues;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ANY_ROLE;
import static io.tracegate.platform.security.Roles.SAFETY_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/** Importing requirement baselines and reading them back; a baseline is stored whole or not at all. */
@Stateless
public class BaselineCatalog {

    @Inject
    RequirementBaselines baselines;

    @Inject
    RequirementSource git;

    @Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<RequirementFormat> formats;

    @Inject
    @ConfigProperty(name = "tracegate.git.local-roots", defaultValue = " ")
    String localRoots;

    @Inject
    @ConfigProperty(name = "tracegate.git.remote-hosts", defaultValue = " ")
    String remoteHosts;

    @Inject
    AuditTrail trail;

    @Resource
    SessionContext caller;

    private static final Logger LOG = Logger.getLogger(BaselineCatalog.class.getName());
    private static final int MAX_DIRECTORY = 150;

    /**
     * Fetches the repository, reads the requirement files at the ref and freezes them as a baseline. A
     * repository imported before is read incrementally: only files the Git diff names are parsed again, and
     * the new baseline shares the stored rows of every other requirement with the previous one.
     */
    @RolesAllowed({SAFETY_ENGINEER, SAFETY_MANAGER, ADMIN})
    public RequirementBaseline importFromGit(GitImportRequest request) {
        RepositoryPolicy policy = policy();
        String repository = policy.check(request.repository());
        policy.confine(repository, git);
        String ref = request.ref() == null || request.ref().isBlank() ? "main" : request.ref().trim();
        String directory = directoryOf(request.directory());
        long start = System.nanoTime();
        RequirementSource.Snapshot snapshot = git.fetch(repository, ref);
        long fetched = System.nanoTime();
        Optional<RequirementSource.Previous> previous = baselines.latestFrom(BaselineSource.Kind.GIT, repository)
                .filter(b -> directory.equals(b.source().ref() == null ? "" : directoryIn(b)))
                .map(b -> new RequirementSource.Previous(b.source().revision(), baselines.membersOf(b.id())));
        RequirementSource.Read read = git.read(snapshot, directory, previous);
        RequirementBaseline frozen = RequirementBaseline.freeze(request.name(),
                BaselineSource.git(repository, ref + (directory.isEmpty() ? "" : ":" + directory), snapshot.commitId()),
                read.drafts(), read.carried(), caller.getCallerPrincipal().getName(), Instant.now());
        long checked = System.nanoTime();
        long id = baselines.add(frozen);
        long stored = System.nanoTime();
        LOG.info(() -> String.format("Baseline %d from %s: %d requirements, %d read from %s, %d carried over; "
                        + "fetch %d ms, read and check %d ms, store %d ms", id, repository, frozen.size(),
                read.drafts().size(), previous.isPresent() ? read.touched().size() + " changed files" : "every file",
                read.carried().size(), (fetched - start) / 1_000_000, (checked - fetched) / 1_000_000,
                (stored - checked) / 1_000_000));
        RequirementBaseline result = stored(id);
        recordImport(result);
        return result;
    }

    /**
     * Imports a ReqIF export ({@code .reqif} or zipped {@code .reqifz}) as a baseline. The file is kept
     * only as its SHA-256 in the baseline's source; its content lives on in the requirements.
     */
    @RolesAllowed({SAFETY_ENGINEER, SAFETY_MANAGER, ADMIN})
    public RequirementBaseline importFromReqif(String fileName, String name, InputStream body) {
        if (fileName == null || fileName.isBlank() || fileName.length() > 255 || fileName.contains("/")) {
            throw new InvalidInput("fileName", "the export's file name (ending .reqif or .reqifz) is required");
        }
        new ArtifactFileName(fileName); // the same display-name rules as any uploaded file (no controls, no bidi)
        RequirementFormat format = formats.stream().filter(f -> f.supports(fileName))
                .max(java.util.Comparator.comparingInt(RequirementFormat::priority))
                .orElseThrow(() -> new InvalidInput("fileName", "not a ReqIF file name (.reqif or .reqifz): " + fileName));
        try (ReqifUpload upload = ReqifUpload.spool(body); InputStream content = upload.open()) {
            List<RequirementDraft> drafts = format.read(fileName, content, upload.sha256());
            RequirementBaseline baseline = RequirementBaseline.freeze(name, BaselineSource.reqif(fileName, upload.sha256()),
                    drafts, caller.getCallerPrincipal().getName(), Instant.now());
            RequirementBaseline result = stored(baselines.add(baseline));
            recordImport(result);
            return result;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @RolesAllowed(ANY_ROLE)
    public Page<RequirementBaseline> list(int offset, int limit) {
        return new Page<>(baselines.page(offset, limit), offset, limit, baselines.count());
    }

    @RolesAllowed(ANY_ROLE)
    public RequirementBaseline withId(long id) {
        return baselines.withId(id).orElseThrow(() -> new NoSuchEntity("baseline", id));
    }

    @RolesAllowed(ANY_ROLE)
    public Requirement requirement(long baselineId, RequirementId id) {
        baselines.summary(baselineId).orElseThrow(() -> new NoSuchEntity("baseline", baselineId));
        return baselines.requirement(baselineId, id)
                .orElseThrow(() -> new NoSuchEntity("requirement in baseline " + baselineId, id));
    }

    @RolesAllowed(ANY_ROLE)
    public BaselineDiff diff(long fromId, long toId) {
        return BaselineDiff.between(withId(fromId), withId(toId));
    }

    /** The baseline just stored, read back (the frozen object has no id; its requirements are read when used). */
    private RequirementBaseline stored(long id) {
        return baselines.summary(id).orElseThrow(() -> new IllegalStateException("baseline " + id + " was not stored"));
    }

    private void recordImport(RequirementBaseline baseline) {
        BaselineSource source = baseline.source();
        trail.record(new AuditEntry(baseline.importedBy(), "baseline.import", "baseline", baseline.id().toString(), null,
                AuditValues.json("name", baseline.name(), "source", source.kind().name(), "location", source.location(),
                        "ref", source.ref(), "revision", source.revision(), "requirements", baseline.size()),
                null));
    }

    private RepositoryPolicy policy() {
        return new RepositoryPolicy(Arrays.stream(localRoots.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Path::of).toList(), Arrays.asList(remoteHosts.split(",")));
    }

    /** The directory part that {@link #importFromGit} recorded in the source ref ("main:requirements"). */
    private static String directoryIn(RequirementBaseline baseline) {
        String ref = baseline.source().ref();
        int colon = ref.indexOf(':');
        return colon < 0 ? "" : ref.substring(colon + 1);
    }

    private static String directoryOf(String directory) {
        if (directory == null || directory.isBlank()) {
            return "";
        }
        String d = directory.trim().replace('\\', '/').replaceAll("^/+|/+$", "");
        if (Arrays.asList(d.split("/")).contains("..")) {
            throw new InvalidInput("directory", "must be a folder inside the repository");
        }
        if (d.length() > MAX_DIRECTORY) {
            // recorded with the ref in the baseline's source_ref (200 characters)
            throw new InvalidInput("directory", "is " + d.length() + " characters long; at most " + MAX_DIRECTORY);
        }
        return d;
    }
}
