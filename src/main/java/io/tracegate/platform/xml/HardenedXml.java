package io.tracegate.platform.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.sr.StreamReaderImpl;
import com.ctc.wstx.stax.WstxInputFactory;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import java.io.InputStream;

/**
 * The one place that creates XML parsers (threat T7: XXE, billion laughs). Uploaded XML never needs a
 * DTD, so every document that declares one is refused outright: entities are then never declared, so
 * they can neither read local files, reach the network, nor expand without bound. The factory settings
 * below are a second line of defence in case a DOCTYPE slipped past the event check.
 *
 * <p>The parser is Woodstox rather than the JDK's: the JDK's gathers an attribute value, a CDATA section
 * or a comment whole before reporting it, so one 250 MiB attribute ran the server out of memory (issue 15).
 * Woodstox counts while it reads and stops an attribute value at {@value #CONFIG_KEY} characters (1 MiB by
 * default); text and CDATA it hands over in segments, so a caller that keeps no text (a JUnit report's
 * {@code <system-out>} of many megabytes) needs no bound on it, and one that keeps text asks for the same
 * bound on each element's text. The refusal names the element and where it starts.
 */
public final class HardenedXml {

    /** The MicroProfile Config key bounding every attribute value and text (characters, per value). */
    public static final String CONFIG_KEY = "tracegate.xml.max-text-chars";
    public static final int DEFAULT_MAX_TEXT_CHARS = 1 << 20;

    /** A value was longer than the bound; the message names the element, its line and column, and the bound. */
    public static final class TextTooLong extends XMLStreamException {
        TextTooLong(String message, javax.xml.stream.Location location) {
            super(message, location);
        }
    }

    /** A document was refused because it declares a DOCTYPE; its message says why for the file's author. */
    public static final class DoctypeRefused extends XMLStreamException {
        DoctypeRefused(javax.xml.stream.Location location) {
            super("a DOCTYPE is not allowed: it can declare entities that read local files, reach the network "
                    + "or expand without bound; export the file without a DOCTYPE", location);
        }
    }

    private HardenedXml() {
    }

    private static XMLInputFactory newFactory(int maxAttributeChars, int maxTextChars) {
        // Named, not looked up: the JDK's factory must never be chosen by a class path change.
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, maxAttributeChars);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, maxTextChars);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false); // text in segments, never gathered whole
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        for (String access : new String[] {XMLConstants.ACCESS_EXTERNAL_DTD, XMLConstants.ACCESS_EXTERNAL_SCHEMA}) {
            if (factory.isPropertySupported(access)) {
                factory.setProperty(access, "");
            }
        }
        // Should anything still try to resolve an entity, it gets an error instead of a connection.
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource '" + systemId + "' refused");
        });
        return factory;
    }

    /**
     * A namespace-aware streaming reader over {@code content} that throws {@link DoctypeRefused} on the
     * DOCTYPE event, before anything declared in it can be used, and {@link TextTooLong} on an attribute value
     * longer than the configured bound; text comes in segments of any total length. The caller closes
     * {@code content}.
     */
    public static XMLStreamReader reader(InputStream content) throws XMLStreamException {
        return reader(content, configuredMaxTextChars(), Integer.MAX_VALUE);
    }

    /** The same with explicit bounds, in characters, on every attribute value and on each element's text. */
    public static XMLStreamReader reader(InputStream content, int maxAttributeChars, int maxTextChars)
            throws XMLStreamException {
        // A factory per reader: StAX promises no thread safety for a shared one, and creating it is cheap.
        return new Refusing(newFactory(maxAttributeChars, maxTextChars).createXMLStreamReader(content),
                maxAttributeChars, maxTextChars);
    }

    /** The bound from configuration; the default outside a container (unit tests). */
    public static int configuredMaxTextChars() {
        try {
            return ConfigProvider.getConfig().getOptionalValue(CONFIG_KEY, Integer.class).orElse(DEFAULT_MAX_TEXT_CHARS);
        } catch (IllegalStateException | ExceptionInInitializerError | NoClassDefFoundError noConfig) {
            return DEFAULT_MAX_TEXT_CHARS;
        }
    }

    /** Routes every way of advancing through {@link #next()}, so none of them can step over a DOCTYPE. */
    private static final class Refusing extends StreamReaderDelegate {

        private final int maxAttributeChars;
        private final int maxTextChars;

        Refusing(XMLStreamReader reader, int maxAttributeChars, int maxTextChars) {
            super(reader);
            this.maxAttributeChars = maxAttributeChars;
            this.maxTextChars = maxTextChars;
        }

        @Override
        public int next() throws XMLStreamException {
            int event;
            try {
                event = super.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    // Woodstox reads a token's text when it is first asked for, and reports a broken one then
                    // as an unchecked exception (a CDATA section cut off: found by fuzzing). Text comes in
                    // bounded segments, so it is read here, where the error is checked; comments stay skipped.
                    super.getTextLength();
                }
            } catch (WstxLazyException e) {
                throw tooLongOr(e.getCause() instanceof XMLStreamException cause ? cause
                        : new XMLStreamException(e.getMessage(), getLocation()));
            } catch (XMLStreamException e) {
                throw tooLongOr(e);
            }
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_DECLARATION) {
                throw new DoctypeRefused(getLocation());
            }
            return event;
        }

        /**
         * Woodstox reports a bound with a plain exception ("Maximum attribute size limit (n) exceeded", "Text
         * size limit (n) exceeded") and its own location; the element being read is the top of its element stack
         * (for an attribute, the element whose start tag it is in), and the location is where that element or
         * text starts.
         */
        private XMLStreamException tooLongOr(XMLStreamException e) {
            String message = String.valueOf(e.getMessage());
            boolean attribute = message.startsWith("Maximum attribute size limit");
            if (!attribute && !message.startsWith("Text size limit")) {
                return e;
            }
            javax.xml.stream.Location at = getLocation();
            String element = getParent() instanceof StreamReaderImpl woodstox
                    && woodstox.getInputElementStack().getDepth() > 0
                    ? "<" + woodstox.getInputElementStack().getLocalName() + ">" : "the document";
            return new TextTooLong(element + " at line " + at.getLineNumber() + ", column " + at.getColumnNumber()
                    + (attribute ? " has an attribute value" : " has a text") + " longer than "
                    + (attribute ? maxAttributeChars : maxTextChars) + " characters (" + CONFIG_KEY + ")", at);
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while (event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                    || event == XMLStreamConstants.SPACE
                    || (event == XMLStreamConstants.CHARACTERS && isWhiteSpace())) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                throw new XMLStreamException("expected a start or end tag", getLocation());
            }
            return event;
        }

        @Override
        public String getElementText() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            int event = next();
            while (event != XMLStreamConstants.END_ELEMENT) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    throw new XMLStreamException("expected text only", getLocation());
                }
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    text.append(getText());
                }
                event = next();
            }
            return text.toString();
        }
    }
}
