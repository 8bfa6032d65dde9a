package io.tracegate.identity.infrastructure;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The authenticator codes against RFC 6238's own test vectors (Appendix B), and the rules around them. */
class TotpCodesTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

    /** Time (s), then the 8-digit codes for SHA1, SHA256 and SHA512, as printed in RFC 6238 Appendix B. */
    private static final String[][] VECTORS = {
            {"59", "94287082", "46119246", "90693936"},
            {"1111111109", "07081804", "68084774", "25091201"},
            {"1111111111", "14050471", "67062674", "99943326"},
            {"1234567890", "89005924", "91819424", "93441116"},
            {"2000000000", "69279037", "90698825", "38618901"},
            {"20000000000", "65353130", "77737706", "47863826"}};

    @Test
    void theCodesAreThoseOfRfc6238AppendixB() {
        TotpCodes sha1 = new TotpCodes(Duration.ofSeconds(30), 8, "HmacSHA1");
        TotpCodes sha256 = new TotpCodes(Duration.ofSeconds(30), 8, "HmacSHA256");
        TotpCodes sha512 = new TotpCodes(Duration.ofSeconds(30), 8, "HmacSHA512");
        for (String[] v : VECTORS) {
            long step = sha1.stepAt(Instant.ofEpochSecond(Long.parseLong(v[0])));
            assertThat(sha1.codeAt(SHA1_SEED, step)).as("SHA1 at " + v[0]).isEqualTo(v[1]);
            assertThat(sha256.codeAt(SHA256_SEED, step)).as("SHA256 at " + v[0]).isEqualTo(v[2]);
            assertThat(sha512.codeAt(SHA512_SEED, step)).as("SHA512 at " + v[0]).isEqualTo(v[3]);
        }
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNotFurther() {
        TotpCodes codes = new TotpCodes();
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = codes.stepAt(now);
        for (long s = step - 1; s <= step + 1; s++) {
            assertThat(codes.matchingStep(SHA1_SEED, codes.codeAt(SHA1_SEED, s), now, x -> true)).hasValue(s);
        }
        assertThat(codes.matchingStep(SHA1_SEED, codes.codeAt(SHA1_SEED, step - 2), now, x -> true)).isEmpty();
        assertThat(codes.matchingStep(SHA1_SEED, codes.codeAt(SHA1_SEED, step + 2), now, x -> true)).isEmpty();
    }

    @Test
    void aStepThatIsNoLongerFreshDoesNotMatchButIsRecognisedAsReplayed() {
        TotpCodes codes = new TotpCodes();
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        String code = codes.codeAt(SHA1_SEED, codes.stepAt(now));
        assertThat(codes.matchingStep(SHA1_SEED, code, now, s -> s > codes.stepAt(now))).isEmpty();
        assertThat(codes.matchesAnyStep(SHA1_SEED, code, now)).isTrue();
    }

    @Test
    void theKeyUriCarriesTheBase32SecretAndTheParametersAppsNeed() {
        TotpCodes codes = new TotpCodes();
        assertThat(codes.base32(SHA1_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(codes.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(SHA1_SEED);
        assertThat(codes.keyUri("Tracegate", "alex moreau", SHA1_SEED)).isEqualTo("otpauth://totp/Tracegate:alex%20moreau"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Tracegate&algorithm=SHA1&digits=6&period=30");
        assertThat(codes.newSecret()).hasSize(20).isNotEqualTo(codes.newSecret());
    }

    @Test
    void theQrCodeDecodesToTheKeyUri() throws Exception {
        String uri = new TotpCodes().keyUri("Tracegate", "alex", SHA1_SEED);
        String data = QrCodeImages.pngDataUri(uri);
        byte[] png = java.util.Base64.getDecoder().decode(data.substring("data:image/png;base64,".length()));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new com.google.zxing.qrcode.QRCodeReader().decode(bitmap, java.util.Map.of(
                com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText()).isEqualTo(uri);
    }
}
