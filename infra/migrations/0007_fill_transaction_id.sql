-- 0007: the broker's transaction id of each fill (ORDERS broker_transaction_id): ids rise in the order the broker
-- booked its fills, which is how a paper book is rebuilt; an OANDA fill's is its ORDER_FILL transaction.
-- Null for fills journaled before it was carried.
ALTER TABLE fills ADD COLUMN broker_transaction_id text;
