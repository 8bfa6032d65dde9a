package io.tracegate.audit.infrastructure.signing;

import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Hashtable;
import java.util.Map;

/**
 * The signed attributes of a PAdES baseline-B / CAdES-B signature: content type, message digest, algorithm
 * protection and the ESS signing-certificate-v2 (which binds the signer's certificate into the signature).
 * No signing-time: PAdES keeps the time in the signature dictionary, and leaving it out keeps the
 * signature of unchanged content byte-identical.
 */
final class PadesAttributes implements CMSAttributeTableGenerator {

    private final DefaultSignedAttributeTableGenerator standard;

    PadesAttributes(X509Certificate signer) {
        Hashtable<Object, Object> extra = new Hashtable<>();
        Attribute certificate = signingCertificateV2(signer);
        extra.put(certificate.getAttrType(), certificate);
        this.standard = new DefaultSignedAttributeTableGenerator(new AttributeTable(extra));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public AttributeTable getAttributes(Map parameters) {
        return standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
    }

    private static Attribute signingCertificateV2(X509Certificate signer) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(signer.getEncoded());
            IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                    X500Name.getInstance(signer.getIssuerX500Principal().getEncoded()))), signer.getSerialNumber());
            ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
            return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode the signing-certificate-v2 attribute", e);
        }
    }
}
