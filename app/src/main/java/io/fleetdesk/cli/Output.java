package io.fleetdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a command prints: JSON (the default, as the OCI CLI) or a table, after {@code --query}
 * (JMESPath) when one is given. Plain text only: no colours or progress on stdout, so a pipe gets
 * exactly the data.
 */
final class Output {
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();

    private final GlobalOptions options;
    private final PrintWriter out;

    Output(GlobalOptions options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    /** The output of the command line a command runs in. */
    static Output of(picocli.CommandLine.Model.CommandSpec spec) {
        return new Output(FleetAccess.options(spec), spec.commandLine().getOut());
    }

    /** Prints {@code {"data": value}}, the OCI CLI's shape. */
    void data(Object value) {
        print(java.util.Map.of("data", value));
    }

    /** Prints rows (records, maps or JSON), queried and formatted as the options say. */
    void print(Object data) {
        JsonNode node = JSON.valueToTree(data);
        if (options.query != null && !options.query.isBlank()) {
            try {
                node = JMESPATH.compile(options.query).search(node);
            } catch (RuntimeException e) {
                throw CliException.badInput("--query " + options.query + " is not a JMESPath expression: "
                        + e.getMessage());
            }
        }
        if (options.output == GlobalOptions.Output.table) {
            // As the OCI CLI: the table is of what is under "data" (problems are said on stderr).
            out.print(table(node != null && node.isObject() && node.has("data") ? node.get("data") : node));
        } else {
            try {
                out.println(node == null || node.isMissingNode() ? "null" : JSON.writeValueAsString(node));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        out.flush();
    }

    /** A box table of an array of objects (the union of their keys as columns), or of one object as key / value. */
    static String table(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        List<String> columns = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        if (node.isArray()) {
            Set<String> keys = new LinkedHashSet<>();
            for (JsonNode r : node) {
                if (r.isObject()) {
                    r.fieldNames().forEachRemaining(keys::add);
                }
            }
            if (keys.isEmpty()) {
                columns.add("value");
                node.forEach(r -> rows.add(List.of(cell(r))));
            } else {
                columns.addAll(keys);
                for (JsonNode r : node) {
                    rows.add(keys.stream().map(k -> cell(r.get(k))).toList());
                }
            }
        } else if (node.isObject()) {
            columns.addAll(List.of("key", "value"));
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                rows.add(List.of(e.getKey(), cell(e.getValue())));
            }
        } else {
            return cell(node) + System.lineSeparator();
        }
        int[] width = new int[columns.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = columns.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        String rule = rule(width);
        b.append(rule).append(line(columns, width)).append(rule);
        for (List<String> r : rows) {
            b.append(line(r, width));
        }
        return b.append(rule).toString();
    }

    private static String cell(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.isArray() && v.size() > 0 && v.get(0).isValueNode()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(x.asText()));
            return String.join("; ", items);
        }
        return v.toString();
    }

    private static String rule(int[] width) {
        StringBuilder b = new StringBuilder("+");
        for (int w : width) {
            b.append("-".repeat(w + 2)).append('+');
        }
        return b.append(System.lineSeparator()).toString();
    }

    private static String line(List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < width.length; i++) {
            b.append(' ').append(cells.get(i)).append(" ".repeat(width[i] - cells.get(i).length())).append(" |");
        }
        return b.append(System.lineSeparator()).toString();
    }

    /** An empty JSON object, for a command to fill. */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }
}
