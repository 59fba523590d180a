package io.snapshotgateway.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus scrape read back (text format 0.0.4 or OpenMetrics): its samples, and each metric family's type and
 * help text.
 */
public final class PrometheusText {
    private static final Pattern SAMPLE = Pattern
            .compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final List<String> SUFFIXES = List.of("", "_total", "_bucket", "_count", "_sum", "_created");

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
        public String label(String name) {
            return labels.get(name);
        }
    }

    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final Map<String, String> help = new HashMap<>();

    public PrometheusText(String scrape) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ", 2);
                types.put(parts[0], parts.length > 1 ? parts[1].trim() : "");
            } else if (line.startsWith("# HELP ")) {
                String[] parts = line.substring(7).split(" ", 2);
                help.put(parts[0], parts.length > 1 ? parts[1].trim() : "");
            } else if (!line.isBlank() && !line.startsWith("#")) {
                // An OpenMetrics exemplar (" # {trace_id=...,span_id=...} value ts", from OpenTelemetry) follows the
                // sample: it links the sample to a trace and is not one of its labels.
                int exemplar = line.indexOf(" # {");
                Matcher m = SAMPLE.matcher((exemplar < 0 ? line : line.substring(0, exemplar)).trim());
                if (!m.matches()) {
                    throw new IllegalArgumentException("not a sample line: " + line);
                }
                Map<String, String> labels = new LinkedHashMap<>();
                if (m.group(2) != null) {
                    Matcher l = LABEL.matcher(m.group(2));
                    while (l.find()) {
                        labels.put(l.group(1), l.group(2));
                    }
                }
                samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3).replace("Inf", "Infinity"))));
            }
        }
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The samples named {@code name} whose labels include all of {@code labels} (name, value, name, value…). */
    public List<Sample> samples(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i + 1 < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    /** The family a sample belongs to (its name without _total, _bucket…), if the scrape declared it. */
    public Optional<String> familyOf(Sample sample) {
        for (String suffix : SUFFIXES) {
            String n = sample.name();
            if (n.endsWith(suffix) && types.containsKey(n.substring(0, n.length() - suffix.length()))) {
                return Optional.of(n.substring(0, n.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }

    /** Every family's type, by name. */
    public Map<String, String> types() {
        return types;
    }

    /** The family's help text, empty if it has none. */
    public String help(String family) {
        return help.getOrDefault(family, "");
    }
}
