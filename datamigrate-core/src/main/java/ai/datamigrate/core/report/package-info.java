/**
 * The migration report: what became of every source object, built by the host from the catalog, the
 * diagnostics and the output target's outcomes, and rendered as JSON (the published format, see
 * {@code docs/migration-report.schema.json}), Markdown and one self-contained HTML page.
 */
package ai.datamigrate.core.report;
