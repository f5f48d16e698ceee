-- Subscriptions delivered as batch files to a mailbox's SFTP/FTPS inbox: deliveryMode SFTP_BATCH is longer than 8.
ALTER TABLE subscriptions ALTER COLUMN delivery_mode SET DATA TYPE VARCHAR(16);
