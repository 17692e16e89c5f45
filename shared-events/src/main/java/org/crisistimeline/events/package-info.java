/**
 * The event contracts of Crisis Timeline: what the command side stores and publishes and what the query side and
 * downstream services read. Every event is an immutable record with a readable JSON form ({@link
 * org.crisistimeline.events.EventJson}). Nothing here depends on Spring or Axon, so a downstream consumer can use this
 * jar with plain kafka-clients and Jackson.
 */
package org.crisistimeline.events;
