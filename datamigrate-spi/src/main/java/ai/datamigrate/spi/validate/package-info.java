/**
 * Checks of generated SQL against the target: a static parse with the target's own grammar (one query, nothing
 * else) and execution on a live target inside a read-only transaction that is always rolled back.
 */
package ai.datamigrate.spi.validate;
