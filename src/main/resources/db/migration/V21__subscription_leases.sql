-- Which node delivers a subscription: a lease each delivery run takes or renews in the database, so nodes sharing it
-- deliver each subscription one at a time, and a node that dies leaves a lease that runs out for another to take.
ALTER TABLE subscriptions ADD COLUMN lease_node VARCHAR(100);
ALTER TABLE subscriptions ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
