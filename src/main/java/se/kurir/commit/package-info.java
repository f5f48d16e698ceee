/**
 * Group commit: one writer thread turns what many callers hand in meanwhile into one transaction, and each caller
 * waits for the commit of its batch. The audit log and the change feeds write this way, because a durable commit
 * costs a disk sync and concurrent requests should share it.
 */
package se.kurir.commit;
