/**
 * Agents: the steps of a migration run (metadata extraction, schema analysis, model generation, validation and
 * whatever a plugin adds). Each declares the parts of the {@link ai.datamigrate.spi.agent.MigrationState} it reads
 * and writes; the host's orchestrator runs them in order, checkpoints the state after every step and streams
 * {@link ai.datamigrate.spi.agent.AgentEvent}s to the user.
 */
package ai.datamigrate.spi.agent;
