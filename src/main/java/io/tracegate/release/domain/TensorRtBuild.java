package io.tracegate.release.domain;

import io.tracegate.platform.failure.InvalidInput;

import java.util.List;
import java.util.regex.Pattern;

/** The TensorRT version and the trtexec/builder flags the engine was built with. */
public record TensorRtBuild(String version, List<String> builderFlags) {

    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){1,3}");
    private static final Pattern FLAG = Pattern.compile("--?[A-Za-z][A-Za-z0-9_.-]*(=[^\\s]{1,500})?");

    public TensorRtBuild {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new InvalidInput("tensorRt.version", "must be a TensorRT version such as 10.3.0, got '" + version + "'");
        }
        builderFlags = builderFlags == null ? List.of() : List.copyOf(builderFlags);
        if (builderFlags.size() > 100) {
            throw new InvalidInput("tensorRt.builderFlags", "at most 100 flags");
        }
        for (int i = 0; i < builderFlags.size(); i++) {
            String flag = builderFlags.get(i);
            if (flag == null || !FLAG.matcher(flag).matches()) {
                throw new InvalidInput("tensorRt.builderFlags[" + i + "]",
                        "must look like --name or --name=value without spaces, got '" + flag + "'");
            }
        }
    }
}
