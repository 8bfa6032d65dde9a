package io.tracegate.approval.domain;

/**
 * What a signer declares by signing (21 CFR Part 11 §11.50: the meaning is part of the signature). The
 * approvals name the purpose the release is approved for; a release is approved for one purpose per round.
 */
public enum SignatureMeaning {
    APPROVE_HIL("approved for HIL campaigns"),
    APPROVE_FLEET("approved for fleet testing"),
    APPROVE_PRODUCTION("approved for start of production"),
    REJECT("rejected");

    private final String words;

    SignatureMeaning(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    public boolean isApproval() {
        return this != REJECT;
    }
}
