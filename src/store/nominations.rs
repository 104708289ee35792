//! Nominees, nominations and their evidence.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::stored_code::decode;
use super::{Result, Store, StoreError, Tx};
use crate::domain::award::Catalogue;
use crate::domain::movement::Round;
use crate::domain::nomination::{NewNomination, Nomination, NominationId, NominationStatus};
use crate::domain::nomination_rules::{self, NominationRefusal};
use crate::domain::nominee::{self, NewNominee, Nominee, NomineeId, NomineeKind, Sex};
use crate::domain::text::{fold, person_sort_bytes, vi_sort_bytes};
use crate::domain::text_rules::{self, TextField};

const NOMINEE_COLS: &str =
    "id, kind, name, birth_year, sex, position, unit, address, women_share, version";

fn nominee_from_row(r: &Row<'_>) -> rusqlite::Result<Nominee> {
    let kind: String = r.get(1)?;
    let sex: Option<String> = r.get(4)?;
    let id: NomineeId = r.get(0)?;
    Ok(Nominee {
        id,
        kind: decode(NomineeKind::from_code, &kind, "nominees", id, "kind")?,
        name: r.get(2)?,
        birth_year: r.get(3)?,
        sex: sex
            .map(|s| decode(Sex::from_code, &s, "nominees", id, "sex"))
            .transpose()?,
        position: r.get(5)?,
        unit: r.get(6)?,
        address: r.get(7)?,
        women_share_percent: r.get(8)?,
        version: r.get(9)?,
    })
}

const NOMINATION_COLS: &str = "id, nominee_id, movement_id, round, award_code, proposing_unit, summary, status, withdrawal_reason, created_at, updated_at, version";

fn nomination_from_row(r: &Row<'_>) -> rusqlite::Result<Nomination> {
    let round: String = r.get(3)?;
    let status: String = r.get(7)?;
    let id: NominationId = r.get(0)?;
    Ok(Nomination {
        id,
        nominee_id: r.get(1)?,
        movement_id: r.get(2)?,
        round: decode(Round::parse, &round, "nominations", id, "round")?,
        award_code: r.get(4)?,
        proposing_unit: r.get(5)?,
        summary: r.get(6)?,
        status: decode(
            NominationStatus::from_code,
            &status,
            "nominations",
            id,
            "status",
        )?,
        withdrawal_reason: r.get(8)?,
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
        version: r.get(11)?,
    })
}

fn sort_key_for(kind: NomineeKind, name: &str) -> Vec<u8> {
    // People are ordered by given name; collectives by their whole name.
    if kind.is_person() {
        person_sort_bytes(name)
    } else {
        vi_sort_bytes(name)
    }
}

fn read_nominee(conn: &Connection, id: NomineeId) -> Result<Nominee> {
    // Cached: exports and the ranking read one nominee per row.
    conn.prepare_cached(&format!(
        "SELECT {NOMINEE_COLS} FROM nominees WHERE id = ?1"
    ))?
    .query_row([id], nominee_from_row)
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: "nominee",
        id: id.to_string(),
    })
}

fn read_nomination(conn: &Connection, id: NominationId) -> Result<Nomination> {
    conn.prepare_cached(&format!(
        "SELECT {NOMINATION_COLS} FROM nominations WHERE id = ?1"
    ))?
    .query_row([id], nomination_from_row)
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: "nomination",
        id: id.to_string(),
    })
}

pub(super) fn to_json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

impl Tx<'_> {
    pub fn insert_nominee(&self, n: &NewNominee) -> Result<NomineeId> {
        // The audit records what is stored: the texts as the rules cleaned them.
        let n = &n.cleaned()?;
        let id = self.insert_nominee_unaudited(n)?;
        self.audit("nominees", id, "insert", None, Some(&to_json(n)))?;
        Ok(id)
    }

    /// The row alone; callers record the audit entry (bulk generation records one for all).
    pub(crate) fn insert_nominee_unaudited(&self, n: &NewNominee) -> Result<NomineeId> {
        let kind = nominee::check(n)?;
        let n = &n.cleaned()?;
        let name = n.name.clone();
        self.tx.prepare_cached(
            "INSERT INTO nominees (kind, name, name_fold, name_sort, birth_year, sex, position, unit, address, women_share, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        )?
        .execute(params![
                kind.code(),
                name,
                fold(&name),
                sort_key_for(kind, &name),
                n.birth_year,
                n.sex.map(|s| s.code()),
                n.position,
                n.unit,
                n.address,
                n.women_share_percent,
                self.now
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn insert_nomination(&self, n: &NewNomination) -> Result<NominationId> {
        let n = &n.cleaned()?;
        let id = self.insert_nomination_unaudited(n)?;
        self.audit("nominations", id, "insert", None, Some(&to_json(n)))?;
        Ok(id)
    }

    pub(crate) fn insert_nomination_unaudited(&self, n: &NewNomination) -> Result<NominationId> {
        let (kind, nominee_name, unit, name_sort): (String, String, String, Vec<u8>) = self
            .tx
            .prepare_cached("SELECT kind, name, unit, name_sort FROM nominees WHERE id = ?1")?
            .query_row([n.nominee_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "nominee",
                id: n.nominee_id.to_string(),
            })?;
        let award: Option<(u8, String, String, String)> = self
            .tx
            .prepare_cached(
                "SELECT rank, recipients, short_name, decided_at FROM awards WHERE code = ?1",
            )?
            .query_row([&n.award_code], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?;
        let (rank, recipients, award_short, level) =
            award.ok_or_else(|| NominationRefusal::UnknownAward {
                code: n.award_code.clone(),
            })?;
        let kind = decode(
            NomineeKind::from_code,
            &kind,
            "nominees",
            n.nominee_id,
            "kind",
        )?;
        let class = serde_json::to_string(&kind.class()).unwrap_or_default();
        nomination_rules::award_for_kind(&award_short, recipients.contains(&class), kind)?;
        self.tx.prepare_cached(
            "INSERT INTO nominations (nominee_id, movement_id, round, round_year, award_code, award_rank, award_level, nominee_kind, name_sort,
                                      proposing_unit, summary, status, search_fold, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
        )?
        .execute(params![
                n.nominee_id,
                n.movement_id,
                n.round.code(),
                n.round.year(),
                n.award_code,
                rank,
                level,
                kind.code(),
                name_sort,
                text_rules::line(TextField::ProposingUnit, &n.proposing_unit)?,
                text_rules::text(TextField::Summary, &n.summary)?,
                n.status.code(),
                search_text(&nominee_name, &unit, &award_short),
                self.now
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Update a nominee; refused when someone else changed it since `n.version`.
    pub fn update_nominee(&self, n: &Nominee) -> Result<()> {
        let before = read_nominee(&self.tx, n.id)?;
        let fields = NewNominee {
            kind: Some(n.kind),
            name: n.name.clone(),
            birth_year: n.birth_year,
            sex: n.sex,
            position: n.position.clone(),
            unit: n.unit.clone(),
            address: n.address.clone(),
            women_share_percent: n.women_share_percent,
        };
        nominee::check(&fields)?;
        let fields = fields.cleaned()?;
        let name = fields.name.clone();
        let n = &Nominee {
            name: fields.name.clone(),
            position: fields.position.clone(),
            unit: fields.unit.clone(),
            address: fields.address.clone(),
            ..n.clone()
        };
        let changed = self.tx.execute(
            "UPDATE nominees SET kind = ?2, name = ?3, name_fold = ?4, name_sort = ?5, birth_year = ?6, sex = ?7,
             position = ?8, unit = ?9, address = ?10, women_share = ?11, updated_at = ?12, version = version + 1
             WHERE id = ?1 AND version = ?13",
            params![
                n.id,
                n.kind.code(),
                name,
                fold(&name),
                sort_key_for(n.kind, &name),
                n.birth_year,
                n.sex.map(|s| s.code()),
                fields.position,
                fields.unit,
                fields.address,
                n.women_share_percent,
                self.now,
                n.version
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::Conflict {
                what: "nominee",
                id: n.id.to_string(),
            });
        }
        // Keep the nominations' search text in step with the name and unit.
        let awards: Vec<(i64, String)> = {
            let mut stmt = self.tx.prepare(
                "SELECT n.id, a.short_name FROM nominations n JOIN awards a ON a.code = n.award_code WHERE n.nominee_id = ?1",
            )?;
            stmt.query_map([n.id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?
        };
        for (id, award) in awards {
            self.tx.execute(
                "UPDATE nominations SET search_fold = ?2, name_sort = ?3, nominee_kind = ?4 WHERE id = ?1",
                params![id, search_text(&name, &fields.unit, &award), sort_key_for(n.kind, &name), n.kind.code()],
            )?;
        }
        self.audit(
            "nominees",
            n.id,
            "update",
            Some(&to_json(&before)),
            Some(&to_json(n)),
        )
    }

    /// Update a nomination's editable fields; refused on a concurrent change.
    pub fn update_nomination(&self, n: &Nomination, catalogue: &Catalogue) -> Result<()> {
        let n = &Nomination {
            proposing_unit: text_rules::line(TextField::ProposingUnit, &n.proposing_unit)?,
            summary: text_rules::text(TextField::Summary, &n.summary)?,
            ..n.clone()
        };
        let before = read_nomination(&self.tx, n.id)?;
        let award =
            catalogue
                .award(&n.award_code)
                .ok_or_else(|| NominationRefusal::UnknownAward {
                    code: n.award_code.clone(),
                })?;
        let nominee = read_nominee(&self.tx, n.nominee_id)?;
        nomination_rules::award_for_kind(
            &award.short_name,
            award.accepts(nominee.kind),
            nominee.kind,
        )?;
        let changed = self.tx.execute(
            "UPDATE nominations SET round = ?2, round_year = ?3, award_code = ?4, award_rank = ?5, proposing_unit = ?6,
             summary = ?7, search_fold = ?8, updated_at = ?9, version = version + 1, award_level = ?11
             WHERE id = ?1 AND version = ?10",
            params![
                n.id,
                n.round.code(),
                n.round.year(),
                n.award_code,
                award.rank,
                text_rules::line(TextField::ProposingUnit, &n.proposing_unit)?,
                text_rules::text(TextField::Summary, &n.summary)?,
                search_text(&nominee.name, &nominee.unit, &award.short_name),
                self.now,
                n.version,
                award.decided_at
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::Conflict {
                what: "nomination",
                id: n.id.to_string(),
            });
        }
        self.audit(
            "nominations",
            n.id,
            "update",
            Some(&to_json(&before)),
            Some(&to_json(n)),
        )
    }

    /// Move a nomination to another status, if the life cycle allows it.
    pub fn set_nomination_status(&self, id: NominationId, next: NominationStatus) -> Result<()> {
        let current: String = self
            .tx
            .query_row("SELECT status FROM nominations WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "nomination",
                id: id.to_string(),
            })?;
        let current = decode(
            NominationStatus::from_code,
            &current,
            "nominations",
            id,
            "status",
        )?;
        nomination_rules::step(id, current, next)?;
        if current == next {
            return Ok(());
        }
        self.tx.execute(
            "UPDATE nominations SET status = ?2, updated_at = ?3, version = version + 1 WHERE id = ?1",
            params![id, next.code(), self.now],
        )?;
        self.audit(
            "nominations",
            id,
            "status",
            Some(&serde_json::json!({"status": current.code()})),
            Some(&serde_json::json!({"status": next.code()})),
        )
    }
}

fn search_text(name: &str, unit: &str, award: &str) -> String {
    fold(&format!("{name} | {unit} | {award}"))
}

impl Store {
    pub fn add_nominee(&mut self, n: &NewNominee) -> Result<NomineeId> {
        self.write(|w| w.insert_nominee(n))
    }

    pub fn nominee(&self, id: NomineeId) -> Result<Nominee> {
        read_nominee(self.conn(), id)
    }

    /// Nominees whose name matches `text` (folded), in Vietnamese order.
    pub fn find_nominees(&self, text: &str, limit: u32) -> Result<Vec<Nominee>> {
        let pattern = format!("%{}%", fold(text));
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {NOMINEE_COLS} FROM nominees WHERE name_fold LIKE ?1 ORDER BY name_sort LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![pattern, limit], nominee_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Update a nominee; refused when someone else changed it since `n.version`.
    pub fn update_nominee(&mut self, n: &Nominee) -> Result<()> {
        self.write(|w| w.update_nominee(n))
    }

    pub fn add_nomination(&mut self, n: &NewNomination) -> Result<NominationId> {
        self.write(|w| w.insert_nomination(n))
    }

    pub fn nomination(&self, id: NominationId) -> Result<Nomination> {
        read_nomination(self.conn(), id)
    }

    /// Every nomination of a nominee, newest round first.
    pub fn nominations_of(&self, nominee: NomineeId) -> Result<Vec<Nomination>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {NOMINATION_COLS} FROM nominations WHERE nominee_id = ?1 ORDER BY round_year DESC, id DESC"
        ))?;
        let rows = stmt.query_map([nominee], nomination_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Update a nomination's editable fields; refused on a concurrent change.
    pub fn update_nomination(&mut self, n: &Nomination) -> Result<()> {
        let catalogue = self.catalogue()?;
        self.write(|w| w.update_nomination(n, &catalogue))
    }

    /// Save an edited nominee and their nomination in one transaction: both
    /// parts are written, or neither. Each part is written only when given.
    pub fn update_entry(
        &mut self,
        nominee: Option<&Nominee>,
        nomination: Option<&Nomination>,
    ) -> Result<()> {
        let catalogue = self.catalogue()?;
        self.write(|w| {
            if let Some(n) = nominee {
                w.update_nominee(n)?;
            }
            if let Some(n) = nomination {
                w.update_nomination(n, &catalogue)?;
            }
            Ok(())
        })
    }

    pub fn set_nomination_status(
        &mut self,
        id: NominationId,
        next: NominationStatus,
    ) -> Result<()> {
        self.write(|w| w.set_nomination_status(id, next))
    }

    /// Withdraw a nomination: it stays in the record with the reason.
    pub fn withdraw_nomination(&mut self, id: NominationId, reason: &str) -> Result<()> {
        self.write(|w| {
            let reason = nomination_rules::withdraw_reason(reason)?;
            w.set_nomination_status(id, NominationStatus::Withdrawn)?;
            w.tx.execute(
                "UPDATE nominations SET withdrawal_reason = ?2 WHERE id = ?1",
                params![id, reason],
            )?;
            w.audit(
                "nominations",
                id,
                "withdraw",
                None,
                Some(&serde_json::json!({"reason": reason})),
            )
        })
    }
}
