package io.tracegate.release.domain;

import io.tracegate.platform.failure.InvalidInput;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Semantic Versioning 2.0.0 version: {@code MAJOR.MINOR.PATCH[-pre-release][+build]}. */
public record SemanticVersion(String value) {

    private static final String NUMBER = "(0|[1-9]\\d{0,8})";
    private static final String IDENT = "(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";
    private static final Pattern SEMVER = Pattern.compile(
            NUMBER + "\\." + NUMBER + "\\." + NUMBER
            + "(?:-(" + IDENT + "(?:\\." + IDENT + ")*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    public SemanticVersion {
        if (value == null || value.length() > 100 || !SEMVER.matcher(value).matches()) {
            throw new InvalidInput("version", "must be a semantic version such as 1.4.0 or 2.0.0-int8.rc1, got '"
                    + value + "'");
        }
    }

    public int major() {
        return part(1);
    }

    public int minor() {
        return part(2);
    }

    public int patch() {
        return part(3);
    }

    private int part(int group) {
        Matcher m = SEMVER.matcher(value);
        m.matches();
        return Integer.parseInt(m.group(group));
    }

    @Override
    public String toString() {
        return value;
    }
}
