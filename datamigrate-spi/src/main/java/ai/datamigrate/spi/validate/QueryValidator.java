package ai.datamigrate.spi.validate;

import ai.datamigrate.spi.Api;
import java.util.List;

/**
 * Checks SQL meant for one target. Nothing it is given is trusted: {@link #parse} accepts a single query only, and
 * {@link #execute} runs inside a read-only transaction that is rolled back, so no statement can change the target.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface QueryValidator extends AutoCloseable {

    /**
     * Parses {@code sql} with the target's grammar: it must be exactly one query (SELECT, WITH, VALUES, set
     * operations), never DDL, DML or several statements. Relation placeholders ({@code __dm_rel_<n>__}) are
     * ordinary identifiers here.
     */
    QueryCheck parse(String sql);

    /** Whether {@link #execute} can run queries (a target connection was given). */
    boolean canExecute();

    /**
     * Runs the statements in one read-only transaction that is rolled back: each {@code setup} statement must be a
     * {@code CREATE TEMPORARY VIEW} (used to stand in for models the query reads), then {@code query} is executed
     * with no rows fetched. The first error is returned with the target's message.
     */
    QueryCheck execute(List<String> setup, String query);

    /**
     * The qualified, quoted name of the raw table a source table was loaded into (the loader's layout), for the
     * relations of queries given to {@link #execute}.
     */
    String rawRelation(ai.datamigrate.spi.catalog.ObjectName sourceTable);

    @Override
    void close();
}
