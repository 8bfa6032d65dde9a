package io.tracegate.evidence.infrastructure.trtexec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TensorRT layer name split into the layer and its optimization profile: engines built with several
 * profiles repeat every layer, suffixed {@code " [profile N]"} for profiles 1 and up (profile 0 has no
 * suffix). Names are otherwise arbitrary text, fused names included ({@code "conv1 + relu1"}), and since
 * TensorRT 8.6 may carry the U+001E and U+001F separators.
 *
 * @param profile the profile number, or -1 when the name has no suffix
 */
record TrtexecLayerName(String layer, int profile) {

    private static final Pattern SUFFIX = Pattern.compile("(.*) \\[profile (\\d{1,6})\\]", Pattern.DOTALL);

    static TrtexecLayerName parse(String name) {
        Matcher m = SUFFIX.matcher(name);
        if (m.matches()) {
            return new TrtexecLayerName(m.group(1), Integer.parseInt(m.group(2)));
        }
        return new TrtexecLayerName(name, -1);
    }

    /** A profile number as a scope value; a name without suffix (-1) belongs to profile 0. */
    static String profileScope(int profile) {
        return Integer.toString(Math.max(profile, 0));
    }
}
