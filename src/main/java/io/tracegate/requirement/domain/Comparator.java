package io.tracegate.requirement.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/** How a measured value is compared with a criterion's threshold. */
public enum Comparator {
    AT_LEAST(">="), AT_MOST("<="), GREATER(">"), LESS("<"), EQUAL("==");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Optional<Comparator> ofSymbol(String symbol) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
    }

    public boolean holds(BigDecimal measured, BigDecimal threshold) {
        int order = measured.compareTo(threshold);
        return switch (this) {
            case AT_LEAST -> order >= 0;
            case AT_MOST -> order <= 0;
            case GREATER -> order > 0;
            case LESS -> order < 0;
            case EQUAL -> order == 0;
        };
    }
}
