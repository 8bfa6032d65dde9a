package io.tracegate.audit.infrastructure.archive;

import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV cells that a spreadsheet cannot run (THREATS T12): a cell starting with {@code = + - @},
 * tab or CR gets a leading {@code '}, so Excel and LibreOffice show it as text instead of evaluating a
 * formula such as {@code =HYPERLINK(...)}. Plain decimal numbers ({@code -0.006}) are left as they are: they
 * cannot be formulas, and auditors sort and sum them. Cells holding a comma, quote or line break are quoted.
 */
final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private CsvCells() {
    }

    static String row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches()) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
