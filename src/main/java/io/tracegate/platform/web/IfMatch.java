package io.tracegate.platform.web;

import io.tracegate.platform.failure.InvalidInput;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@code If-Match} header against records whose ETag is their version number ({@code "3"}), with
 * one rule for every endpoint (RFC 9110, section 13.1.1):
 * <ul>
 *   <li>no header, or {@code *}: any version will do, the change is unconditional;</li>
 *   <li>one strong ETag ({@code "3"}): the change applies only to that version (412 otherwise);</li>
 *   <li>anything else is 400 naming {@code If-Match}: a weak tag ({@code W/"3"}) can never match, since
 *       {@code If-Match} compares strongly; an unquoted number, a list or another tag is not one of ours.</li>
 * </ul>
 */
public final class IfMatch {

    private static final Pattern STRONG_VERSION = Pattern.compile("\"([0-9]{1,18})\"");

    private IfMatch() {
    }

    /**
     * @param header the {@code If-Match} header as received, or null
     * @param what   the record the ETag belongs to, for the message, e.g. {@code "release"}
     * @return the version the client saw, or empty when any version will do
     */
    public static OptionalLong version(String header, String what) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        String tag = header.trim();
        if (tag.equals("*")) {
            return OptionalLong.empty();
        }
        Matcher strong = STRONG_VERSION.matcher(tag);
        if (!strong.matches()) {
            throw new InvalidInput("If-Match", "must be * or the ETag of the " + what + " as sent, e.g. \"3\" "
                    + "(quoted, not weak, one tag); got " + abbreviated(tag));
        }
        return OptionalLong.of(Long.parseLong(strong.group(1)));
    }

    private static String abbreviated(String tag) {
        return tag.length() <= 40 ? tag : tag.substring(0, 40) + "…";
    }
}
