package io.fleetdesk.cli;

import io.fleetdesk.model.Detail;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.NodeKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * DB systems and their databases as the OCI Terraform provider's {@code oci_database_db_system} and
 * {@code oci_database_database}, in HCL or in Terraform's JSON syntax, from one structure so both say
 * the same. What the API does not return (subnet, SSH keys, edition) and every secret are variables:
 * a password never appears as a value.
 */
final class TerraformExport {
    /** A Terraform expression (a reference, not a string): written bare in HCL, as "${…}" in JSON. */
    record Expr(String text) {
    }

    private final Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, Object>>> resources = new LinkedHashMap<>();

    private TerraformExport() {
    }

    static TerraformExport of(FleetSnapshot s, List<String> wanted) {
        List<FleetNode> all = s.nodes().values().stream().filter(n -> n.kind() == NodeKind.DB_SYSTEM).toList();
        List<FleetNode> chosen = new ArrayList<>();
        for (String w : wanted) {
            if (w.equalsIgnoreCase("all")) {
                chosen.addAll(all);
                continue;
            }
            List<FleetNode> m = all.stream().filter(n -> n.id().equals(w) || n.name().equalsIgnoreCase(w)).toList();
            if (m.isEmpty()) {
                throw CliException.badInput("no DB system is named " + w + "; 'fleetdesk fleet list --kind DB_SYSTEM"
                        + " --query \"data[].name\"' lists them");
            }
            if (m.size() > 1) {
                throw CliException.badInput(m.size() + " DB systems are named " + w + ": give the OCID");
            }
            chosen.add(m.getFirst());
        }
        TerraformExport t = new TerraformExport();
        t.variable("admin_password", "The SYS/SYSTEM password of every database created (never written by Fleetdesk).",
                true);
        t.variable("ssh_public_key", "The SSH public key for the DB system's opc user.", false);
        Set<FleetNode> unique = new LinkedHashSet<>(chosen);
        for (FleetNode sys : unique) {
            t.system(s, sys);
        }
        return t;
    }

    private void variable(String name, String description, boolean sensitive) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", new Expr("string"));
        v.put("description", description);
        if (sensitive) {
            v.put("sensitive", true);
        }
        variables.put(name, v);
    }

    private void system(FleetSnapshot s, FleetNode sys) {
        String name = tfName(sys.name());
        variable("subnet_id_" + name, "The subnet of " + sys.name() + " (the API's list call does not return it).", false);
        variable("database_edition_" + name, "The edition of " + sys.name()
                + " (STANDARD_EDITION, ENTERPRISE_EDITION, ENTERPRISE_EDITION_HIGH_PERFORMANCE, …).", false);
        List<FleetNode> dbs = s.children(sys.id()).stream().map(s::node)
                .filter(n -> n != null && n.kind() == NodeKind.DATABASE).toList();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("compartment_id", compartmentOf(s, sys));
        put(r, "availability_domain", sys.text(Detail.AVAILABILITY_DOMAIN));
        put(r, "shape", sys.text(Detail.SHAPE));
        Object cores = sys.details().get(Detail.CPU_CORES);
        if (cores instanceof Number n) {
            r.put("cpu_core_count", n.intValue());
        }
        put(r, "hostname", sys.text(Detail.HOSTNAME));
        r.put("display_name", sys.name());
        r.put("subnet_id", new Expr("var.subnet_id_" + name));
        r.put("ssh_public_keys", List.of(new Expr("var.ssh_public_key")));
        r.put("database_edition", new Expr("var.database_edition_" + name));
        Map<String, Object> home = new LinkedHashMap<>();
        String version = dbs.isEmpty() ? sys.text(Detail.VERSION) : dbs.getFirst().text(Detail.VERSION);
        put(home, "db_version", version);
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("admin_password", new Expr("var.admin_password"));
        if (!dbs.isEmpty()) {
            put(first, "db_name", dbs.getFirst().dbName());
            put(first, "db_unique_name", dbs.getFirst().text(Detail.DB_UNIQUE_NAME));
        }
        home.put("database", first);
        r.put("db_home", home);
        resources.computeIfAbsent("oci_database_db_system", k -> new LinkedHashMap<>()).put(name, r);
        for (FleetNode db : dbs.subList(Math.min(1, dbs.size()), dbs.size())) {
            // Further databases of the system: in its DB home, which the provider names by OCID.
            String dbName = tfName(name + "_" + db.name());
            variable("db_home_id_" + dbName, "The DB home of " + db.name() + " on " + sys.name() + ".", false);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("db_home_id", new Expr("var.db_home_id_" + dbName));
            d.put("source", "NONE");
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("admin_password", new Expr("var.admin_password"));
            put(inner, "db_name", db.dbName());
            put(inner, "db_unique_name", db.text(Detail.DB_UNIQUE_NAME));
            d.put("database", inner);
            resources.computeIfAbsent("oci_database_database", k -> new LinkedHashMap<>()).put(dbName, d);
        }
    }

    private static void put(Map<String, Object> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v);
        }
    }

    private static String compartmentOf(FleetSnapshot s, FleetNode n) {
        FleetNode c = n;
        while (c != null && c.kind() != NodeKind.COMPARTMENT) {
            c = c.parentId() == null ? null : s.node(c.parentId());
        }
        String id = c == null ? null : c.text(Detail.COMPARTMENT_OCID);
        return id != null ? id : c == null ? "" : c.id();
    }

    /** A Terraform name: letters, digits and _ (no hyphen: it reads as a minus to a person), not starting with a digit. */
    static String tfName(String s) {
        String n = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return n.isEmpty() || !Character.isLetter(n.charAt(0)) && n.charAt(0) != '_' ? "_" + n : n;
    }

    /** The {@code .tf.json} text. */
    String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("variable", jsonValue(variables));
        root.put("resource", jsonValue(resources));
        try {
            return Output.JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object jsonValue(Object v) {
        return switch (v) {
            case Expr e -> e.text().equals("string") ? "string" : "${" + e.text() + "}";
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(String.valueOf(k), jsonValue(x)));
                yield out;
            }
            case List<?> l -> l.stream().map(TerraformExport::jsonValue).toList();
            default -> v;
        };
    }

    /** The {@code .tf} text (HCL). */
    String hcl() {
        StringBuilder b = new StringBuilder("# Made by fleetdesk export terraform: a starting point, check before apply.\n");
        variables.forEach((name, body) -> block(b, "variable \"" + name + "\"", body, 0));
        resources.forEach((type, byName) -> byName.forEach((name, body) ->
                block(b, "resource \"" + type + "\" \"" + name + "\"", body, 0)));
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static void block(StringBuilder b, String header, Map<String, Object> body, int depth) {
        String pad = "  ".repeat(depth);
        b.append(depth == 0 ? "\n" : "").append(pad).append(header).append(" {\n");
        // As terraform fmt writes it: the = of consecutive attributes aligned, a blank line before a nested block.
        int width = body.entrySet().stream().filter(e -> !(e.getValue() instanceof Map<?, ?>))
                .mapToInt(e -> e.getKey().length()).max().orElse(0);
        for (var e : body.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> nested) {
                b.append('\n');
                block(b, e.getKey(), (Map<String, Object>) nested, depth + 1);
            } else {
                b.append(pad).append("  ").append(e.getKey()).append(" ".repeat(width - e.getKey().length()))
                        .append(" = ").append(hclValue(e.getValue())).append('\n');
            }
        }
        b.append(pad).append("}\n");
    }

    private static String hclValue(Object v) {
        return switch (v) {
            case Expr e -> e.text();
            case String s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "$${")
                    .replace("%{", "%%{").replace("\n", "\\n") + "\"";
            case List<?> l -> "[" + String.join(", ", l.stream().map(TerraformExport::hclValue).toList()) + "]";
            default -> String.valueOf(v);
        };
    }
}
