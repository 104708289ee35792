//! How the app hosts the awards screens: opening them from the dashboard,
//! passing them actions and keys, performing confirmed changes, drawing.

use super::layers::{Layer, legacy_top};
use super::{App, Internal, STATUS_TICKS};
use crate::domain::nomination::NominationId;
use crate::tui::action::Action;
use crate::tui::awards::audit::AuditView;
use crate::tui::awards::board::Board;
use crate::tui::awards::nominee::NomineePage;
use crate::tui::awards::strings::texts;
use crate::tui::awards::{
    self, AwardAction, AwardsScreen, Outcome, Pending, decide_or_refer, perform,
};
use crate::tui::command::Command;
use crate::tui::screen::Outcome as ScreenOutcome;
use crate::tui::screens::Legacy;

impl App {
    /// Handle `action` if it is for the awards screens; false otherwise.
    pub(super) fn awards_dispatch(&mut self, action: &Action) -> bool {
        if let Action::Awards(AwardAction::Apply(p)) = action {
            self.awards_perform(p);
            return true;
        }
        if let Some(Legacy::Awards(top)) = legacy_top(&mut self.layers) {
            let outcome = top.apply(action, &self.store, self.strings);
            self.awards_outcome(outcome);
            return true;
        }
        if !self.layers.is_empty() {
            return false;
        }
        let selected = self.dashboard.selected_row().map(|r| r.id);
        let opened = match action {
            Action::Awards(AwardAction::OpenBoard) => {
                Board::open(&self.store).map(|b| Outcome::Open(AwardsScreen::Board(b)))
            }
            Action::Awards(AwardAction::OpenAudit) => AuditView::open(&self.store, selected)
                .map(|a| Outcome::Open(AwardsScreen::Audit(a))),
            Action::Awards(AwardAction::OpenNominee) => match selected {
                Some(id) => self.store.nomination(id).and_then(|n| {
                    NomineePage::open(&self.store, n.nominee_id, Some(id))
                        .map(|p| Outcome::Open(AwardsScreen::Nominee(Box::new(p))))
                }),
                None => Ok(Outcome::Nothing),
            },
            Action::Awards(AwardAction::DecideOrRefer) => match selected {
                Some(id) => decide_or_refer(&self.store, id, self.strings),
                None => Ok(Outcome::Nothing),
            },
            _ => return false,
        };
        match opened {
            Ok(o) => self.awards_outcome(o),
            Err(e) => self.error(self.strings.store_message(&e)),
        }
        true
    }

    fn awards_outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Nothing => {}
            Outcome::Close => {
                self.layers.pop();
            }
            Outcome::Open(screen) => self.push_legacy(Legacy::Awards(Box::new(screen))),
            Outcome::Ask(message, pending) => self.ask(message, Command::Action(pending)),
            Outcome::Perform(p) => self.awards_perform(&p),
            Outcome::Export(path) => self.awards_export(&path),
            Outcome::Message(text) => self.outcome(ScreenOutcome::Message(text)),
        }
    }

    /// Record a confirmed change; on success the form closes and every
    /// screen underneath reads again. On failure the form stays, filled in.
    fn awards_perform(&mut self, p: &Pending) {
        let t = texts(self.strings);
        match perform(p, &mut self.store) {
            Ok(nomination) => {
                if let Some(Layer::Legacy(Legacy::Awards(top))) = self.layers.last()
                    && matches!(**top, AwardsScreen::Form(_))
                {
                    self.layers.pop();
                }
                // A decided nomination now has a referral screen to go to.
                let after_refer = matches!(p, Pending::Refer { .. });
                let mut failed = None;
                for s in &mut self.layers {
                    if let Layer::Legacy(Legacy::Awards(a)) = s
                        && let Err(e) = a.reload(&self.store)
                    {
                        failed = Some(e);
                    }
                }
                let text = match p {
                    Pending::Decide { .. } => t.decided,
                    Pending::Refer { .. } => t.referred,
                    Pending::Tick { .. } => t.ticked,
                    _ => t.step_saved,
                };
                self.status = Some((text.to_string(), STATUS_TICKS));
                self.queue.push_back(Internal::ScoresChanged(nomination));
                if after_refer
                    && self.layers.is_empty()
                    && let Ok(v) = awards::referral::ReferralView::open(&self.store, nomination)
                {
                    self.push_legacy(Legacy::Awards(Box::new(AwardsScreen::Referral(v))));
                }
                if let Some(e) = failed {
                    self.error(self.strings.store_message(&e));
                }
            }
            // Typed refusals in the interface's language; untyped checks with
            // where they came from.
            Err(e) => self.outcome(ScreenOutcome::Failed(e)),
        }
    }

    /// Write the register; the form closes once the file is written.
    fn awards_export(&mut self, path: &std::path::Path) {
        match crate::export::awards::export_awards(&self.store, path) {
            Ok(n) => {
                if let Some(Layer::Legacy(Legacy::Awards(top))) = self.layers.last()
                    && matches!(**top, AwardsScreen::Form(_))
                {
                    self.layers.pop();
                }
                let t = texts(self.strings);
                self.status = Some((
                    format!("{n} {} {}", t.exported, path.display()),
                    STATUS_TICKS,
                ));
            }
            Err(e) => self.error(format!("{}: {e}", path.display())),
        }
    }

    /// The eligibility line of the detail pane.
    pub(super) fn awards_warning(&self, id: NominationId) -> Option<String> {
        awards::eligibility_warning(&self.store, id, self.strings)
            .ok()
            .flatten()
    }
}
