-- Version 6: the start, end ("2026-11-20T08:05") and place of a meeting as
-- the secretary recorded them until sign-off; NULL takes the times the
-- meeting was opened and closed, and the planned place.
ALTER TABLE meetings ADD COLUMN held_start TEXT;
ALTER TABLE meetings ADD COLUMN held_end TEXT;
ALTER TABLE meetings ADD COLUMN held_place TEXT;
