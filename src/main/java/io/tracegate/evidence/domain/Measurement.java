package io.tracegate.evidence.domain;

import java.math.BigDecimal;

/**
 * One value a criterion was judged on.
 *
 * @param metric    the metric as measured (or, when derived, the formula)
 * @param derived   true for values Tracegate computed, e.g. a drop against the reference release
 * @param counts    whether the value may make the criterion pass (false: awaiting the review the ASIL needs)
 */
public record Measurement(long evidenceId, String metric, BigDecimal value, boolean met, boolean derived,
                          boolean counts) {
}
