/**
 * What the consumer of the event topic and the features' projections share: the event as read from the topic and the
 * contract a projection implements. Neither side imports the other.
 */
package org.crisistimeline.query.event;
