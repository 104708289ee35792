//! What the dashboard opens: each action that starts a screen or a question
//! from the list becomes the `Outcome` that puts it on top. A new screen
//! opened from the dashboard adds its arm here.

use crate::domain::nomination::{NominationRow, NominationStatus};
use crate::i18n::strings_forms::forms;
use crate::tui::action::{Action, AwardAction, MeetingAction, MovementsAction, PlanAction};
use crate::tui::awards::audit::AuditView;
use crate::tui::awards::board::Board;
use crate::tui::awards::decide_or_refer;
use crate::tui::awards::nominee::NomineePage;
use crate::tui::modals::prompt::PromptFor;
use crate::tui::screen::{Ctx, Outcome};
use crate::tui::screens::evidence_form::EvidenceForm;
use crate::tui::screens::evidence_list::EvidenceList;
use crate::tui::screens::meeting::{MeetingMode, pick_meeting};
use crate::tui::screens::movements::list::Movements;
use crate::tui::screens::movements::rules::Rules;
use crate::tui::screens::nomination_form::NominationForm;
use crate::tui::screens::planning::Planning;
use crate::tui::screens::ranking::Ranking;
use crate::tui::screens::scoring::Scoring;

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
        Action::Plan(PlanAction::Enter) => match Planning::open(cx.store) {
            Ok(p) => Outcome::Open(Box::new(p)),
            Err(e) => failed(e),
        },
        Action::Awards(AwardAction::OpenBoard) => match Board::open(cx.store) {
            Ok(b) => Outcome::Open(Box::new(b)),
            Err(e) => failed(e),
        },
        Action::Awards(AwardAction::OpenAudit) => match AuditView::open(cx.store, cx.selected) {
            Ok(a) => Outcome::Open(Box::new(a)),
            Err(e) => failed(e),
        },
        Action::Awards(AwardAction::OpenNominee) => {
            let Some((id, ..)) = selected else {
                return Some(Outcome::Nothing);
            };
            let page = cx
                .store
                .nomination(id)
                .and_then(|n| NomineePage::open(cx.store, n.nominee_id, Some(id)));
            match page {
                Ok(p) => Outcome::Open(Box::new(p)),
                Err(e) => failed(e),
            }
        }
        Action::Awards(AwardAction::DecideOrRefer) => {
            let Some((id, ..)) = selected else {
                return Some(Outcome::Nothing);
            };
            decide_or_refer(cx.store, id, s).unwrap_or_else(failed)
        }
        Action::Setup(_) => return crate::tui::screens::setup::offer::from_dashboard(action, cx),
        // Meeting mode with no council says so and offers the set-up.
        Action::Meeting(MeetingAction::Enter) if matches!(cx.store.council(), Ok(None)) => {
            return crate::tui::screens::setup::offer::from_dashboard(action, cx);
        }
        Action::Meeting(MeetingAction::Enter) => match pick_meeting(cx.store) {
            Ok(Some(id)) => match MeetingMode::open(cx.store, id) {
                Ok(m) => Outcome::Open(Box::new(m)),
                Err(e) => failed(e),
            },
            Ok(None) => Outcome::Refused(s.meeting().no_meeting.to_string()),
            Err(e) => failed(e),
        },
        Action::Movements(MovementsAction::OpenMovements) => match Movements::open(cx.store) {
            Ok(m) => Outcome::Open(Box::new(m)),
            Err(e) => failed(e),
        },
        Action::Movements(MovementsAction::OpenRules) => match Rules::open(cx.store, s) {
            Ok(r) => Outcome::Open(Box::new(r)),
            Err(e) => failed(e),
        },
        _ => return None,
    };
    Some(outcome)
}
