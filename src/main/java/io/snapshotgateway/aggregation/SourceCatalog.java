package io.snapshotgateway.aggregation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapshotgateway.provider.ConfiguredSources;
import io.snapshotgateway.problem.ParameterError;
import io.snapshotgateway.provider.Scope;

/** The configured sources and regions, and which of them a request selects. */
@ApplicationScoped
public class SourceCatalog {
    private final List<Scope> all;

    public SourceCatalog(ConfiguredSources sources) {
        this.all = sources.scopes();
    }

    public List<Scope> all() {
        return all;
    }

    /** Names a selection refers to that are not configured: each is a bad parameter. */
    public List<ParameterError> unknown(Selection selection) {
        List<ParameterError> errors = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        all.forEach(s -> names.add(s.source()));
        selection.sources().stream().filter(s -> !names.contains(s)).sorted().forEach(s -> errors
                .add(new ParameterError("source", "unknown source '" + s + "'; configured: " + String.join(", ", names))));
        boolean narrowed = !selection.providers().isEmpty() || !selection.sources().isEmpty();
        if (errors.isEmpty() && narrowed && all.stream().noneMatch(s -> selectedSource(selection, s))) {
            String what = selection.sources().isEmpty() ? "provider" : "source";
            errors.add(new ParameterError(what, "selects no configured source"
                    + (selection.sources().isEmpty() ? " (no source of " + selection.providers() + " is configured)"
                            : " of provider " + selection.providers())));
            return errors;
        }
        if (!selection.regions().isEmpty()) {
            Set<String> regions = new TreeSet<>();
            all.stream().filter(s -> selectedSource(selection, s)).forEach(s -> regions.add(s.region()));
            selection.regions().stream().filter(r -> !regions.contains(r)).sorted().forEach(r -> errors.add(
                    new ParameterError("region", "region '" + r + "' is not configured for any selected source"
                            + (regions.isEmpty() ? "" : "; configured: " + String.join(", ", regions)))));
        }
        return errors;
    }

    public List<Scope> select(Selection selection) {
        return all.stream()
                .filter(s -> selectedSource(selection, s))
                .filter(s -> selection.regions().isEmpty() || selection.regions().contains(s.region()))
                .toList();
    }

    private static boolean selectedSource(Selection selection, Scope s) {
        return (selection.providers().isEmpty() || selection.providers().contains(s.provider()))
                && (selection.sources().isEmpty() || selection.sources().contains(s.source()));
    }
}
