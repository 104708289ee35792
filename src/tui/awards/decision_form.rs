//! The form for one decision for every passed Giấy khen of a meeting: the
//! meeting, number, date, signer and whether a vice-chairman signs for the
//! chairman. Submitting prepares the decision with every check; the confirm
//! names how many awards and the prize money; then it is recorded.

use super::form::{Focus, Form, FormKind, date, text};
use super::{Pending, today};
use crate::domain::decision_batch::{Selection, SignerTitle};
use crate::domain::meeting::MeetingStatus;
use crate::i18n::Lang;
use crate::i18n::strings::Strings;
use crate::i18n::strings_decision::decision_form as words;
use crate::store::decision_batches::BatchRequest;
use crate::store::{Store, StoreError};
use crate::tui::command::Command;
use crate::tui::screen::Outcome;
use crate::tui::screens::form_screen;

impl Form {
    /// Filled with the latest closed meeting (by its date), today and the
    /// ward's chairman.
    pub fn decide_many(store: &Store, s: &Strings) -> Result<Form, StoreError> {
        let w = words(s);
        let meeting = store
            .meetings()?
            .into_iter()
            .filter(|m| m.meeting.status == MeetingStatus::Closed)
            .max_by(|a, b| {
                (a.meeting.starts_at.as_str(), a.meeting.id)
                    .cmp(&(b.meeting.starts_at.as_str(), b.meeting.id))
            })
            .map_or(String::new(), |m| m.meeting.id.to_string());
        let signer = store.ward()?.map(|w| w.chairman_name).unwrap_or_default();
        Ok(Form::new(
            w.title.into(),
            vec![w.intro.into()],
            vec![
                text(Focus::Meeting, w.meeting, &meeting),
                text(Focus::Number, w.number, ""),
                date(w.date, today(store)),
                text(Focus::Signer, w.signer, &signer),
                text(Focus::Deputy, w.deputy, "k"),
                text(Focus::Paper, w.paper, "a4"),
            ],
            FormKind::DecideMany,
        )
        .optional(&[Focus::Signer, Focus::Deputy]))
    }

    /// Which layout's calibration page to write.
    pub fn calibration(s: &Strings) -> Form {
        let w = words(s);
        Form::new(
            w.calibration_title.into(),
            vec![w.calibration_intro.into()],
            vec![text(Focus::Paper, w.paper, "phoi")],
            FormKind::Calibrate,
        )
    }

    /// The calibration page of the layout chosen, or why the layout is not one.
    pub(super) fn submit_calibration(&mut self, s: &Strings) -> Outcome {
        match layout_text(&self.value(Focus::Paper), s) {
            Ok(text) => Outcome::Run(Command::CalibrateCertificates(text)),
            Err(why) => self.fail(Some(Focus::Paper), why),
        }
    }

    /// Every check first (the store's own), then the confirm with the count and total.
    pub(super) fn submit_many(&mut self, store: &Store, s: &Strings) -> Outcome {
        let w = words(s);
        let v = self.value(Focus::Meeting);
        let Ok(meeting) = v.parse::<i64>() else {
            let why = format!("{}: “{v}” {}", w.meeting, w.not_a_meeting);
            return self.fail(Some(Focus::Meeting), why);
        };
        let v = self.value(Focus::Date);
        let Some(date) = form_screen::parse_day(&v) else {
            let why = format!("{}: “{v}” {}", w.date, w.not_a_date);
            return self.fail(Some(Focus::Date), why);
        };
        let deputy = w
            .yes
            .contains(&self.value(Focus::Deputy).to_lowercase().as_str());
        let layout = match layout_text(&self.value(Focus::Paper), s) {
            Ok(text) => text,
            Err(why) => return self.fail(Some(Focus::Paper), why),
        };
        let req = BatchRequest {
            meeting,
            selection: Selection::GiayKhen,
            number: self.value(Focus::Number),
            date,
            signer: self.value(Focus::Signer),
            title: if deputy {
                SignerTitle::Deputy
            } else {
                SignerTitle::Chairman
            },
        };
        match store.prepare_decision_batch(&req) {
            Ok(p) => {
                let names: Vec<&str> = p.lines.iter().map(|l| l.nominee.name.as_str()).collect();
                let text = s.confirm_decide_many(
                    &p.decision.number,
                    p.decision.date,
                    &p.decision.signer,
                    &names,
                    p.total(),
                );
                Outcome::Ask(text, Command::Awards(Pending::DecideMany(req, layout)))
            }
            Err(e) => self.fail(None, s.store_message(&e)),
        }
    }
}

/// The certificate layout chosen: "a4" (plain A4, the default), "phoi" (the
/// shipped layout for pre-printed blanks), or the path of a ward's own
/// layout file; its TOML text once it reads as a layout.
fn layout_text(choice: &str, s: &Strings) -> Result<String, String> {
    use crate::print::compose::certificate_layout::{Layout, LayoutError, PLAIN_A4, PRE_PRINTED};
    let w = words(s);
    let choice = choice.trim();
    let text = match crate::domain::text::fold(choice).as_str() {
        "" | "a4" => return Ok(PLAIN_A4.to_string()),
        "phoi" | "phoi in san" => return Ok(PRE_PRINTED.to_string()),
        _ => std::fs::read_to_string(choice).map_err(|e| format!("{choice}: {e}"))?,
    };
    match Layout::parse(&text) {
        Ok(_) => Ok(text),
        Err(e) => {
            let why = match (&e, s.lang) {
                (LayoutError::Field { field, problem }, Lang::Vi) => {
                    format!("{field}: {}", problem.vietnamese())
                }
                _ => e.to_string(),
            };
            Err(format!("{choice}: {}: {why}", w.bad_layout))
        }
    }
}
