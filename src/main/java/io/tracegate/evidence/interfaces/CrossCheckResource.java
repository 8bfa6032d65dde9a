package io.tracegate.evidence.interfaces;

import io.tracegate.evidence.application.ReleaseCrossCheck;
import io.tracegate.evidence.interfaces.TraceView.FindingView;
import io.tracegate.evidence.domain.ModelFacts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

import static io.tracegate.platform.security.Roles.ANY_ROLE;

/** {@code /api/releases/{id}/cross-check}: the recipe against the ONNX artifacts and the evidence's provenance. */
@Path("releases/{id}/cross-check")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CrossCheckResource {

    @EJB
    ReleaseCrossCheck crossCheck;

    /** One tensor of the model's interface; dims are numbers or symbolic names. */
    public record TensorView(String name, String elementType, List<String> dims) {
    }

    /** The facts read from an ONNX artifact. */
    public record FactsView(long irVersion, Map<String, Long> opsets, String producer, List<TensorView> inputs,
                            List<TensorView> outputs, long nodeCount, Map<String, Long> opTypes, long parameters,
                            long parametersFromConstantNodes, Map<String, Long> parametersByType, Double int8WeightFraction,
                            long quantizeLinear, long dequantizeLinear, long perChannelQdq, long perTensorQdq,
                            Map<String, Long> integerOps, long externalDataTensors) {
        static FactsView of(ModelFacts f) {
            return new FactsView(f.irVersion(), f.opsetImports(), (f.producerName() + " " + f.producerVersion()).trim(),
                    f.inputs().stream().map(t -> new TensorView(t.name(), t.elementType(), t.dims())).toList(),
                    f.outputs().stream().map(t -> new TensorView(t.name(), t.elementType(), t.dims())).toList(),
                    f.nodeCount(), f.opTypes(), f.parameters().total(), f.parameters().fromConstantNodes(),
                    f.parameters().byElementType(),
                    f.parameters().int8WeightFraction().isPresent() ? f.parameters().int8WeightFraction().getAsDouble() : null,
                    f.quantization().quantizeLinear(), f.quantization().dequantizeLinear(),
                    f.quantization().perChannelQdq(), f.quantization().perTensorQdq(), f.quantization().integerOps(),
                    f.externalData().tensors());
        }
    }

    /** One ONNX artifact: its facts (absent when unreadable) and the findings. */
    public record ModelCheckView(long artifactId, String fileName, String sha256, FactsView facts, List<FindingView> findings) {
    }

    /** The report; {@code consistent} is false when any finding, of the release or of a model, is an ERROR. */
    public record CrossCheckView(long releaseId, boolean consistent, List<FindingView> findings, List<ModelCheckView> models) {
    }

    @GET
    @RolesAllowed(ANY_ROLE)
    public CrossCheckView check(@PathParam("id") long releaseId) {
        ReleaseCrossCheck.Report report = crossCheck.check(releaseId);
        List<ModelCheckView> models = report.models().stream().map(m -> new ModelCheckView(m.artifact().id(),
                m.artifact().fileName().value(), m.artifact().sha256().hex(), m.facts().map(FactsView::of).orElse(null),
                m.findings().stream().map(FindingView::of).toList())).toList();
        return new CrossCheckView(releaseId, report.consistent(), report.findings().stream().map(FindingView::of).toList(),
                models);
    }
}
