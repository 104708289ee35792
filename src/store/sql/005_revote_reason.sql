-- Version 5: why a round was held again on an item that already had a result
-- (a re-vote during the meeting); NULL for a first vote.
ALTER TABLE ballot_rounds ADD COLUMN revote_reason TEXT;
