package io.tracegate.evidence.infrastructure.kpi;

import io.tracegate.evidence.domain.EvidenceFormat;
import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.evidence.infrastructure.input.FileHead;
import io.tracegate.evidence.infrastructure.input.JsonEvidenceKind;
import io.tracegate.evidence.infrastructure.input.JsonInput;
import io.tracegate.evidence.infrastructure.input.KpiValue;
import io.tracegate.platform.failure.InvalidInput;
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
 * KPI values as JSON ({@code *.json}):
 * <pre>
 * {"scope": {"set": "night-hil"},
 *  "metrics": [{"metric": "recall", "value": 0.951, "unit": null, "scope": {"class": "pedestrian"}}]}
 * </pre>
 * or a bare array of such metric objects. The top-level {@code scope} is a default for every metric; a
 * metric's own scope wins for the keys it sets. Scope values are strings or numbers (kept as written).
 * Strict, because a misspelt field would otherwise silently change what a gate sees: unknown fields and
 * duplicate keys are refused, values must be numbers, and one metric and scope may appear only once.
 */
@ApplicationScoped
public class KpiJsonFormat implements EvidenceFormat {

    static final int MAX_METRICS = 1_000_000;
    static final JsonInput.Limits LIMITS = new JsonInput.Limits(16, 4096, false);

    private static final List<String> METRIC_KEYS = List.of("metric", "value", "unit", "scope");

    public KpiJsonFormat() {
    }

    @Override
    public String name() {
        return "kpi-json";
    }

    @Override
    public boolean supports(String fileName, byte[] head) {
        return FileHead.hasExtension(fileName, ".json") && JsonEvidenceKind.of(head) == JsonEvidenceKind.KPI_JSON;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public ParsedEvidence read(String fileName, InputStream content) {
        BufferedInputStream buffered = FileHead.buffered(content);
        JsonEvidenceKind.KPI_JSON.expectIn(fileName, FileHead.peek(fileName, buffered));
        try (JsonInput json = JsonInput.open(fileName, buffered, LIMITS)) {
            Document document = new Document();
            Event first = json.next();
            if (first == Event.START_OBJECT) {
                readDocument(json, document);
            } else if (first == Event.START_ARRAY) {
                readMetrics(json, document);
            } else {
                throw json.reject("expected a KPI JSON object with \"metrics\" or an array of metrics, found "
                        + JsonInput.describe(first));
            }
            json.expectEnd();
            return document.evidence(fileName, name());
        }
    }

    private static void readDocument(JsonInput json, Document document) {
        Set<String> seen = new HashSet<>();
        String where = "the top-level object";
        for (String key = json.nextKey(seen, where); key != null; key = json.nextKey(seen, where)) {
            switch (key) {
                case "scope" -> document.defaults = readScope(json, "the top-level scope");
                case "metrics" -> {
                    Event event = json.next();
                    if (event != Event.START_ARRAY) {
                        throw json.reject("\"metrics\" must be an array, found " + JsonInput.describe(event));
                    }
                    readMetrics(json, document);
                }
                default -> throw json.reject("unknown field '" + key + "' at the top level; allowed: scope, metrics");
            }
        }
        if (!seen.contains("metrics")) {
            throw json.reject("the object has no \"metrics\" array");
        }
    }

    private static void readMetrics(JsonInput json, Document document) {
        for (Event event = json.next(); event != Event.END_ARRAY; event = json.next()) {
            int number = document.metrics.size() + 1;
            if (number > MAX_METRICS) {
                throw json.reject("more than " + MAX_METRICS + " metrics");
            }
            if (event != Event.START_OBJECT) {
                throw json.reject("metric " + number + " must be an object, found " + JsonInput.describe(event));
            }
            document.metrics.add(readMetric(json, number));
        }
    }

    private static Metric readMetric(JsonInput json, int number) {
        String where = "metric " + number;
        Set<String> seen = new HashSet<>();
        String name = null;
        BigDecimal value = null;
        String unit = null;
        Map<String, String> scope = Map.of();
        for (String key = json.nextKey(seen, where); key != null; key = json.nextKey(seen, where)) {
            if (!METRIC_KEYS.contains(key)) {
                throw json.reject("unknown field '" + KpiValue.shorten(key) + "' in " + where + "; allowed: "
                        + String.join(", ", METRIC_KEYS));
            }
            Event event = json.next();
            switch (key) {
                case "metric" -> {
                    expect(json, event, Event.VALUE_STRING, where, key);
                    name = json.string();
                }
                case "value" -> {
                    expect(json, event, Event.VALUE_NUMBER, where, key);
                    try {
                        value = KpiValue.parse(json.string());
                    } catch (IllegalArgumentException e) {
                        throw json.reject(where + ", value: " + e.getMessage());
                    }
                }
                case "unit" -> {
                    if (event != Event.VALUE_NULL) {
                        expect(json, event, Event.VALUE_STRING, where, key);
                        try {
                            unit = KpiValue.unit(json.string());
                        } catch (IllegalArgumentException e) {
                            throw json.reject(where + ", unit: " + e.getMessage());
                        }
                    }
                }
                case "scope" -> {
                    if (event != Event.START_OBJECT) {
                        throw json.reject(where + ": \"scope\" must be an object, found " + JsonInput.describe(event));
                    }
                    scope = readScopeEntries(json, where);
                }
                default -> throw new IllegalStateException("checked above: " + key);
            }
        }
        if (name == null || value == null) {
            throw json.reject(where + " needs both \"metric\" and \"value\"");
        }
        try {
            return Metric.of(name, value, unit, scope);
        } catch (InvalidInput e) {
            throw json.reject(where + ": " + e.getMessage());
        }
    }

    private static void expect(JsonInput json, Event found, Event expected, String where, String key) {
        if (found != expected) {
            throw json.reject(where + ": \"" + key + "\" must be " + JsonInput.describe(expected) + ", found "
                    + JsonInput.describe(found));
        }
    }

    private static Map<String, String> readScope(JsonInput json, String where) {
        Event event = json.next();
        if (event != Event.START_OBJECT) {
            throw json.reject(where + " must be an object, found " + JsonInput.describe(event));
        }
        return readScopeEntries(json, where);
    }

    /** The entries of a scope object whose START_OBJECT has been read; values are strings or numbers. */
    private static Map<String, String> readScopeEntries(JsonInput json, String where) {
        Set<String> seen = new HashSet<>();
        Map<String, String> scope = new TreeMap<>();
        for (String key = json.nextKey(seen, "the scope of " + where); key != null;
             key = json.nextKey(seen, "the scope of " + where)) {
            Event event = json.next();
            if (event != Event.VALUE_STRING && event != Event.VALUE_NUMBER) {
                throw json.reject(where + ": scope '" + KpiValue.shorten(key) + "' must be a string or a number, found "
                        + JsonInput.describe(event));
            }
            scope.put(key, json.string());
        }
        return scope;
    }

    /** What the file says, gathered before the top-level scope (which may come last) is applied. */
    private static final class Document {
        private Map<String, String> defaults = Map.of();
        private final List<Metric> metrics = new ArrayList<>();

        ParsedEvidence evidence(String fileName, String format) {
            DistinctMetrics distinct = new DistinctMetrics();
            for (int i = 0; i < metrics.size(); i++) {
                Metric metric;
                try {
                    metric = metrics.get(i).withDefaultScope(defaults);
                } catch (InvalidInput e) {
                    throw new EvidenceRejected(fileName, "the top-level scope: " + e.getMessage());
                }
                String before = distinct.add(metric, "metric " + (i + 1));
                if (before != null) {
                    throw new EvidenceRejected(fileName, "metric " + (i + 1) + ": " + metric.name() + metric.scope()
                            + " is given twice, first as " + before);
                }
            }
            List<String> notes = new ArrayList<>();
            notes.add(distinct.size() + " metrics");
            if (!defaults.isEmpty()) {
                notes.add("default scope " + defaults);
            }
            return new ParsedEvidence(format, distinct.list(), List.of(), notes);
        }
    }
}
