package io.tracegate.evidence.infrastructure.trtexec;

import io.tracegate.evidence.domain.EvidenceFormat;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.evidence.infrastructure.input.FileHead;
import io.tracegate.evidence.infrastructure.input.JsonEvidenceKind;
import io.tracegate.evidence.infrastructure.input.JsonInput;
import io.tracegate.evidence.infrastructure.input.KpiValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonParser.Event;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * trtexec {@code --exportProfile}: {@code [{"count": N}, {"name", "timeMs", "averageMs", "medianMs",
 * "percentage"}, ...]}, the per-layer times over N profiled iterations ({@code medianMs} only in newer
 * TensorRT). Yields {@code profile.iterations}, {@code profile.total_ms} (the sum of the layers' averages,
 * i.e. one iteration) and per layer {@code layer.average_ms}, {@code layer.median_ms} and
 * {@code layer.percentage} scoped by {@code layer=<slug>} (see {@link LayerSlugs}); layers of a
 * multi-profile engine also get {@code profile=N}.
 */
@ApplicationScoped
public class TrtexecProfileFormat implements EvidenceFormat {

    static final int MAX_LAYERS = 100_000;
    static final JsonInput.Limits LIMITS = new JsonInput.Limits(8, 64 * 1024, true);

    private static final Set<String> LAYER_FIELDS = Set.of("name", "timeMs", "averageMs", "medianMs", "percentage");

    public TrtexecProfileFormat() {
    }

    @Override
    public String name() {
        return "trtexec-profile";
    }

    @Override
    public boolean supports(String fileName, byte[] head) {
        return FileHead.hasExtension(fileName, ".json") && JsonEvidenceKind.of(head) == JsonEvidenceKind.TRTEXEC_PROFILE;
    }

    @Override
    public int priority() {
        return 20;
    }

    /**
     * One layer's line of the profile, its name already a slug: up to 100,000 names of 64 KiB are not kept.
     * {@code medianMs} is NaN when the file has none.
     */
    private record Layer(String slug, int profile, double averageMs, double medianMs, double percentage) {
    }

    @Override
    public ParsedEvidence read(String fileName, InputStream content) {
        BufferedInputStream buffered = FileHead.buffered(content);
        JsonEvidenceKind.TRTEXEC_PROFILE.expectIn(fileName, FileHead.peek(fileName, buffered));
        try (JsonInput json = JsonInput.open(fileName, buffered, LIMITS)) {
            Event first = json.next();
            if (first != Event.START_ARRAY) {
                throw json.reject("expected a trtexec --exportProfile array, found " + JsonInput.describe(first));
            }
            long iterations = readCount(json);
            List<Layer> layers = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            SlugNotes slugNotes = new SlugNotes(notes);
            Map<String, LayerSlugs> slugsByProfile = new TreeMap<>();
            for (Event event = json.next(); event != Event.END_ARRAY; event = json.next()) {
                if (layers.size() == MAX_LAYERS) {
                    throw json.reject("more than " + MAX_LAYERS + " layers");
                }
                if (event != Event.START_OBJECT) {
                    throw json.reject("layer " + (layers.size() + 1) + " must be an object, found "
                            + JsonInput.describe(event));
                }
                layers.add(readLayer(json, layers.size() + 1, slugsByProfile, slugNotes));
            }
            json.expectEnd();
            slugNotes.finish();
            return evidence(iterations, layers, notes);
        }
    }

    private static long readCount(JsonInput json) {
        Event event = json.next();
        if (event != Event.START_OBJECT) {
            throw json.reject("expected {\"count\": N} as the first element, found " + JsonInput.describe(event));
        }
        Set<String> seen = new HashSet<>();
        Double count = null;
        String where = "the first element";
        for (String key = json.nextKey(seen, where); key != null; key = json.nextKey(seen, where)) {
            if (!key.equals("count")) {
                throw json.reject("expected {\"count\": N} as the first element, found the key '"
                        + KpiValue.shorten(key) + "'");
            }
            Event value = json.next();
            if (value != Event.VALUE_NUMBER) {
                throw json.reject("\"count\" must be a number, found " + JsonInput.describe(value));
            }
            count = json.number("count");
        }
        if (count == null || count < 1 || count != Math.rint(count) || count > Long.MAX_VALUE / 2) {
            throw json.reject("expected {\"count\": N} with N a whole number of iterations, at least 1");
        }
        return count.longValue();
    }

    /** Slugs are unique per profile, and a name without suffix shares profile 0's, as their scope does. */
    private static Layer readLayer(JsonInput json, int number, Map<String, LayerSlugs> slugsByProfile,
                                   SlugNotes slugNotes) {
        String where = "layer " + number;
        Set<String> seen = new HashSet<>();
        Map<String, Double> values = new TreeMap<>();
        String name = null;
        for (String key = json.nextKey(seen, where); key != null; key = json.nextKey(seen, where)) {
            if (!LAYER_FIELDS.contains(key)) {
                throw json.reject("unknown field '" + KpiValue.shorten(key) + "' in " + where
                        + "; a trtexec --exportProfile layer has name, timeMs, averageMs, medianMs, percentage");
            }
            Event value = json.next();
            if (key.equals("name")) {
                if (value != Event.VALUE_STRING) {
                    throw json.reject(where + ": \"name\" must be a string, found " + JsonInput.describe(value));
                }
                name = json.string();
            } else {
                if (value != Event.VALUE_NUMBER) {
                    throw json.reject(where + ": \"" + key + "\" must be a number, found " + JsonInput.describe(value));
                }
                double amount = json.number(where + ": " + key);
                if (amount < 0) {
                    throw json.reject(where + ": \"" + key + "\" is negative");
                }
                values.put(key, amount);
            }
        }
        for (String required : List.of("timeMs", "averageMs", "percentage")) {
            if (!values.containsKey(required)) {
                throw json.reject(where + " has no \"" + required + "\"");
            }
        }
        if (name == null) {
            throw json.reject(where + " has no \"name\"");
        }
        TrtexecLayerName layer = TrtexecLayerName.parse(name);
        LayerSlugs.Slug slug = slugsByProfile
                .computeIfAbsent(TrtexecLayerName.profileScope(layer.profile()), p -> new LayerSlugs())
                .slug(layer.layer());
        slugNotes.add(slug, name);
        return new Layer(slug.value(), layer.profile(), values.get("averageMs"),
                values.getOrDefault("medianMs", Double.NaN), values.get("percentage"));
    }

    private ParsedEvidence evidence(long iterations, List<Layer> layers, List<String> slugNotes) {
        boolean multiProfile = layers.stream().anyMatch(l -> l.profile() >= 0);
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("profile.iterations", BigDecimal.valueOf(iterations), null, Map.of()));
        Map<String, Double> totalByProfile = new TreeMap<>();
        boolean medians = false;
        for (Layer layer : layers) {
            String profile = multiProfile ? TrtexecLayerName.profileScope(layer.profile()) : "";
            Map<String, String> scope = multiProfile ? Map.of("layer", layer.slug(), "profile", profile)
                    : Map.of("layer", layer.slug());
            metrics.add(Metric.of("layer.average_ms", TimingSummary.decimal(layer.averageMs()), "ms", scope));
            if (!Double.isNaN(layer.medianMs())) {
                medians = true;
                metrics.add(Metric.of("layer.median_ms", TimingSummary.decimal(layer.medianMs()), "ms", scope));
            }
            metrics.add(Metric.of("layer.percentage", TimingSummary.decimal(layer.percentage()), "%", scope));
            totalByProfile.merge(profile, layer.averageMs(), Double::sum);
        }
        if (totalByProfile.isEmpty()) {
            totalByProfile.put("", 0.0);
        }
        totalByProfile.forEach((profile, total) -> metrics.add(Metric.of("profile.total_ms", TimingSummary.decimal(total),
                "ms", profile.isEmpty() ? Map.of() : Map.of("profile", profile))));
        List<String> notes = new ArrayList<>();
        notes.add(layers.size() + " layers over " + iterations + " iterations"
                + (medians || layers.isEmpty() ? "" : "; no medianMs (older TensorRT)")
                + (multiProfile ? "; optimization profiles " + String.join(", ", totalByProfile.keySet()) : ""));
        notes.addAll(slugNotes);
        return new ParsedEvidence(name(), metrics, List.of(), notes);
    }
}
