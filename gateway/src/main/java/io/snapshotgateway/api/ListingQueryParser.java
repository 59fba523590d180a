package io.snapshotgateway.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.snapshotgateway.CreationType;
import io.snapshotgateway.DiskType;
import io.snapshotgateway.Provider;
import io.snapshotgateway.SnapshotFilter;
import io.snapshotgateway.SnapshotStatus;
import io.snapshotgateway.aggregation.ListingQuery;
import io.snapshotgateway.aggregation.Selection;
import io.snapshotgateway.aggregation.SortOrder;
import io.snapshotgateway.problem.LogValues;
import io.snapshotgateway.problem.ParameterError;

/**
 * Turns the query string of {@code GET /snapshots} into a {@link ListingQuery}, collecting every bad parameter instead
 * of stopping at the first. Unknown parameters are refused too: a misspelt filter must not silently list everything.
 */
final class ListingQueryParser {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** Most values one parameter takes (instance ids have their own, lower limit: each is a vendor lookup). */
    static final int MAX_VALUES = 100;
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** Parameters of {@code GET /snapshots}. */
    static final Set<String> LISTING = Set.of("provider", "source", "region", "desktop_id", "instance_id",
            "disk_id", "snapshot_id", "name", "status", "disk_type", "creation_type", "created_after",
            "created_before", "sort", "limit", "page_token");
    /** Parameters of {@code GET /snapshots/summary}: the listing's, less paging. */
    static final Set<String> SUMMARY = LISTING.stream().filter(p -> !p.equals("limit") && !p.equals("page_token"))
            .collect(Collectors.toUnmodifiableSet());
    static final Set<String> SINGLE_VALUED = Set.of("created_after", "created_before", "sort", "limit",
            "page_token");
    /** Vendor ids (snapshots, disks, desktops, instances): letters, digits and . _ : - (UUIDs, s-bp1..., i-...). */
    private static final Shape ID = new Shape(Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}"),
            "an id: up to 128 letters, digits and . _ : -");
    /**
     * What each free-form parameter may hold; a value outside it is refused before it is looked up anywhere. Enums,
     * times and limit have their own parsers.
     */
    private static final Map<String, Shape> SHAPES = Map.of(
            "snapshot_id", ID, "disk_id", ID, "desktop_id", ID, "instance_id", ID,
            "source", new Shape(Pattern.compile("[a-z0-9][a-z0-9-]{0,62}"),
                    "a source name: up to 63 lowercase letters, digits and dashes"),
            "region", new Shape(Pattern.compile("[a-z0-9][a-z0-9-]{0,63}"),
                    "a region id: up to 64 lowercase letters, digits and dashes"),
            "name", new Shape(Pattern.compile(".{1,128}"), "up to 128 characters"),
            "page_token", new Shape(Pattern.compile("[A-Za-z0-9_.-]{1,4096}"),
                    "a page token (next_page_token of an earlier page)"));

    /** What a free-form parameter's values must match (whole), and how a refusal describes it. */
    record Shape(Pattern pattern, String description) {
    }

    /** The shape a free-form parameter's values must have, if it has one (for the OpenAPI document). */
    static Optional<Shape> shape(String parameter) {
        return Optional.ofNullable(SHAPES.get(parameter));
    }

    private final Map<String, List<String>> raw;
    private final Set<String> known;
    private final String path;
    private final List<ParameterError> errors = new ArrayList<>();
    private final Set<String> tooMany = new HashSet<>();
    /** Parameters refused as unreadable: not looked at further, so not reported twice. */
    private final Set<String> unreadable = new HashSet<>();

    private ListingQueryParser(Map<String, List<String>> raw, Set<String> known, String path) {
        this.raw = raw;
        this.known = known;
        this.path = path;
    }

    /** The parsed query, or the list of everything wrong with it. */
    record Parsed(ListingQuery query, List<ParameterError> errors) {
    }

    /**
     * @param known the endpoint's parameters ({@link #LISTING} or {@link #SUMMARY})
     * @param path the endpoint, to name in errors
     */
    static Parsed parse(Map<String, List<String>> queryParameters, Set<String> known, String path,
            boolean bypassCache, Selection grant) {
        return new ListingQueryParser(queryParameters, known, path).parse(bypassCache, grant);
    }

    private Parsed parse(boolean bypassCache, Selection grant) {
        raw.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k -> errors.add(new ParameterError(
                LogValues.echo(k), "is not a parameter of GET " + path + "; known: "
                        + String.join(", ", known.stream().sorted().toList()))));
        raw.forEach((name, values) -> {
            if (known.contains(name) && values.stream().anyMatch(ListingQueryParser::unreadable)) {
                unreadable.add(name);
                errors.add(new ParameterError(name, "holds a control character or bytes that are not UTF-8"));
            }
        });
        SINGLE_VALUED.stream().sorted().filter(k -> raw.getOrDefault(k, List.of()).size() > 1)
                .forEach(k -> errors.add(new ParameterError(k, "may be given only once")));

        Set<Provider> providers = enums("provider", Provider::fromId,
                Arrays.stream(Provider.values()).map(Provider::id).toList());
        Set<SnapshotStatus> statuses = enums("status", SnapshotStatus::fromId,
                Arrays.stream(SnapshotStatus.values()).map(SnapshotStatus::id).toList());
        Set<DiskType> diskTypes = enums("disk_type", DiskType::fromId,
                Arrays.stream(DiskType.values()).map(DiskType::id).toList());
        Set<CreationType> creationTypes = enums("creation_type", CreationType::fromId,
                Arrays.stream(CreationType.values()).map(CreationType::id).toList());
        Instant after = instant("created_after");
        Instant before = instant("created_before");
        if (after != null && before != null && !before.isAfter(after)) {
            errors.add(new ParameterError("created_before", "must be later than created_after"));
        }
        SortOrder sort = single("sort").map(v -> SortOrder.fromParameter(v).orElseGet(() -> {
            errors.add(new ParameterError("sort", "must be one of create_time, -create_time"));
            return null;
        })).orElse(SortOrder.NEWEST_FIRST);
        int limit = known.contains("limit") ? limit() : DEFAULT_LIMIT;

        SnapshotFilter filter = new SnapshotFilter(values("snapshot_id"), values("disk_id"), values("desktop_id"),
                values("instance_id"), values("name"), statuses, diskTypes, creationTypes, after, before);
        Selection selection = new Selection(providers, values("source"), values("region"));
        ListingQuery query = new ListingQuery(selection, grant, filter, sort == null ? SortOrder.NEWEST_FIRST : sort,
                limit,
                known.contains("page_token") ? single("page_token") : Optional.empty(), bypassCache);
        return new Parsed(query, List.copyOf(errors));
    }

    /** All values of a parameter: repeated, comma-separated, or both; blanks dropped. */
    private Set<String> values(String name) {
        Set<String> values = new LinkedHashSet<>();
        if (unreadable.contains(name)) {
            return values;
        }
        raw.getOrDefault(name, List.of()).forEach(v -> Arrays.stream(v.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).forEach(values::add));
        if (values.size() > MAX_VALUES && tooMany.add(name)) {
            errors.add(new ParameterError(name, "takes at most " + MAX_VALUES + " values, got " + values.size()));
            return Set.of();
        }
        Shape shape = SHAPES.get(name);
        if (shape != null) {
            values.stream().filter(v -> !shape.pattern().matcher(v).matches()).findFirst().ifPresent(v -> errors.add(
                    new ParameterError(name, "'" + LogValues.echo(v) + "' is not " + shape.description())));
            // A value refused for its shape goes no further: checked against the configuration it would be
            // reported again, and quoted there whole.
            values.removeIf(v -> !shape.pattern().matcher(v).matches());
        }
        return values;
    }

    private Optional<String> single(String name) {
        List<String> all = raw.getOrDefault(name, List.of());
        if (all.isEmpty() || unreadable.contains(name)) {
            return Optional.empty();
        }
        String value = all.get(0).trim();
        if (value.isEmpty()) {
            errors.add(new ParameterError(name, "must not be empty"));
            return Optional.empty();
        }
        Shape shape = SHAPES.get(name);
        if (shape != null && !shape.pattern().matcher(value).matches()) {
            errors.add(new ParameterError(name, "is not " + shape.description()));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * Control characters, and U+FFFD: what the decoder makes of bytes that are not UTF-8. Neither belongs in any value
     * a snapshot can match, and both would reach logs and answers.
     */
    private static boolean unreadable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\uFFFD') {
                return true;
            }
        }
        return false;
    }

    private <E> Set<E> enums(String name, Function<String, Optional<E>> parse, List<String> allowed) {
        Set<E> result = new LinkedHashSet<>();
        for (String v : values(name)) {
            parse.apply(v).ifPresentOrElse(result::add, () -> errors.add(new ParameterError(name,
                    "'" + LogValues.echo(v) + "' is not one of " + String.join(", ", allowed))));
        }
        return result;
    }

    private int limit() {
        Optional<String> value = single("limit");
        if (value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.get());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new ParameterError("limit", "must be an integer from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    /** An ISO-8601 instant with Z or an offset (fractions allowed), or a plain date meaning its UTC midnight. */
    private Instant instant(String name) {
        Optional<String> value = single(name);
        if (value.isEmpty()) {
            return null;
        }
        String v = value.get();
        Instant parsed;
        try {
            parsed = OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                parsed = LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                errors.add(new ParameterError(name,
                        "must be an ISO-8601 instant such as 2024-04-20T08:36:16Z (or a date such as 2024-04-20)"));
                return null;
            }
        }
        if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
            errors.add(new ParameterError(name, "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
            return null;
        }
        return parsed;
    }
}
