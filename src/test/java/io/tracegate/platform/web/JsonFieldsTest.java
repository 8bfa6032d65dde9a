package io.tracegate.platform.web;

import io.tracegate.platform.failure.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonFieldsTest {

    private enum Method { NONE, PTQ, QAT }

    @Test
    void allowOnlyRefusesAnUnknownTopLevelFieldByItsName() {
        JsonFields fields = new JsonFields(Json.createObjectBuilder().add("precison", "INT8").build(), "");

        assertThatThrownBy(() -> fields.allowOnly("precision", "target"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("precison");
                    assertThat(e.getMessage()).contains("precision").contains("target");
                });
    }

    @Test
    void allowOnlyRefusesAnUnknownNestedFieldByItsPath() {
        JsonObject quantization = Json.createObjectBuilder().add("method", "QAT").add("calibrator", "minmax").build();
        JsonFields fields = new JsonFields(quantization, "quantization");

        assertThatThrownBy(() -> fields.allowOnly("method"))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("quantization.calibrator"));
    }

    @Test
    void allowOnlyPassesAnObjectWithKnownFieldsOnly() {
        JsonFields fields = new JsonFields(Json.createObjectBuilder().add("method", "PTQ").build(), "quantization");

        assertThat(fields.allowOnly("method", "calibrator")).isSameAs(fields);
    }

    @Test
    void nestedObjectsCarryTheirPathIntoErrors() {
        JsonObject body = Json.createObjectBuilder()
                .add("quantization", Json.createObjectBuilder()
                        .add("calibrationDataset", Json.createObjectBuilder().add("sampleCount", "many")))
                .build();
        JsonFields dataset = new JsonFields(body, "").requiredObject("quantization").requiredObject("calibrationDataset");

        assertThat(dataset.path()).isEqualTo("quantization.calibrationDataset");
        assertThatThrownBy(() -> dataset.requiredInt("sampleCount"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("quantization.calibrationDataset.sampleCount");
                    assertThat(e.getMessage()).contains("whole number").contains("string");
                });
    }

    @Test
    void requiredStringRefusesANumberNamingTheTypes() {
        JsonFields fields = new JsonFields(Json.createObjectBuilder().add("name", 42).build(), "");

        assertThatThrownBy(() -> fields.requiredString("name"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.getMessage()).isEqualTo("must be a string, got number");
                });
    }

    @Test
    void requiredStringTreatsMissingAndNullAlikeAsMissing() {
        JsonFields fields = new JsonFields(Json.createObjectBuilder().addNull("name").build(), "model");

        assertThatThrownBy(() -> fields.requiredString("name"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("model.name");
                    assertThat(e.getMessage()).isEqualTo("is required");
                });
        assertThatThrownBy(() -> fields.requiredString("other"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("model.other"));
        assertThat(fields.optionalString("name")).isNull();
    }

    @Test
    void optionalLongRefusesAFraction() {
        JsonFields fields = new JsonFields(Json.createObjectBuilder().add("id", 1.5).build(), "distillation");

        assertThatThrownBy(() -> fields.optionalLong("id"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("distillation.id");
                    assertThat(e.getMessage()).contains("whole number");
                });
    }

    @Test
    void optionalLongRefusesAValueBeyondLongRange() {
        BigInteger tooBig = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
        JsonFields fields = new JsonFields(Json.createObjectBuilder().add("id", tooBig).build(), "");

        assertThatThrownBy(() -> fields.optionalLong("id"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("id");
                    assertThat(e.getMessage()).isEqualTo("is out of range");
                });
    }

    @Test
    void optionalLongReadsTheExtremesOfLong() {
        JsonFields fields = new JsonFields(Json.createObjectBuilder()
                .add("max", Long.MAX_VALUE).add("min", Long.MIN_VALUE).build(), "");

        assertThat(fields.optionalLong("max")).isEqualTo(Long.MAX_VALUE);
        assertThat(fields.optionalLong("min")).isEqualTo(Long.MIN_VALUE);
        assertThat(fields.optionalLong("absent")).isNull();
    }

    @Test
    void requiredIntRefusesValuesBeyondIntRange() {
        JsonFields fields = new JsonFields(Json.createObjectBuilder()
                .add("above", (long) Integer.MAX_VALUE + 1)
                .add("below", (long) Integer.MIN_VALUE - 1)
                .add("edge", Integer.MAX_VALUE).build(), "");

        assertThatThrownBy(() -> fields.requiredInt("above"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("out of range"));
        assertThatThrownBy(() -> fields.requiredInt("below"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("out of range"));
        assertThat(fields.requiredInt("edge")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void requiredDoubleRefusesAStringAndAcceptsAnInteger() {
        JsonFields fields = new JsonFields(Json.createObjectBuilder()
                .add("sparsity", "half").add("whole", 1).build(), "pruning");

        assertThatThrownBy(() -> fields.requiredDouble("sparsity"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("pruning.sparsity");
                    assertThat(e.getMessage()).contains("a number").contains("string");
                });
        assertThat(fields.requiredDouble("whole")).isEqualTo(1.0);
    }

    @Test
    void requiredEnumListsTheAllowedValuesForAnUnknownOne() {
        JsonFields fields = new JsonFields(Json.createObjectBuilder().add("method", "AWQ").build(), "quantization");

        assertThatThrownBy(() -> fields.requiredEnum("method", Method.class))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("quantization.method");
                    assertThat(e.getMessage()).contains("'AWQ'").contains("[NONE, PTQ, QAT]");
                });
    }

    @Test
    void requiredEnumMatchesExactlyNotIgnoringCase() {
        JsonFields fields = new JsonFields(Json.createObjectBuilder()
                .add("lower", "ptq").add("exact", "PTQ").build(), "");

        assertThatThrownBy(() -> fields.requiredEnum("lower", Method.class)).isInstanceOf(InvalidInput.class);
        assertThat(fields.requiredEnum("exact", Method.class)).isEqualTo(Method.PTQ);
    }

    @Test
    void optionalStringsNamesTheIndexOfANonStringItem() {
        JsonFields fields = new JsonFields(Json.createObjectBuilder()
                .add("builderFlags", Json.createArrayBuilder().add("--int8").add(7)).build(), "tensorRt");

        assertThatThrownBy(() -> fields.optionalStrings("builderFlags"))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("tensorRt.builderFlags[1]"));
    }

    @Test
    void optionalStringsRefusesASingleStringInsteadOfAnArray() {
        JsonFields fields = new JsonFields(Json.createObjectBuilder().add("builderFlags", "--int8").build(), "tensorRt");

        assertThatThrownBy(() -> fields.optionalStrings("builderFlags"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("tensorRt.builderFlags");
                    assertThat(e.getMessage()).contains("array");
                });
    }

    @Test
    void optionalStringsReadsTheItemsInOrderAndAnAbsentListAsEmpty() {
        JsonFields fields = new JsonFields(Json.createObjectBuilder()
                .add("builderFlags", Json.createArrayBuilder().add("--int8").add("--fp16")).build(), "");

        assertThat(fields.optionalStrings("builderFlags")).containsExactly("--int8", "--fp16");
        assertThat(fields.optionalStrings("absent")).isEmpty();
    }

    @Test
    void requiredObjectRefusesAnArrayAndAMissingValue() {
        JsonFields fields = new JsonFields(Json.createObjectBuilder()
                .add("target", Json.createArrayBuilder()).build(), "");

        assertThatThrownBy(() -> fields.requiredObject("target"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("target");
                    assertThat(e.getMessage()).contains("an object").contains("array");
                });
        assertThatThrownBy(() -> fields.requiredObject("tensorRt"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("tensorRt");
                    assertThat(e.getMessage()).isEqualTo("is required");
                });
        assertThat(fields.optionalObject("tensorRt")).isNull();
    }
}
