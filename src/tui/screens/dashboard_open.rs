//! What the dashboard opens: each action that starts a screen or a question
//! from the list becomes the `Outcome` that puts it on top. A new screen
//! opened from the dashboard adds its arm here.

use crate::domain::nomination::{NominationRow, NominationStatus};
use crate::tui::action::Action;
use crate::tui::modals::prompt::PromptFor;
use crate::tui::screen::{Ctx, Outcome};
use crate::tui::screens::evidence_form::EvidenceForm;
use crate::tui::screens::evidence_list::EvidenceList;
use crate::tui::screens::nomination_form::NominationForm;
use crate::tui::screens::ranking::Ranking;
use crate::tui::screens::scoring::Scoring;
use crate::tui::strings_forms::forms;

/// The outcome of `action` on the dashboard with `row` selected; `None`
/// when the action is not one that opens something.
pub fn open(action: &Action, row: Option<&NominationRow>, cx: &mut Ctx) -> Option<Outcome> {
    let s = cx.strings;
    let f = forms(s);
    let selected = row.map(|r| {
        (
            r.id,
            format!("{} — {}", r.nominee_name, r.award_short),
            r.status,
        )
    });
    let failed = |e| Outcome::Refused(s.store_message(&e));
    let outcome = match action {
        Action::OpenScoring => {
            let Some((id, title, _)) = selected else {
                return Some(Outcome::Nothing);
            };
            match Scoring::open(cx.store, id, title) {
                Ok(sc) => Outcome::Open(Box::new(sc)),
                Err(e) => failed(e),
            }
        }
        Action::NewNomination => match NominationForm::new(cx.store, cx.catalogue, s) {
            Ok(form) => Outcome::Open(Box::new(form)),
            Err(e) => Outcome::Refused(e),
        },
        Action::EditNomination => {
            let Some((id, ..)) = selected else {
                return Some(Outcome::Nothing);
            };
            match NominationForm::edit(cx.store, cx.catalogue, s, id) {
                Ok(form) => Outcome::Open(Box::new(form)),
                Err(e) => Outcome::Refused(e),
            }
        }
        Action::AddEvidence => {
            let Some((id, about, _)) = selected else {
                return Some(Outcome::Nothing);
            };
            Outcome::Open(Box::new(EvidenceForm::new(id, &about, s)))
        }
        Action::OpenEvidence => {
            let Some((id, about, _)) = selected else {
                return Some(Outcome::Nothing);
            };
            match EvidenceList::open(cx.store, id, about) {
                Ok(list) => Outcome::Open(Box::new(list)),
                Err(e) => failed(e),
            }
        }
        Action::Withdraw => {
            let Some((id, about, status)) = selected else {
                return Some(Outcome::Nothing);
            };
            if !status.can_become(NominationStatus::Withdrawn) {
                return Some(Outcome::Refused(format!(
                    "{}: {}",
                    f.cannot_withdraw,
                    s.status(status)
                )));
            }
            Outcome::Prompt {
                question: format!("{about}\n{}", f.withdraw_question),
                label: f.reason_prompt,
                value: String::new(),
                purpose: PromptFor::Withdraw(id),
            }
        }
        Action::OpenRanking => match Ranking::open(cx.store, cx.catalogue) {
            Ok(r) => Outcome::Open(Box::new(r)),
            Err(e) => failed(e),
        },
        _ => return None,
    };
    Some(outcome)
}
