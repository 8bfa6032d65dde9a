package io.tracegate.requirement.infrastructure;

import io.tracegate.platform.xml.HardenedXml;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams one ReqIF document into a {@link ReqifContent}: one pass, no DOM, so memory grows with what is
 * kept, not with the file. Elements are matched by local name only, which accepts the ReqIF 1.0
 * ({@code ReqIF/20101201}) and 1.1/1.2 ({@code ReqIF/20110401}) namespaces alike, and tools that forget
 * the namespace. Specifications and their SPEC-HIERARCHY are ignored: the parent links come from
 * SPEC-RELATIONs, and Polarion's duplicate hierarchy identifiers then do no harm.
 */
final class ReqifReader {

    /** XHTML elements that start a new line in the plain text. */
    private static final Set<String> BLOCKS = Set.of("div", "p", "li", "br", "tr", "h1", "h2", "h3", "h4", "h5",
            "h6", "ul", "ol", "table", "pre", "blockquote");

    private final ReqifContent content;
    private final String where;
    private final int maxTextChars;

    private int skipDepth;
    private String enumId;
    private String enumName;
    private String objectId;
    private int objectLine;
    private Map<String, ReqifContent.Value> objectValues;
    private boolean inValue;
    private String valueText;
    private String valueDefinition;
    private List<String> valueEnumRefs;
    private boolean valueTooLong;
    private boolean inDefinition;
    private int xhtmlDepth;
    private Capped xhtml;
    private Capped ref;
    private boolean inRelation;
    private boolean inSource;
    private boolean inTarget;
    private String relationSource;
    private String relationTarget;

    /**
     * @param where        the archive entry being read, for messages; {@code null} for a plain .reqif file
     * @param maxTextChars the longest attribute value or text the parser reads before refusing the file
     */
    ReqifReader(ReqifContent content, String where, int maxTextChars) {
        this.content = content;
        this.where = where;
        this.maxTextChars = maxTextChars;
    }

    void read(InputStream in) throws XMLStreamException {
        XMLStreamReader r = HardenedXml.reader(in, maxTextChars, maxTextChars);
        boolean root = true;
        try {
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (root && !r.getLocalName().equals("REQ-IF")) {
                            throw new XMLStreamException("not a ReqIF document: the root element is <"
                                    + r.getLocalName() + ">, not <REQ-IF>", r.getLocation());
                        }
                        root = false;
                        start(r);
                    }
                    case XMLStreamConstants.END_ELEMENT -> end(r);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text(r);
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                            "entity reference '&" + r.getLocalName() + ";' is not allowed", r.getLocation());
                    default -> {
                    }
                }
            }
        } finally {
            r.close();
        }
    }

    private void start(XMLStreamReader r) {
        String name = r.getLocalName();
        if (skipDepth > 0 || name.equals("TOOL-EXTENSIONS") || name.equals("REQ-IF-TOOL-EXTENSION")) {
            // Tool extensions hold vendor data of any shape, possibly elements that look like ours.
            skipDepth++;
            return;
        }
        if (xhtmlDepth > 0) {
            xhtmlDepth++;
            if (BLOCKS.contains(name)) {
                xhtml.newLine();
            }
            return;
        }
        if (name.endsWith("-REF")) {
            ref = new Capped(false);
            return;
        }
        switch (name) {
            case "ENUM-VALUE" -> {
                enumId = attribute(r, "IDENTIFIER");
                enumName = attribute(r, "LONG-NAME");
            }
            case "EMBEDDED-VALUE" -> {
                if (enumId != null && blank(enumName)) {
                    String other = attribute(r, "OTHER-CONTENT");
                    enumName = blank(other) ? attribute(r, "KEY") : other;
                }
            }
            case "SPEC-OBJECT" -> {
                objectId = attribute(r, "IDENTIFIER");
                objectLine = r.getLocation().getLineNumber();
                objectValues = new HashMap<>();
            }
            case "SPEC-RELATION" -> {
                inRelation = true;
                relationSource = null;
                relationTarget = null;
            }
            case "SOURCE" -> inSource = inRelation;
            case "TARGET" -> inTarget = inRelation;
            case "DEFINITION" -> inDefinition = inValue;
            case "THE-VALUE" -> {
                if (inValue) {
                    xhtmlDepth = 1;
                    xhtml = new Capped(true);
                }
            }
            default -> {
                if (name.startsWith("ATTRIBUTE-DEFINITION-")) {
                    String id = attribute(r, "IDENTIFIER");
                    String longName = attribute(r, "LONG-NAME");
                    if (id != null) {
                        content.attributeDefinition(id, blank(longName) ? id : longName.strip());
                    }
                } else if (name.startsWith("ATTRIBUTE-VALUE-") && objectValues != null) {
                    inValue = true;
                    valueText = attribute(r, "THE-VALUE");
                    valueTooLong = valueText != null && valueText.length() > ReqifContent.MAX_VALUE_CHARS;
                    valueDefinition = null;
                    valueEnumRefs = new ArrayList<>();
                }
            }
        }
    }

    private void end(XMLStreamReader r) {
        String name = r.getLocalName();
        if (skipDepth > 0) {
            skipDepth--;
            return;
        }
        if (xhtmlDepth > 0) {
            if (--xhtmlDepth == 0) {
                valueText = xhtml.plainText();
                valueTooLong |= xhtml.over;
                xhtml = null;
            } else if (BLOCKS.contains(name)) {
                xhtml.newLine();
            }
            return;
        }
        if (ref != null) {
            endRef(name);
            return;
        }
        switch (name) {
            case "ENUM-VALUE" -> {
                if (enumId != null) {
                    content.enumValue(enumId, blank(enumName) ? enumId : enumName.strip());
                }
                enumId = null;
                enumName = null;
            }
            case "SPEC-OBJECT" -> {
                if (objectId == null) {
                    content.problem(where, objectLine, "a SPEC-OBJECT has no IDENTIFIER");
                } else {
                    content.object(new ReqifContent.RawObject(objectId, where, objectLine, objectValues));
                }
                objectId = null;
                objectValues = null;
            }
            case "SPEC-RELATION" -> {
                if (relationSource == null || relationTarget == null) {
                    content.problem(where, r.getLocation().getLineNumber(), "a SPEC-RELATION lacks its SOURCE or TARGET");
                } else {
                    content.relation(relationSource, relationTarget);
                }
                inRelation = false;
            }
            case "SOURCE" -> inSource = false;
            case "TARGET" -> inTarget = false;
            case "DEFINITION" -> inDefinition = false;
            default -> {
                if (name.startsWith("ATTRIBUTE-VALUE-") && inValue) {
                    endValue(r);
                }
            }
        }
    }

    private void endRef(String name) {
        String target = ref.text().strip();
        if (ref.over) {
            content.problem(where, null, name + " is longer than " + ReqifContent.MAX_VALUE_CHARS + " characters");
        } else if (inValue && inDefinition) {
            valueDefinition = target;
        } else if (inValue && name.equals("ENUM-VALUE-REF")) {
            valueEnumRefs.add(target);
        } else if (inSource && name.equals("SPEC-OBJECT-REF")) {
            relationSource = target;
        } else if (inTarget && name.equals("SPEC-OBJECT-REF")) {
            relationTarget = target;
        }
        ref = null;
    }

    private void endValue(XMLStreamReader r) {
        inValue = false;
        if (valueDefinition == null) {
            content.problem(where, r.getLocation().getLineNumber(), "SPEC-OBJECT " + objectId
                    + " has an attribute value without DEFINITION");
            return;
        }
        String text = valueText == null ? "" : valueText;
        content.charge(text.length() + valueDefinition.length());
        objectValues.put(valueDefinition, new ReqifContent.Value(
                valueTooLong ? "" : text, List.copyOf(valueEnumRefs), valueTooLong));
    }

    private void text(XMLStreamReader r) {
        if (skipDepth > 0) {
            return;
        }
        if (xhtmlDepth > 0) {
            xhtml.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
        } else if (ref != null) {
            ref.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
        }
    }

    private static String attribute(XMLStreamReader r, String name) {
        return r.getAttributeValue(null, name);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Collects text up to the value limit and remembers whether more came, instead of growing without bound. */
    private static final class Capped {
        private final StringBuilder text = new StringBuilder();
        private final boolean markup;
        private boolean over;

        /** @param markup whether this is XHTML, where source line breaks are mere spaces */
        Capped(boolean markup) {
            this.markup = markup;
        }

        void append(char[] chars, int start, int length) {
            int room = ReqifContent.MAX_VALUE_CHARS - text.length();
            if (length > room) {
                over = true;
            }
            int end = start + Math.min(length, Math.max(room, 0));
            for (int i = start; i < end; i++) {
                text.append(markup && Character.isWhitespace(chars[i]) ? ' ' : chars[i]);
            }
        }

        /** Collapses the whitespace XHTML ignores, but keeps one line break per block. */
        void newLine() {
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
        }

        String text() {
            return text.toString();
        }

        /** One line per block, spaces collapsed, blank lines dropped: what a reader of the rendered XHTML sees. */
        String plainText() {
            return String.join("\n", text.toString().lines().map(line -> line.replaceAll(" {2,}", " ").strip())
                    .filter(line -> !line.isEmpty()).toList());
        }
    }
}
