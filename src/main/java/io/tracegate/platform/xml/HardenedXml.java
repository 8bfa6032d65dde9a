package io.tracegate.platform.xml;

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
 */
public final class HardenedXml {

    /** A document was refused because it declares a DOCTYPE; its message says why for the file's author. */
    public static final class DoctypeRefused extends XMLStreamException {
        DoctypeRefused(javax.xml.stream.Location location) {
            super("a DOCTYPE is not allowed: it can declare entities that read local files, reach the network "
                    + "or expand without bound; export the file without a DOCTYPE", location);
        }
    }

    private HardenedXml() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // Should anything still try to resolve an entity, it gets an error instead of a connection.
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource '" + systemId + "' refused");
        });
        return factory;
    }

    /**
     * A namespace-aware streaming reader over {@code content} that throws {@link DoctypeRefused} on the
     * DOCTYPE event, before anything declared in it can be used. The caller closes {@code content}.
     */
    public static XMLStreamReader reader(InputStream content) throws XMLStreamException {
        // A factory per reader: StAX promises no thread safety for a shared one, and creating it is cheap.
        return new Refusing(newFactory().createXMLStreamReader(content));
    }

    /** Routes every way of advancing through {@link #next()}, so none of them can step over a DOCTYPE. */
    private static final class Refusing extends StreamReaderDelegate {

        Refusing(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_DECLARATION) {
                throw new DoctypeRefused(getLocation());
            }
            return event;
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
