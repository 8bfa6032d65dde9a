package io.tracegate.requirement.infrastructure;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortcut either builds exactly what SnakeYAML builds (and SnakeYAML would not have refused the text), or
 * gives up: checked on the usual forms, on forms where YAML means something else, on the example project,
 * and on many documents assembled at random from both.
 */
class SimpleFrontMatterTest {

    private static Object snakeYaml(String yaml) {
        return new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(10).build())
                .loadFromString(yaml);
    }

    private static void agreesWithSnakeYaml(String yaml) {
        Map<String, Object> simple = SimpleFrontMatter.read(yaml);
        if (simple != null) {
            assertThat(simple).as(yaml).isEqualTo(snakeYaml(yaml));
        }
    }

    @Test
    void readsTheUsualFormsExactlyAsSnakeYamlDoes() {
        List<String> usual = List.of(
                "id: REQ-1\ntitle: Generated requirement 1\nasil: B\nkind: ml-performance\nparents: [REQ-0]\n"
                        + "verification: {method: HIL, level: ml-model}\n"
                        + "criteria: [\"recall[class=pedestrian, set=night-hil] >= 0.91\"]\n",
                "id: SG-01\nasil: ASIL D\nparents: []\ncriteria: [ ]\nverification:\n  method: HIL\n  level: component\n",
                "id: X\ncriteria:\n  - recall[class=pedestrian, set=night-hil, iou=0.5] >= 0.93\n  - \"latency.p99_ms[target=orin] <= 30 ms\"\n",
                "id: X\ncriteria:\n- a >= 1\n- b <= 2 ms\ntitle: 99th percentile, after a list at the indent of its key\n",
                "id: X\nparents: [A-1 , B_2,\"C 3\"]\ntitle:   spaced   out  \n\n",
                "title: \"\"\nkind: \"with, commas [and] {braces}: and colons\"\n");
        for (String yaml : usual) {
            assertThat(SimpleFrontMatter.read(yaml)).as(yaml).isNotNull().isEqualTo(snakeYaml(yaml));
        }
    }

    @Test
    void givesUpWhereYamlMeansSomethingElseOrSnakeYamlWouldRefuse() {
        List<String> other = List.of(
                "asil: null\n", "asil: true\n", "title: 1.0\n", "title: -1\n", "null: x\n", "true: x\n",
                "id: X # a comment\n", "# comment\nid: X\n", "title: a: b\n", "title: 'single'\n",
                "title: \"esc\\\"aped\"\n", "title: long\n  continued\n", "id: X\nid: Y\n",
                "verification: {method: A, method: B}\n", "parents: [a, b,]\n", "parents: [a, [b]]\n",
                "parents: [&a x, *a]\n", "title: !!str x\n", "title: caf\u00e9\n", "title:\tx\n", "parents:\n",
                "parents:\n  - a\n    b\n", "parents:\n  - a\n   - b\n", "parents:\n\n  - a\n", "verification:\n  m:\n",
                "a:\n  - x\n  k: v\n", "", "\n", "---\n", "id: X\n...\n", "title: |\n  block\n", "title: >\n  folded\n",
                "parents: [a] extra\n", "parents: [a\n", "verification: {m: x\n", "key : x\n", "k:x\n",
                "parents: [\"a\\nb\"]\n", "title: x\r\n", "title: x:\n", "title: http://example.com\n");
        for (String yaml : other) {
            assertThat(SimpleFrontMatter.read(yaml)).as(yaml).isNull();
        }
    }

    @Test
    void readsEveryExampleRequirementAsSnakeYamlDoes() throws Exception {
        int read = 0;
        try (Stream<Path> files = Files.walk(Path.of("requirements"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
                if (!text.startsWith("---\n")) {
                    continue;
                }
                String yaml = text.substring(4, text.indexOf("\n---\n", 3) + 1);
                assertThat(SimpleFrontMatter.read(yaml)).as(file.toString()).isNotNull().isEqualTo(snakeYaml(yaml));
                read++;
            }
        }
        assertThat(read).isGreaterThan(30);
    }

    @Test
    void documentsAssembledAtRandomAreReadAsSnakeYamlReadsThemOrLeftToIt() {
        List<String> values = List.of("B", "99th", "2026-11-25", "1.0.2", "12:30", "1_000", "0o17", "-.5", "ASIL B", "x y  z", "null", "True", "1", "0.5", "1e3", "-", "a-b_c.d/e",
                "\"q\"", "\"a, b\"", "\"\"", "'s'", "a # c", "a:b", "a: b", "[a, b]", "[]", "[ ]", "{m: x, l: y}", "{}",
                "[\"p >= 0.9\", q]", "[a,,b]", "~", "yes", "No", "recall[set=x] >= 0.9", "a\tb", "<x>", "%x", "@x",
                "`x`", "x!", "x&y", "x*", "x|y", "x > y", "NaN", ".inf", "0x1F", "012", "+1", "${HOME}", "a\"b");
        List<String> keys = List.of("id", "title", "asil", "kind", "parents", "verification", "criteria", "x-y_z", "1a", "null");
        Random random = new Random(20261125L);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder yaml = new StringBuilder();
            int lines = 1 + random.nextInt(6);
            List<String> used = new ArrayList<>();
            for (int i = 0; i < lines; i++) {
                String key = keys.get(random.nextInt(keys.size()));
                used.add(key);
                switch (random.nextInt(4)) {
                    case 0 -> yaml.append(key).append(":\n").append("  - ").append(pick(values, random)).append('\n')
                            .append("  - ").append(pick(values, random)).append('\n');
                    case 1 -> yaml.append(key).append(":\n").append("  a: ").append(pick(values, random)).append('\n')
                            .append("  b: ").append(pick(values, random)).append('\n');
                    default -> yaml.append(key).append(": ").append(pick(values, random)).append('\n');
                }
            }
            String text = yaml.toString();
            Map<String, Object> simple = SimpleFrontMatter.read(text);
            if (simple != null) {
                assertThat(simple).as(text).isEqualTo(snakeYaml(text));
            }
        }
        usualFormsStillTakeTheShortcut();
    }

    private void usualFormsStillTakeTheShortcut() {
        agreesWithSnakeYaml("id: A\ntitle: B\n");
        assertThat(SimpleFrontMatter.read("id: A\ntitle: B\n")).isNotNull();
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    @Test
    void takesAPlainScalarForAStringWithoutTheResolverOnlyWhereTheResolverAgrees() {
        org.snakeyaml.engine.v2.resolver.ScalarResolver resolver = LoadSettings.builder().build().getSchema()
                .getScalarResolver();
        List<String> scalars = new ArrayList<>(List.of("true", "false", "null", "True", "FALSE", "Null", "NULL", "yes",
                "no", "on", "off", "Yes", "ON", "y", "n", "0", "1.5", "1e3", "0x1F", "0o17", "12:30", "Infinity", "NaN",
                "inf", "nan", "ASIL D", "REQ-1", "ml-performance", "HIL", "tiny", "nullable", "trueish"));
        Random random = new Random(7);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-+e_ ";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder scalar = new StringBuilder();
            scalar.append(alphabet.charAt(random.nextInt(62))); // a letter or digit first, as the shortcut requires
            for (int n = random.nextInt(5); n > 0; n--) {
                scalar.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            scalars.add(scalar.toString());
        }
        for (String scalar : scalars) {
            boolean string = org.snakeyaml.engine.v2.nodes.Tag.STR.equals(resolver.resolve(scalar, true));
            assertThat(SimpleFrontMatter.isString(scalar)).as("'%s'", scalar).isEqualTo(string);
        }
    }
}
