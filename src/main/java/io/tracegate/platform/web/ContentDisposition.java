package io.tracegate.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * An RFC 6266 {@code Content-Disposition} for a download: an ASCII-only fallback name plus the exact
 * name in {@code filename*}, so hostile names (quotes, CR/LF, bidi overrides) cannot break the header.
 */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    public static String attachment(String fileName) {
        StringBuilder ascii = new StringBuilder();
        for (char c : fileName.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
