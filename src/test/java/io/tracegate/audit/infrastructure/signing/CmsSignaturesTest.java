package io.tracegate.audit.infrastructure.signing;

import io.tracegate.audit.infrastructure.TestKeys;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CmsSignaturesTest {

    static final byte[] CONTENT = "abc  report.pdf\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsDeterministicallyWithoutSigningTimeButWithTheSigningCertificate() throws Exception {
        byte[] first = CmsSignatures.signDetached(TestKeys.key(), new ByteArrayInputStream(CONTENT));
        byte[] second = CmsSignatures.signDetached(TestKeys.key(), new ByteArrayInputStream(CONTENT));
        assertThat(first).isEqualTo(second);
        SignerInformation signer = new CMSSignedData(first).getSignerInfos().getSigners().iterator().next();
        assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
        assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
        assertThat(signer.getSignedAttributes().get(CMSAttributes.messageDigest)).isNotNull();
    }

    @Test
    void verifiesOverTheSameContentOnly() throws Exception {
        byte[] signature = CmsSignatures.signDetached(TestKeys.key(), new ByteArrayInputStream(CONTENT));
        CmsSignatures.Outcome good = CmsSignatures.verifyDetached(signature, new ByteArrayInputStream(CONTENT));
        assertThat(good.valid()).as(good.problem()).isTrue();
        assertThat(good.signer()).contains(TestKeys.key().certificate());
        byte[] changed = CONTENT.clone();
        changed[0] = 'b';
        CmsSignatures.Outcome bad = CmsSignatures.verifyDetached(signature, new ByteArrayInputStream(changed));
        assertThat(bad.valid()).isFalse();
        assertThat(bad.problem()).contains("does not match");
    }
}
