package ai.datamigrate.spi.agent;

import ai.datamigrate.spi.Api;

/** The parts of the migration state an agent may read or write. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public enum StatePart {
    /** The source catalog: tables, views, routines with their definitions. */
    CATALOG,
    /** Per object: rule-translatable, LLM candidate or unsupported, with an effort estimate. */
    CLASSIFICATION,
    /** Per object: the generated model, its origin and attempts. */
    MODELS,
    /** Per object: the outcome of checking the model on the target. */
    VALIDATION,
    /** Per object: descriptions, meta and tags that end up in the generated project. */
    ANNOTATIONS
}
