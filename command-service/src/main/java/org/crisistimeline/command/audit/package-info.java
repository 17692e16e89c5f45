/**
 * Tamper evidence of the event store: every event is chained to its aggregate's previous one by a hash set as it is
 * appended ({@link org.crisistimeline.command.audit.HashChainingStorageEngine}); a walk of the store reports every break
 * ({@code GET /api/v1/audit/verify}, or offline {@code infra/audit/verify.sh}); signed checkpoints of all aggregates'
 * heads catch what the chains alone cannot (a deleted tail, a consistently rewritten chain). How and why:
 * docs/architecture.md, "Tamper evidence".
 */
package org.crisistimeline.command.audit;
