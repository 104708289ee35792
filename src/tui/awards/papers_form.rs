//! The forms of the papers made from the awards board besides the
//! decision: where to write the register, the tờ trình of the batch
//! waiting, and the period of the year's report.

use super::form::{Focus, Form, FormKind, date, text};
use super::today;
use crate::i18n::awards::texts;
use crate::i18n::strings::Strings;
use crate::store::{Store, StoreError};

impl Form {
    /// Where to write the register; a name in the current folder by default.
    pub fn export(store: &Store, s: &Strings) -> Form {
        let t = texts(s);
        let name = format!("so-khen-thuong-{}.xlsx", today(store).format("%Y-%m-%d"));
        Self::new(
            t.export_form.into(),
            vec![t.register_title.to_string()],
            vec![text(Focus::File, t.f_file, &name)],
            FormKind::Export,
        )
    }

    /// The tờ trình for the latest batch waiting: who goes up, its number
    /// and date. None when nothing waits.
    pub fn submission(store: &Store, s: &Strings) -> Result<Option<Form>, StoreError> {
        let t = texts(s);
        let Some(batch) = store.pending_batches()?.into_iter().next() else {
            return Ok(None);
        };
        let mut intro = vec![format!(
            "{} — {} {} {}",
            batch.award_name,
            batch.nominations.len(),
            t.batch_of,
            batch.meeting_number
        )];
        for id in &batch.nominations {
            let n = store.nomination(*id)?;
            intro.push(format!("  · {}", store.nominee(n.nominee_id)?.name));
        }
        Ok(Some(
            Self::new(
                t.submission_form.into(),
                intro,
                vec![
                    text(Focus::Submission, t.f_submission_number, ""),
                    date(t.f_date, today(store)),
                    text(Focus::Override, t.f_override, ""),
                ],
                FormKind::Submission {
                    meeting_id: batch.meeting_id,
                    award_code: batch.award_code,
                    symbol: store
                        .ward()?
                        .map(|w| w.submission_symbol)
                        .unwrap_or_default(),
                },
            )
            .optional(&[Focus::Override]),
        ))
    }

    /// Which period to report and the files' name; the latest year of the
    /// register (else this year) by default.
    pub fn report(store: &Store, s: &Strings, latest: Option<i32>) -> Form {
        let t = texts(s);
        let year = latest.unwrap_or_else(|| chrono::Datelike::year(&today(store)));
        Self::new(
            t.report_form.into(),
            vec![t.report_intro.to_string()],
            vec![
                text(Focus::Period, t.f_period, &year.to_string()),
                text(Focus::Stem, t.f_stem, "bao-cao-khen-thuong"),
            ],
            FormKind::Report,
        )
    }
}
