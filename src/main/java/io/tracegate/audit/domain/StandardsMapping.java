package io.tracegate.audit.domain;

import java.util.List;

/**
 * Which section of an audit package provides evidence for which clause or work product of the standards an
 * assessor checks, and what the package does not provide. It says "provides evidence for", never
 * "compliant": conformance is the assessor's judgement over far more than one release. Clause and work
 * product ids as published (ISO 26262:2018, Automotive SPICE 4.0, ISO/PAS 8800:2024, ISO 21448:2022);
 * check them against the standard texts before relying on them.
 */
public final class StandardsMapping {

    /**
     * @param provides what in this package provides evidence (sections in brackets)
     * @param gap      what the package does not provide; never empty, since no row is covered in full
     */
    public record Row(String standard, String clause, String provides, String gap) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("ISO 26262-6", "9-11 Software verification: specification and report",
                    "Acceptance criteria per requirement (4), the verdict of every requirement with the values and "
                            + "evidence behind it (5), KPI results (6), evidence with provenance and review (7).",
                    "No verification plan or selection of methods per ASIL (tables 7-14); no structural coverage; "
                            + "the model's internals are verified only through its measured KPIs."),
            new Row("ISO 26262-8", "7 Configuration management (7.5.1)",
                    "Every artifact and evidence file identified by SHA-256 and included as stored (2, 7); the release "
                            + "manifest digest the signatures bind to (1, 8); the baseline's source commit or file hash (4).",
                    "The configuration management plan is the organisation's; backup and recovery are outside Tracegate."),
            new Row("ISO 26262-8", "8 Change management (8.5.2-8.5.4)",
                    "Reopened reviews with their reasons and the release's audit trail (9); requirements changed "
                            + "between baselines make their verification SUSPECT (5).",
                    "No change requests, impact analyses or change reports are recorded."),
            new Row("ISO 26262-8", "9 Verification (9.5.1-9.5.3)",
                    "This package is the verification report of the release: criteria, results, verdicts, gate (1, 5, 6).",
                    "The verification plan (9.5.1) is not held by Tracegate."),
            new Row("ISO 26262-8", "10 Documentation",
                    "The package is identified (release, manifest digest on every page), reproducible (the same state "
                            + "gives the same bytes) and signed (SHA256SUMS.sig, PDF signature).",
                    "Other work products (plans, safety case) are managed elsewhere."),
            new Row("ISO 26262-8", "11 Confidence in the use of software tools (11.5.1, 11.5.2)",
                    "The generator's version (manifest.json) and the tool versions in the evidence provenance (7).",
                    "No tool criteria evaluation or qualification report, for Tracegate or for the tools it records "
                            + "(TensorRT, trtexec): tool confidence levels and qualification are open."),
            new Row("ISO 26262-2", "6.4.9 Confirmation measures; independence per ASIL",
                    "The approval rule chosen by the highest ASIL, separation of duties (creator and uploaders may not "
                            + "sign where the rule says so), evidence reviewed by someone other than its uploader (1, 7, 8).",
                    "Independence is enforced between user accounts, not as organisational levels I0-I3; no "
                            + "confirmation review report, functional safety audit or assessment."),
            new Row("ASPICE 4.0", "MLE.1 ML requirements analysis (17-00, 17-54, 13-51)",
                    "The requirement baseline with ASIL, kind, decomposition and machine-checkable criteria (4), and "
                            + "its consistency with the verification (5).",
                    "Communication evidence (13-52) and analysis results (15-51) are not recorded."),
            new Row("ASPICE 4.0", "MLE.2 ML architecture (04-51, 01-54)",
                    "Facts read from the ONNX graph: interface, operators, parameters, quantization (2); the "
                            + "compression recipe's settings (3).",
                    "No ML architecture description; training hyperparameters are not recorded."),
            new Row("ASPICE 4.0", "MLE.3 ML training (08-65, 03-51, 01-53)",
                    "The trained model is identified as the reference release (2); the calibration data set by name, "
                            + "size and hash (3).",
                    "No training and validation approach; the training data set and its hash are not recorded."),
            new Row("ASPICE 4.0", "MLE.4 ML model testing (08-64, 03-51, 13-50, 11-50)",
                    "The deployed model is this release's artifacts (2), derived from the trained model by the recipe "
                            + "(3) and tested against the requirements (5, 6, 7) with data set scopes per value.",
                    "No ML test approach (08-64); that test data was not used for training is shown only as far as "
                            + "data set names and hashes appear in the evidence provenance."),
            new Row("ASPICE 4.0", "SUP.8 Configuration management (13-08, 01-52, 15-56, 14-01)",
                    "Baseline (4), configuration item list with hashes (2, 7), status (1) and change history (9).",
                    "CI selection criteria (18-53) and backup/recovery (06-52) are outside Tracegate."),
            new Row("ASPICE 4.0", "SUP.10 Change request management (13-16, 18-57)",
                    "Reopen reasons and baseline changes that make verification SUSPECT (5, 9).",
                    "No change request records or change analysis criteria."),
            new Row("ASPICE 4.0", "SUP.11 ML data management (16-52, 19-50, 03-53)",
                    "The calibration set's identity and hash (3); data set names in the scopes of measured values (5, 6).",
                    "No ML data management system, data quality approach or data set lineage."),
            new Row("ISO/PAS 8800", "7 AI safety management",
                    "Approvals with the rule they satisfy (1, 8).",
                    "The AI safety management system itself is not described here."),
            new Row("ISO/PAS 8800", "11 Data set lifecycle",
                    "Calibration set hash (3) and data set scopes of the results (5).",
                    "No evidence of accuracy, completeness or independence of training, validation and test sets."),
            new Row("ISO/PAS 8800", "Verification and validation of the AI system",
                    "KPIs against safety requirements (5, 6) and regression against the reference model (6).",
                    "No safety analysis of the AI component; monitoring in operation is not yet ingested."),
            new Row("ISO 21448", "Acceptance criteria and the release decision",
                    "Acceptance criteria (4), waivers with justification and expiry as conditional acceptance (7), "
                            + "the signed decision and its meaning (8).",
                    "No triggering-condition analysis or validation targets for residual risk."));

    private StandardsMapping() {
    }

    public static List<Row> rows() {
        return ROWS;
    }
}
