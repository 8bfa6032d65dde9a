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
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * trtexec {@code --exportLayerInfo}: {@code {"Layers": [...], "Bindings": [...]}} describing the built
 * engine. {@code Layers} holds names only unless the engine was built with
 * {@code --profilingVerbosity=detailed}; then each layer is an object whose outputs'
 * {@code Format/Datatype} tells the precision the layer runs in (see {@link LayerPrecision}). Yields
 * {@code layers.count}, and for detailed files {@code layers.precision_count[precision=...]} and
 * {@code layers.int8_fraction} (layers whose outputs are all Int8, over all layers, reformatting layers
 * included); {@code bindings.count} when bindings are listed. Multi-profile engines list every layer once
 * per profile, so their metrics are scoped {@code profile=N}. Layer objects carry many type-specific
 * fields; only {@code Name} and {@code Outputs} are read, the rest skipped.
 */
@ApplicationScoped
public class TrtexecLayerInfoFormat implements EvidenceFormat {

    static final int MAX_LAYERS = 100_000;
    static final JsonInput.Limits LIMITS = new JsonInput.Limits(32, 1 << 20, true);

    public TrtexecLayerInfoFormat() {
    }

    @Override
    public String name() {
        return "trtexec-layers";
    }

    @Override
    public boolean supports(String fileName, byte[] head) {
        return FileHead.hasExtension(fileName, ".json") && JsonEvidenceKind.of(head) == JsonEvidenceKind.TRTEXEC_LAYERS;
    }

    @Override
    public int priority() {
        return 20;
    }

    /** Layer counts of one optimization profile ("" when the engine has one). */
    private static final class Counts {
        private int layers;
        private final Map<String, Integer> byPrecision = new TreeMap<>();
    }

    /** What the file held, per profile. */
    private static final class Engine {
        private final Map<String, Counts> profiles = new TreeMap<>();
        /** Each layer's profile number (-1: no suffix); the names themselves are not kept. */
        private final List<Integer> layerProfiles = new ArrayList<>();
        private final List<String> precisions = new ArrayList<>();
        private boolean detailed;
        private Integer bindings;
    }

    @Override
    public ParsedEvidence read(String fileName, InputStream content) {
        BufferedInputStream buffered = FileHead.buffered(content);
        JsonEvidenceKind.TRTEXEC_LAYERS.expectIn(fileName, FileHead.peek(fileName, buffered));
        try (JsonInput json = JsonInput.open(fileName, buffered, LIMITS)) {
            Event first = json.next();
            if (first != Event.START_OBJECT) {
                throw json.reject("expected a trtexec --exportLayerInfo object, found " + JsonInput.describe(first));
            }
            Engine engine = new Engine();
            Set<String> seen = new HashSet<>();
            for (String key = json.nextKey(seen, "the top-level object"); key != null;
                 key = json.nextKey(seen, "the top-level object")) {
                Event event = json.next();
                switch (key) {
                    case "Layers" -> {
                        expectArray(json, event, "Layers");
                        readLayers(json, engine);
                    }
                    case "Bindings" -> {
                        expectArray(json, event, "Bindings");
                        engine.bindings = countElements(json);
                    }
                    default -> throw json.reject("unknown field '" + KpiValue.shorten(key)
                            + "' at the top level; a trtexec --exportLayerInfo object has Layers and Bindings");
                }
            }
            if (!seen.contains("Layers")) {
                throw json.reject("the object has no \"Layers\" array");
            }
            json.expectEnd();
            return evidence(engine);
        }
    }

    private static void expectArray(JsonInput json, Event event, String key) {
        if (event != Event.START_ARRAY) {
            throw json.reject("\"" + key + "\" must be an array, found " + JsonInput.describe(event));
        }
    }

    private static void readLayers(JsonInput json, Engine engine) {
        for (Event event = json.next(); event != Event.END_ARRAY; event = json.next()) {
            int number = engine.layerProfiles.size() + 1;
            if (number > MAX_LAYERS) {
                throw json.reject("more than " + MAX_LAYERS + " layers");
            }
            switch (event) {
                case VALUE_STRING -> {
                    engine.layerProfiles.add(TrtexecLayerName.parse(json.string()).profile());
                    engine.precisions.add(LayerPrecision.UNKNOWN);
                }
                case START_OBJECT -> {
                    engine.detailed = true;
                    readDetailedLayer(json, engine, number);
                }
                default -> throw json.reject("layer " + number + " must be a name or an object, found "
                        + JsonInput.describe(event));
            }
        }
    }

    private static void readDetailedLayer(JsonInput json, Engine engine, int number) {
        String where = "layer " + number;
        Set<String> seen = new HashSet<>();
        String name = "";
        Set<String> outputs = new HashSet<>();
        for (String key = json.nextKey(seen, where); key != null; key = json.nextKey(seen, where)) {
            Event event = json.next();
            if (key.equals("Name") && event == Event.VALUE_STRING) {
                name = json.string();
            } else if (key.equals("Outputs")) {
                expectArray(json, event, where + " Outputs");
                readOutputs(json, outputs);
            } else {
                json.skip(event);
            }
        }
        engine.layerProfiles.add(TrtexecLayerName.parse(name).profile());
        engine.precisions.add(LayerPrecision.ofLayer(outputs));
    }

    /** Collects the precision of every output: objects carry {@code Format/Datatype}, a bare string is the format. */
    private static void readOutputs(JsonInput json, Set<String> precisions) {
        for (Event event = json.next(); event != Event.END_ARRAY; event = json.next()) {
            if (event == Event.VALUE_STRING) {
                precisions.add(LayerPrecision.of(json.string()));
            } else if (event == Event.START_OBJECT) {
                Set<String> seen = new HashSet<>();
                for (String key = json.nextKey(seen, "an output"); key != null; key = json.nextKey(seen, "an output")) {
                    Event value = json.next();
                    if (key.equals("Format/Datatype") && value == Event.VALUE_STRING) {
                        precisions.add(LayerPrecision.of(json.string()));
                    } else {
                        json.skip(value);
                    }
                }
            } else {
                json.skip(event);
            }
        }
    }

    private static int countElements(JsonInput json) {
        int count = 0;
        for (Event event = json.next(); event != Event.END_ARRAY; event = json.next()) {
            json.skip(event);
            count++;
        }
        return count;
    }

    private ParsedEvidence evidence(Engine engine) {
        boolean multiProfile = engine.layerProfiles.stream().anyMatch(p -> p >= 0);
        for (int i = 0; i < engine.layerProfiles.size(); i++) {
            String profile = multiProfile ? TrtexecLayerName.profileScope(engine.layerProfiles.get(i)) : "";
            Counts counts = engine.profiles.computeIfAbsent(profile, p -> new Counts());
            counts.layers++;
            counts.byPrecision.merge(engine.precisions.get(i), 1, Integer::sum);
        }
        if (engine.profiles.isEmpty()) {
            engine.profiles.put("", new Counts());
        }
        List<Metric> metrics = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        engine.profiles.forEach((profile, counts) -> {
            Map<String, String> scope = profile.isEmpty() ? Map.of() : Map.of("profile", profile);
            metrics.add(Metric.of("layers.count", BigDecimal.valueOf(counts.layers), null, scope));
            if (engine.detailed) {
                counts.byPrecision.forEach((precision, n) -> {
                    Map<String, String> precisionScope = new TreeMap<>(scope);
                    precisionScope.put("precision", precision);
                    metrics.add(Metric.of("layers.precision_count", BigDecimal.valueOf(n), null, precisionScope));
                });
                int int8 = counts.byPrecision.getOrDefault("int8", 0);
                BigDecimal fraction = counts.layers == 0 ? BigDecimal.ZERO
                        : BigDecimal.valueOf(int8).divide(BigDecimal.valueOf(counts.layers), 6, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros();
                metrics.add(Metric.of("layers.int8_fraction", fraction.scale() < 0 ? fraction.setScale(0) : fraction, null,
                        scope));
                notes.add((profile.isEmpty() ? "" : "profile " + profile + ": ") + counts.layers + " layers by precision "
                        + counts.byPrecision);
            }
        });
        if (engine.bindings != null) {
            metrics.add(Metric.of("bindings.count", BigDecimal.valueOf(engine.bindings), null, Map.of()));
        }
        if (!engine.detailed) {
            notes.add(engine.layerProfiles.size() + " layer names only; an engine built with --profilingVerbosity=detailed "
                    + "also tells the layers' precisions");
        }
        return new ParsedEvidence(name(), metrics, List.of(), notes);
    }
}
