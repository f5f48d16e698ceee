/** Operations: cross-cutting runtime wiring (clock), health, metrics and management. */
package se.kurir.ops;
