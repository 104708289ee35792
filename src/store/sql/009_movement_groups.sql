-- Version 9: movements are the ward's own. A criteria group names the kinds
-- of nominee scored against it (a JSON array of kind codes), which the
-- program knew only for the seed's groups; those are filled in here.
ALTER TABLE criteria_groups ADD COLUMN kinds TEXT NOT NULL DEFAULT '[]';
UPDATE criteria_groups SET kinds = '["unit"]' WHERE code IN ('1.1a', '1.1b');
UPDATE criteria_groups SET kinds = '["front_organisation"]' WHERE code = '1.2';
UPDATE criteria_groups SET kinds = '["enterprise","household"]' WHERE code = '1.3';
UPDATE criteria_groups SET kinds = '["official"]' WHERE code = '1.4a';
UPDATE criteria_groups SET kinds = '["resident"]' WHERE code = '1.4b';
UPDATE criteria_groups SET kinds = '["other_individual"]' WHERE code = '1.4c';
