/**
 * The read side of Crisis Timeline: it consumes the event topic, keeps timelines per country, actor and crisis in its
 * own PostgreSQL database and answers queries over them. Kafka is the only thing it shares with the command service.
 */
package org.crisistimeline.query;
