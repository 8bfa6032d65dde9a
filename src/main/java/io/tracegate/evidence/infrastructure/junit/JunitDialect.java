package io.tracegate.evidence.infrastructure.junit;

/**
 * Which tool wrote a JUnit XML report, told from clues the reader collects on the way. It only goes into
 * the notes: every dialect is read by the same rules. The first matching clue wins, most telling first.
 */
enum JunitDialect {
    GOOGLETEST, NODE, PYTEST, JEST, SUREFIRE, GENERIC;

    /** What the reader noticed about the report. */
    static final class Clues {
        String rootName;
        String rootSuiteName = "";
        boolean surefireSchema;
        boolean suiteProperties;
        boolean googleTestAttributes;
        boolean caseDirectlyUnderTestsuites;
        boolean summaryComments;
        boolean pytestSuite;
    }

    static JunitDialect of(Clues clues) {
        if (clues.googleTestAttributes) {
            return GOOGLETEST;
        }
        if (clues.caseDirectlyUnderTestsuites || clues.summaryComments) {
            return NODE;
        }
        if (clues.pytestSuite) {
            return PYTEST;
        }
        if (clues.rootSuiteName.toLowerCase(java.util.Locale.ROOT).contains("jest")) {
            return JEST;
        }
        if (clues.surefireSchema || ("testsuite".equals(clues.rootName) && clues.suiteProperties)) {
            return SUREFIRE;
        }
        return GENERIC;
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
