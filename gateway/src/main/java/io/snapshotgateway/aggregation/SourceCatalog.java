package io.snapshotgateway.aggregation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapshotgateway.problem.ParameterError;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.source.ConfiguredSources;

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

    /** The scopes an API key's grant lets it see (all of them for {@link Selection#ALL}). */
    public List<Scope> visible(Selection grant) {
        return grant.equals(Selection.ALL) ? all : all.stream().filter(s -> covers(grant, s)).toList();
    }

    /**
     * Providers, sources and regions a selection names that the grant does not let it see, each refused whether or
     * not it is configured: telling "not yours" from "does not exist" would list another team's sources.
     */
    public List<ParameterError> outside(Selection selection, Selection grant) {
        if (grant.equals(Selection.ALL)) {
            return List.of();
        }
        List<Scope> visible = visible(grant);
        List<ParameterError> errors = new ArrayList<>();
        selection.providers().stream().filter(p -> visible.stream().noneMatch(s -> s.provider() == p))
                .map(Object::toString).sorted().forEach(p -> errors.add(outside("provider", p)));
        selection.sources().stream().filter(n -> visible.stream().noneMatch(s -> s.source().equals(n)))
                .sorted().forEach(n -> errors.add(outside("source", n)));
        selection.regions().stream().filter(r -> visible.stream().noneMatch(s -> s.region().equals(r)))
                .sorted().forEach(r -> errors.add(outside("region", r)));
        return errors;
    }

    private static ParameterError outside(String parameter, String value) {
        return new ParameterError(parameter, "'" + value + "' is not within this API key's scope");
    }

    /** Names a selection refers to that are not among the scopes the grant sees: each is a bad parameter. */
    public List<ParameterError> unknown(Selection selection, Selection grant) {
        List<Scope> all = visible(grant);
        List<ParameterError> errors = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        all.forEach(s -> names.add(s.source()));
        selection.sources().stream().filter(s -> !names.contains(s)).sorted().forEach(s -> errors
                .add(new ParameterError("source",
                        "unknown source '" + s + "'; configured: " + String.join(", ", names))));
        boolean narrowed = !selection.providers().isEmpty() || !selection.sources().isEmpty();
        if (errors.isEmpty() && narrowed && all.stream().noneMatch(s -> selectedSource(selection, s))) {
            String what = selection.sources().isEmpty() ? "provider" : "source";
            errors.add(new ParameterError(what, "selects no configured source"
                    + (selection.sources().isEmpty()
                            ? " (no source of " + selection.providers() + " is configured)"
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

    /** The scopes a selection picks among those the grant sees. */
    public List<Scope> select(Selection selection, Selection grant) {
        return visible(grant).stream()
                .filter(s -> selectedSource(selection, s))
                .filter(s -> selection.regions().isEmpty() || selection.regions().contains(s.region()))
                .toList();
    }

    private static boolean covers(Selection grant, Scope s) {
        return selectedSource(grant, s) && (grant.regions().isEmpty() || grant.regions().contains(s.region()));
    }

    private static boolean selectedSource(Selection selection, Scope s) {
        return (selection.providers().isEmpty() || selection.providers().contains(s.provider()))
                && (selection.sources().isEmpty() || selection.sources().contains(s.source()));
    }
}
