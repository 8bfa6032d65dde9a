package io.tracegate.audit.infrastructure.signing;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;

/**
 * Detached CMS (PKCS#7) signatures over SHA256SUMS and the PDF's byte ranges: SHA-256 with RSA PKCS#1 v1.5,
 * the certificate chain included, PAdES baseline-B signed attributes, DER-encoded. The JDK's providers do
 * the cryptography; BouncyCastle only builds and parses the structures, so no provider is registered.
 */
public final class CmsSignatures {

    private CmsSignatures() {
    }

    /** Signs the content (read once, to its end). */
    public static byte[] signDetached(SigningKey key, InputStream content) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new PadesAttributes(key.certificate()))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()), key.certificate()));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new StreamedContent(content), false).getEncoded("DER");
        } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the CMS signature", e);
        }
    }

    /**
     * The outcome of checking a detached signature.
     *
     * @param signer  the certificate the signature names and carries; empty when it carries none
     * @param problem why it does not verify; null when it does
     */
    public record Outcome(Optional<X509Certificate> signer, String problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    /**
     * A PDF's /Contents: the DER signature followed by the zero bytes that fill the space reserved for it.
     * Returns the signature alone; anything but zeros after it is left in, so that parsing fails.
     */
    public static byte[] withoutPadding(byte[] contents) {
        if (contents.length < 2 || contents[0] != 0x30) {
            return contents;
        }
        int first = contents[1] & 0xff;
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int octets = first & 0x7f;
            if (octets == 0 || octets > 4 || 2 + octets > contents.length) {
                return contents;
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = length << 8 | contents[2 + i] & 0xff;
            }
            header = 2 + octets;
        }
        long total = header + length;
        if (total > contents.length) {
            return contents;
        }
        for (int i = (int) total; i < contents.length; i++) {
            if (contents[i] != 0) {
                return contents;
            }
        }
        return java.util.Arrays.copyOf(contents, (int) total);
    }

    /** Checks that the signature has exactly one signer, carries its certificate, and verifies over the content. */
    public static Outcome verifyDetached(byte[] signature, InputStream content) {
        try {
            CMSSignedData signed = new CMSSignedData(new StreamedContent(content), signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return new Outcome(Optional.empty(), "expected one signer, found " + signers.size());
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return new Outcome(Optional.empty(), "the signature does not include its signer's certificate");
            }
            X509CertificateHolder holder = matches.iterator().next();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            boolean ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
            return new Outcome(Optional.of(certificate), ok ? null : "the signature does not match the content");
        } catch (CMSException e) {
            return new Outcome(Optional.empty(), "the signature does not match the content or is malformed: "
                    + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
        } catch (OperatorCreationException | GeneralSecurityException | RuntimeException e) {
            return new Outcome(Optional.empty(), "the signature cannot be read: " + e.getMessage());
        }
    }
}
