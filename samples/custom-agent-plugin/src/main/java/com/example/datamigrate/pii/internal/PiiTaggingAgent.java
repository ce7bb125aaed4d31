package com.example.datamigrate.pii.internal;

import ai.datamigrate.spi.agent.Agent;
import ai.datamigrate.spi.agent.AgentContext;
import ai.datamigrate.spi.agent.AgentEvent;
import ai.datamigrate.spi.agent.ObjectState;
import ai.datamigrate.spi.agent.StatePart;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.llm.TokenUsage;
import ai.datamigrate.spi.output.ModelColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tags every object whose columns look like personal data: meta {@code pii: true}, {@code pii_columns} and
 * {@code pii_categories}, the configured tag, and an INFO diagnostic {@code PII-COLUMN} per column with its
 * {@code file:line:col}. A table's columns are its catalog columns; a view's, function's or procedure's are the
 * output columns of its generated model. Objects are handled in the state's order and columns in their order, so
 * the same input always gives the same tags; running again changes nothing (meta is replaced, tags and diagnostics
 * are kept once).
 */
final class PiiTaggingAgent implements Agent {

    static final String DIAGNOSTIC = "PII-COLUMN";

    private final PiiConfig config;

    PiiTaggingAgent(PiiConfig config) {
        this.config = config;
    }

    @Override
    public String id() {
        return PiiTaggingAgentFactory.NAME;
    }

    @Override
    public Set<StatePart> reads() {
        return Set.of(StatePart.CATALOG, StatePart.MODELS);
    }

    @Override
    public Set<StatePart> writes() {
        return Set.of(StatePart.ANNOTATIONS);
    }

    /** A column that looks like personal data. */
    private record Finding(String column, String category, SourceLocation location) {
    }

    @Override
    public void run(AgentContext context) {
        Database catalog = context.state().catalog();
        for (ObjectState object : context.state().objects()) {
            List<Finding> findings = findings(catalog, object);
            if (findings.isEmpty()) {
                continue;
            }
            Set<String> categories = new TreeSet<>();
            findings.forEach(f -> categories.add(f.category()));
            String columns = String.join(", ", findings.stream().map(Finding::column).toList());
            context.state().update(object.object(), s -> s.withMeta("pii", "true").withMeta("pii_columns", columns)
                    .withMeta("pii_categories", String.join(", ", categories)).withTag(config.tag()));
            for (Finding finding : findings) {
                context.state().addDiagnostic(Diagnostic.info(DIAGNOSTIC, finding.location(), "column "
                        + finding.column() + " looks like personal data (" + finding.category() + ")")
                        .withObject(object.object().toString()));
            }
            context.event(new AgentEvent(id(), AgentEvent.Kind.OBJECT_FINISHED, Optional.of(object.object()), 0,
                    TokenUsage.NONE, "personal data in " + columns));
        }
    }

    private List<Finding> findings(Database catalog, ObjectState object) {
        List<Finding> findings = new ArrayList<>();
        if (object.kind().equals("table")) {
            Optional<Table> table = catalog.table(object.object());
            table.ifPresent(t -> t.columns().forEach(c -> PiiRules.category(config.patterns(), c.name(),
                            c.type().aliasName().map(ObjectName::name))
                    .ifPresent(category -> findings.add(new Finding(c.name(), category, c.location())))));
        } else if (object.model().isPresent()) {
            SourceLocation location = catalog.objects()
                    .filter(o -> o.name().equals(object.object()) && o.kind().equals(object.kind()))
                    .map(CatalogObject::location).findFirst().orElse(SourceLocation.unknown(catalog.name()));
            for (ModelColumn column : object.model().get().columns()) {
                PiiRules.category(config.patterns(), column.name(), Optional.empty())
                        .ifPresent(category -> findings.add(new Finding(column.name(), category, location)));
            }
        }
        return findings;
    }
}
