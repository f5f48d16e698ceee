/**
 * Command-line tools that ship with Kurir: {@link se.kurir.tool.SealCommand} (seal and open payloads on an agency's
 * side) and {@link se.kurir.tool.DemoKeysCommand} (the demo federation's keys and certificates). They talk on
 * standard streams, which nothing else in Kurir does.
 */
package se.kurir.tool;
