package io.tracegate.audit.infrastructure.signing;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSTypedData;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Signed content read once from a stream (a PDF's byte ranges), so it is hashed without being held. */
final class StreamedContent implements CMSTypedData {

    private final InputStream in;

    StreamedContent(InputStream in) {
        this.in = in;
    }

    @Override
    public ASN1ObjectIdentifier getContentType() {
        return CMSObjectIdentifiers.data;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        in.transferTo(out);
    }

    @Override
    public Object getContent() {
        return in;
    }
}
