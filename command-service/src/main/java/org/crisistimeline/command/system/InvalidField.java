package org.crisistimeline.command.system;

/** One reason a request was refused, with the JSON path of the field at fault, e.g. {@code actors[1].actorId}. */
public record InvalidField(String field, String message) {}
