package io.tracegate.requirement.infrastructure;

import io.tracegate.platform.xml.HardenedXml;
import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.ImportProblem;
import io.tracegate.requirement.domain.RequirementDraft;
import io.tracegate.requirement.domain.RequirementFormat;
import jakarta.enterprise.context.ApplicationScoped;

import javax.xml.stream.XMLStreamException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * ReqIF 1.x ({@code *.reqif}) and zipped ReqIF ({@code *.reqifz}): one requirement per SPEC-OBJECT, its
 * fields taken from attributes named by a {@link ReqifMapping}, its parents from SPEC-RELATIONs (the
 * SOURCE derives from, refines, the TARGET; so the TARGET is the SOURCE's parent). Every problem in the
 * file is collected and reported at once; a hostile file (DOCTYPE, zip slip, zip bomb) is refused on the
 * spot. Each draft's source path is {@code path#IDENTIFIER}, its version the file's SHA-256.
 */
@ApplicationScoped
public class ReqifFormat implements RequirementFormat {

    private final ReqifMapping mapping;
    private final int maxTextChars;

    /**
     * The mapping from configuration: any {@code reqif.field.*} property (system property or config file) overrides
     * its default; the bound on every value from {@value HardenedXml#CONFIG_KEY}.
     */
    public ReqifFormat() {
        this(configuredMapping(), HardenedXml.configuredMaxTextChars());
    }

    private static ReqifMapping configuredMapping() {
        java.util.Properties properties = new java.util.Properties();
        try {
            org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
            for (String name : config.getPropertyNames()) {
                if (name.startsWith(ReqifMapping.PREFIX)) {
                    config.getOptionalValue(name, String.class).ifPresent(value -> properties.setProperty(name, value));
                }
            }
        } catch (IllegalStateException | ExceptionInInitializerError | NoClassDefFoundError noConfig) {
            return ReqifMapping.defaults(); // outside a container (unit tests): the defaults
        }
        return ReqifMapping.from(properties);
    }

    public ReqifFormat(ReqifMapping mapping) {
        this(mapping, HardenedXml.configuredMaxTextChars());
    }

    /** @param maxTextChars the longest attribute value or text read before the file is refused, in characters */
    public ReqifFormat(ReqifMapping mapping, int maxTextChars) {
        this.mapping = Objects.requireNonNull(mapping);
        this.maxTextChars = maxTextChars;
    }

    @Override
    public boolean supports(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".reqif") || name.endsWith(".reqifz");
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public List<RequirementDraft> read(String path, InputStream content, String version) {
        ReqifContent model = new ReqifContent(path);
        boolean readable;
        if (path.toLowerCase(Locale.ROOT).endsWith(".reqifz")) {
            boolean[] allReadable = {true};
            int documents = ReqifzArchive.read(path, content,
                    (entry, in) -> allReadable[0] &= readXml(model, maxTextChars, "entry '" + entry + "'", in));
            if (documents == 0) {
                model.problem(null, null, "the archive contains no .reqif document");
            }
            readable = allReadable[0];
        } else {
            readable = readXml(model, maxTextChars, null, content);
        }
        if (!readable) {
            // The objects read before a syntax error are a fragment; judging them would only add noise.
            throw new BaselineRejected(model.problems());
        }
        List<RequirementDraft> drafts = model.drafts(mapping, version);
        if (!model.problems().isEmpty()) {
            throw new BaselineRejected(model.problems());
        }
        return drafts;
    }

    /** @return whether the document was well-formed (and free of a DOCTYPE); if not, a problem says why */
    private static boolean readXml(ReqifContent model, int maxTextChars, String where, InputStream in) {
        try {
            new ReqifReader(model, where, maxTextChars).read(in);
            return true;
        } catch (XMLStreamException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BaselineRejected refused) {
                    throw refused; // a limit tripped inside the parser; the limit's message says it all
                }
            }
            Integer line = e.getLocation() == null || e.getLocation().getLineNumber() < 0 ? null
                    : e.getLocation().getLineNumber();
            model.problem(where, line, (e instanceof HardenedXml.DoctypeRefused || e instanceof HardenedXml.TextTooLong ? "refused: " : "not readable as XML: ")
                    + messageOf(e));
            return false;
        }
    }

    /** The JDK prefixes parse errors with their position, which the problem already carries. */
    private static String messageOf(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return at < 0 ? message : message.substring(at + "Message: ".length());
    }
}
