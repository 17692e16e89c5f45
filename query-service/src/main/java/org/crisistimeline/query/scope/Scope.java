package org.crisistimeline.query.scope;

/**
 * A timeline that can be asked for: {@code /api/v1/timelines/{scope}s/{key}}.
 *
 * @param scope crisis, actor or country
 * @param name the crisis's or actor's name; for a country its code (the page names it in the reader's language)
 */
public record Scope(String scope, String key, String name) {}
