package io.tracegate.release.interfaces;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tracegate.platform.web.JsonRequest;

import java.io.ByteArrayInputStream;

import static io.tracegate.platform.failure.ParserInvariant.readsOrRefuses;

/**
 * The optimization recipe body (JSON: Tracegate takes recipes as JSON only) under coverage-guided fuzzing:
 * whatever the bytes, {@code PUT …/recipe}'s reading is done or refused with {@code InvalidInput} (400 naming
 * the field), never another exception, in bounded time. Seeds in {@code RecipeJsonFuzzTestInputs/recipe/}.
 */
class RecipeJsonFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void recipe(byte[] body) {
        readsOrRefuses(() -> RecipeJson.read(JsonRequest.read(new ByteArrayInputStream(body))));
    }
}
