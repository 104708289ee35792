//! Synthetic databases of any size (`hoidong gen`): the same rows for the
//! same seed, written in batches. Each batch is its own transaction, with its
//! row proofs, and the write-ahead log is folded into the file after it, so
//! the log stays the size of one batch however large the database. The whole
//! generation is one action in the audit log: one entry, in the last batch,
//! naming what was written.

use std::collections::HashMap;

use super::pools::ACHIEVEMENTS;
use super::{
    Rng, Spec, award_for, create_council, evidence_for, kind_for, nominee_for, round_for,
    status_for,
};
use crate::domain::nomination::NewNomination;
use crate::domain::nominee::NomineeKind;
use crate::domain::scoring::Score;
use crate::store::bulk::Batch;
use crate::store::{Result, Store};

/// Nominations per transaction: with their evidence and scores, a batch
/// writes some tens of megabytes to the log.
pub const BATCH: usize = 20_000;

/// Fill a new database with `spec.nominations` synthetic nominations,
/// committing every `batch` nominations.
pub fn generate(store: &mut Store, spec: Spec, batch: usize) -> Result<()> {
    let batch = batch.max(1);
    let movement_id = match store.movements()?.first() {
        Some(m) => m.id,
        None => store.add_seed_movement()?.id,
    };
    let groups = store.criteria_groups(movement_id)?;
    store.widen_cache_for_bulk()?;
    let mut rng = Rng::new(spec.seed);
    let mut written = Batch::default();
    let members = store.write(|w| create_council(w))?;
    // The random numbers are drawn in the same order as ever: every
    // nomination first, then the evidence and scores of each in turn.
    let mut created: Vec<(i64, NomineeKind)> = Vec::with_capacity(spec.nominations);
    let mut per_kind: HashMap<NomineeKind, usize> = HashMap::new();
    let mut start = 0;
    while start < spec.nominations {
        let end = (start + batch).min(spec.nominations);
        store.write(|w| {
            for i in start..end {
                let kind = kind_for(i, &mut rng);
                let serial = per_kind.entry(kind).or_insert(0);
                let nth = *serial;
                *serial += 1;
                let nominee = nominee_for(kind, &mut rng, nth);
                let award = award_for(kind, &mut rng);
                let round = round_for(award, &mut rng);
                let summary = format!("{} {}", rng.pick(ACHIEVEMENTS), rng.pick(ACHIEVEMENTS));
                let status = status_for(&mut rng);
                let nominee_id = w.bulk_nominee(&mut written, &nominee)?;
                let id = w.bulk_nomination(
                    &mut written,
                    &NewNomination {
                        nominee_id,
                        movement_id,
                        round,
                        award_code: award.into(),
                        proposing_unit: nominee.unit.clone(),
                        summary,
                        status,
                    },
                )?;
                created.push((id, kind));
            }
            Ok(())
        })?;
        store.checkpoint_log()?;
        start = end;
    }
    let details = serde_json::json!({"nominations": spec.nominations, "seed": spec.seed});
    if created.is_empty() {
        return store.write(|w| w.audit_batch("nominations", "*", "generate", &written, details));
    }
    let chunks: Vec<&[(i64, NomineeKind)]> = created.chunks(batch).collect();
    let last = chunks.len().saturating_sub(1);
    for (n, chunk) in chunks.into_iter().enumerate() {
        store.write(|w| {
            for (id, kind) in chunk {
                let evidence = 1 + rng.below(4);
                for e in 0..evidence {
                    let ev = evidence_for(&mut rng, *id, e);
                    w.bulk_evidence(&mut written, &ev)?;
                }
                // Most nominations are scored by most members; some are not yet.
                if rng.chance(85) {
                    let criteria: Vec<_> = groups
                        .iter()
                        .filter(|g| g.applies_to(*kind))
                        .flat_map(|g| g.criteria.iter())
                        .collect();
                    let base = 55 + rng.below(40) as u32;
                    for m in &members {
                        if !rng.chance(90) {
                            continue;
                        }
                        for c in &criteria {
                            let tenths = (base + rng.below(15) as u32).min(c.max_score * 10);
                            let s = Score {
                                member_id: *m,
                                criterion_code: c.code.clone(),
                                tenths,
                            };
                            w.bulk_score(&mut written, *id, &s)?;
                        }
                    }
                    w.refresh_score(*id)?;
                }
            }
            if n == last {
                w.audit_batch("nominations", "*", "generate", &written, details.clone())?;
            }
            Ok(())
        })?;
        store.checkpoint_log()?;
    }
    Ok(())
}
