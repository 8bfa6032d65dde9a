package io.tracegate.evidence.infrastructure.trtexec;

import io.tracegate.evidence.domain.EvidenceFormat;
import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.evidence.domain.TimingSamples;
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
import java.util.List;
import java.util.Map;

/**
 * trtexec {@code --exportTimes}: a JSON array with one object per timed inference. trtexec prints its
 * latency summary only to the console, so the statistics are computed here from the per-inference values,
 * by trtexec's own method (see {@link TimingSummary}): {@code latency.*_ms} from {@code latencyMs} (older
 * TensorRT: {@code endToEndMs}), {@code compute.*_ms} from {@code computeMs} (GPU compute),
 * {@code throughput_qps} and {@code inference_count}. Every object must have the same fields, all
 * numbers; unknown fields are refused.
 */
@ApplicationScoped
public class TrtexecTimesFormat implements EvidenceFormat, TimingSamples {

    static final int MAX_INFERENCES = 10_000_000;
    static final JsonInput.Limits LIMITS = new JsonInput.Limits(8, 256, false);

    private static final List<String> FIELDS = List.of("startEnqMs", "endEnqMs", "startH2dMs", "endH2dMs",
            "startComputeMs", "endComputeMs", "startD2hMs", "endD2hMs", "h2dMs", "computeMs", "d2hMs", "latencyMs",
            "endToEndMs");
    private static final Map<String, Integer> INDEX = indexOf(FIELDS);
    private static final int START_ENQ = FIELDS.indexOf("startEnqMs");
    private static final int COMPUTE = FIELDS.indexOf("computeMs");
    private static final int LATENCY = FIELDS.indexOf("latencyMs");
    private static final int END_TO_END = FIELDS.indexOf("endToEndMs");
    /** The end of an inference, best first: trtexec's walltime ends when the last query's D2H is done. */
    private static final List<Integer> ENDS = List.of(FIELDS.indexOf("endD2hMs"), FIELDS.indexOf("endComputeMs"),
            FIELDS.indexOf("endEnqMs"));

    private final int maxInferences;

    public TrtexecTimesFormat() {
        this(MAX_INFERENCES);
    }

    /** With a lower limit, so tests can reach it without writing ten million inferences. */
    TrtexecTimesFormat(int maxInferences) {
        this.maxInferences = maxInferences;
    }

    @Override
    public String name() {
        return "trtexec-times";
    }

    @Override
    public boolean supports(String fileName, byte[] head) {
        return FileHead.hasExtension(fileName, ".json") && JsonEvidenceKind.of(head) == JsonEvidenceKind.TRTEXEC_TIMES;
    }

    @Override
    public int priority() {
        return 20;
    }

    @Override
    public ParsedEvidence read(String fileName, InputStream content) {
        return parse(fileName, content).evidence(name());
    }

    @Override
    public String format() {
        return name();
    }

    @Override
    public double[] latenciesMs(String fileName, InputStream content) {
        return parse(fileName, content).latency.toArray();
    }

    private Timings parse(String fileName, InputStream content) {
        BufferedInputStream buffered = FileHead.buffered(content);
        JsonEvidenceKind.TRTEXEC_TIMES.expectIn(fileName, FileHead.peek(fileName, buffered));
        try (JsonInput json = JsonInput.open(fileName, buffered, LIMITS)) {
            Event first = json.next();
            if (first != Event.START_ARRAY) {
                throw json.reject("expected a trtexec --exportTimes array, found " + JsonInput.describe(first));
            }
            Timings timings = new Timings();
            double[] row = new double[FIELDS.size()];
            for (Event event = json.next(); event != Event.END_ARRAY; event = json.next()) {
                int number = timings.latency.size() + 1;
                if (number > maxInferences) {
                    throw json.reject("more than " + maxInferences + " inferences");
                }
                if (event != Event.START_OBJECT) {
                    throw json.reject("inference " + number + " must be an object, found " + JsonInput.describe(event));
                }
                timings.add(json, number, readInference(json, number, row), row);
            }
            json.expectEnd();
            if (timings.latency.size() == 0) {
                throw new EvidenceRejected(fileName, "no inferences: the --exportTimes array is empty");
            }
            return timings;
        }
    }

    private static Map<String, Integer> indexOf(List<String> fields) {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            index.put(fields.get(i), i);
        }
        return Map.copyOf(index);
    }

    /** Reads one inference object into {@code row}; returns the bit set of the fields it has. */
    private static int readInference(JsonInput json, int number, double[] row) {
        int present = 0;
        for (Event event = json.next(); event != Event.END_OBJECT; event = json.next()) {
            String key = json.string();
            Integer field = INDEX.get(key);
            if (field == null) {
                throw json.reject("unknown field '" + KpiValue.shorten(key) + "' in inference " + number
                        + "; a trtexec --exportTimes entry has " + String.join(", ", FIELDS));
            }
            if ((present & (1 << field)) != 0) {
                throw json.reject("key '" + key + "' appears twice in inference " + number);
            }
            present |= 1 << field;
            Event value = json.next();
            if (value != Event.VALUE_NUMBER) {
                throw json.reject("inference " + number + ": " + key + " must be a number, found "
                        + JsonInput.describe(value));
            }
            row[field] = json.number("inference " + number + ": " + key);
        }
        return present;
    }

    /** The timings kept from all inferences, and which fields the first one fixed for all. */
    private static final class Timings {
        private final DoubleSeries latency = new DoubleSeries();
        private final DoubleSeries compute = new DoubleSeries();
        private int fields = -1;
        private int latencyField;
        private int endField = -1;
        private double firstStart = Double.POSITIVE_INFINITY;
        private double lastEnd = Double.NEGATIVE_INFINITY;

        void add(JsonInput json, int number, int present, double[] row) {
            if (fields < 0) {
                fixFields(json, present);
            } else if (present != fields) {
                throw json.reject("inference " + number + " has the fields " + names(present) + " where inference 1 has "
                        + names(fields));
            }
            if (row[latencyField] < 0 || (has(COMPUTE) && row[COMPUTE] < 0)) {
                throw json.reject("inference " + number + " has a negative duration");
            }
            latency.add(row[latencyField]);
            if (has(COMPUTE)) {
                compute.add(row[COMPUTE]);
            }
            if (has(START_ENQ) && endField >= 0) {
                firstStart = Math.min(firstStart, row[START_ENQ]);
                lastEnd = Math.max(lastEnd, row[endField]);
            }
        }

        private void fixFields(JsonInput json, int present) {
            fields = present;
            if (has(LATENCY)) {
                latencyField = LATENCY;
            } else if (has(END_TO_END)) {
                latencyField = END_TO_END;
            } else {
                throw json.reject("inference 1 has neither latencyMs nor endToEndMs");
            }
            for (int end : ENDS) {
                if (has(end)) {
                    endField = end;
                    break;
                }
            }
        }

        private boolean has(int field) {
            return (fields & (1 << field)) != 0;
        }

        private static List<String> names(int present) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < FIELDS.size(); i++) {
                if ((present & (1 << i)) != 0) {
                    names.add(FIELDS.get(i));
                }
            }
            return names;
        }

        ParsedEvidence evidence(String format) {
            List<Metric> metrics = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            int count = latency.size();
            metrics.add(Metric.of("inference_count", BigDecimal.valueOf(count), null, Map.of()));
            addSummary(metrics, "latency", latency.summarise());
            notes.add(count + " inferences; latency from " + FIELDS.get(latencyField)
                    + (latencyField == END_TO_END ? " (older TensorRT)" : "")
                    + "; percentiles by nearest rank, as trtexec computes them");
            if (has(COMPUTE)) {
                addSummary(metrics, "compute", compute.summarise());
            }
            double wallMs = lastEnd - firstStart;
            if (wallMs > 0) {
                metrics.add(Metric.of("throughput_qps", TimingSummary.decimal(count / wallMs * 1000), null, Map.of()));
                notes.add("throughput over " + TimingSummary.decimal(wallMs).toPlainString()
                        + " ms from the first startEnqMs to the last " + FIELDS.get(endField));
            } else {
                notes.add("no throughput: the inferences carry no enqueue start and end times");
            }
            return new ParsedEvidence(format, metrics, List.of(), notes);
        }

        private static void addSummary(List<Metric> metrics, String prefix, TimingSummary s) {
            add(metrics, prefix + ".min_ms", s.min());
            add(metrics, prefix + ".max_ms", s.max());
            add(metrics, prefix + ".mean_ms", s.mean());
            add(metrics, prefix + ".median_ms", s.median());
            add(metrics, prefix + ".p50_ms", s.p50());
            add(metrics, prefix + ".p90_ms", s.p90());
            add(metrics, prefix + ".p95_ms", s.p95());
            add(metrics, prefix + ".p99_ms", s.p99());
        }

        private static void add(List<Metric> metrics, String name, double ms) {
            metrics.add(Metric.of(name, TimingSummary.decimal(ms), "ms", Map.of()));
        }
    }
}
