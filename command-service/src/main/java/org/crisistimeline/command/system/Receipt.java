package org.crisistimeline.command.system;

/** What a successful write answers: the aggregate's id and its version (number of events) after the write. */
public record Receipt(String id, long version) {}
