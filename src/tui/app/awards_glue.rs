//! How the app hosts the awards screens: opening them from the dashboard,
//! passing them actions and keys, performing confirmed changes, drawing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

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
use crate::tui::modals::Modal;
use crate::tui::modals::confirm::Confirm;
use crate::tui::modals::message::Message;
use crate::tui::screens::Screen;

impl App {
    /// Handle `action` if it is for the awards screens; false otherwise.
    pub(super) fn awards_dispatch(&mut self, action: &Action) -> bool {
        if let Action::Awards(AwardAction::Apply(p)) = action {
            self.awards_perform(p);
            return true;
        }
        if let Some(Screen::Awards(top)) = self.screens.last_mut() {
            let outcome = top.apply(action, &self.store, self.strings);
            self.awards_outcome(outcome);
            return true;
        }
        if !self.screens.is_empty() {
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
                self.screens.pop();
            }
            Outcome::Open(screen) => self.screens.push(Screen::Awards(Box::new(screen))),
            Outcome::Ask(message, pending) => {
                self.modals
                    .push(Modal::Confirm(Confirm { message, pending }));
            }
            Outcome::Perform(p) => self.awards_perform(&p),
            Outcome::Export(path) => self.awards_export(&path),
            Outcome::Report { period, stem } => self.awards_report(period, &stem),
            Outcome::Message(text) => self
                .modals
                .push(Modal::Message(Message { text, error: false })),
        }
    }

    /// Record a confirmed change; on success the form closes and every
    /// screen underneath reads again. On failure the form stays, filled in.
    fn awards_perform(&mut self, p: &Pending) {
        let t = texts(self.strings);
        match perform(p, &mut self.store) {
            Ok(nomination) => {
                if let Some(Screen::Awards(top)) = self.screens.last()
                    && matches!(**top, AwardsScreen::Form(_))
                {
                    self.screens.pop();
                }
                // A decided nomination now has a referral screen to go to.
                let after_refer = matches!(p, Pending::Refer { .. });
                let mut failed = None;
                for s in &mut self.screens {
                    if let Screen::Awards(a) = s
                        && let Err(e) = a.reload(&self.store)
                    {
                        failed = Some(e);
                    }
                }
                let text = match p {
                    Pending::Decide { .. } => t.decided,
                    Pending::Refer { .. } => t.referred,
                    Pending::Tick { .. } => t.ticked,
                    Pending::Submission(_) => t.submitted,
                    _ => t.step_saved,
                };
                self.status = Some((text.to_string(), STATUS_TICKS));
                if let Pending::Submission(sub) = p {
                    self.print_submission(&sub.number);
                }
                self.queue.push_back(Internal::ScoresChanged(nomination));
                if after_refer
                    && self.screens.is_empty()
                    && let Ok(v) = awards::referral::ReferralView::open(&self.store, nomination)
                {
                    self.screens
                        .push(Screen::Awards(Box::new(AwardsScreen::Referral(v))));
                }
                if let Some(e) = failed {
                    self.error(self.strings.store_message(&e));
                }
            }
            // Typed refusals in the interface's language; untyped checks with
            // where they came from.
            Err(e) => self.outcome(crate::tui::screens::scoring::Outcome::Failed(e)),
        }
    }

    /// Write the register; the form closes once the file is written.
    fn awards_export(&mut self, path: &std::path::Path) {
        match crate::export::awards::export_awards(&self.store, path) {
            Ok(n) => {
                if let Some(Screen::Awards(top)) = self.screens.last()
                    && matches!(**top, AwardsScreen::Form(_))
                {
                    self.screens.pop();
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

    /// Write the report: the workbook at once (it is quick), the PDF on a
    /// thread of its own; both under new names, never over a file.
    fn awards_report(&mut self, period: crate::domain::report::Period, stem: &str) {
        use crate::tui::print_jobs::{self, Target, free_path};
        let t = texts(self.strings);
        let date = awards::today(&self.store);
        let made = self.store.year_report(period).and_then(|report| {
            let doc = crate::export::report::report_document(&self.store, &report, date)?;
            Ok((report, doc))
        });
        let (report, doc) = match made {
            Ok(pair) => pair,
            Err(e) => return self.error(self.strings.store_message(&e)),
        };
        let dir = self.printing.out_dir.clone();
        let xlsx = free_path(&dir, stem, "xlsx");
        let written = crate::export::report::report_workbook(&self.store, &report, &xlsx)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                crate::export::sheet::write_new_private(&xlsx, &bytes).map_err(|e| format!("{e:#}"))
            });
        if let Err(e) = written {
            return self.error(e);
        }
        if let Some(Screen::Awards(top)) = self.screens.last()
            && matches!(**top, AwardsScreen::Form(_))
        {
            self.screens.pop();
        }
        print_jobs::spawn(
            doc,
            crate::print::Format::Pdf,
            Target::File {
                dir,
                stem: stem.to_string(),
            },
            self.printing.tx.clone(),
        );
        self.printing.running += 1;
        self.status = Some((
            format!(
                "{}: {} · {}",
                t.report_written,
                xlsx.display(),
                t.report_pdf
            ),
            u8::MAX,
        ));
    }

    /// Typeset a recorded tờ trình with its list into a new PDF in the
    /// output folder, in the background.
    fn print_submission(&mut self, number: &str) {
        use crate::tui::print_jobs::{self, Target};
        let t = texts(self.strings);
        let doc = match self.store.submission(number) {
            Ok(s) => crate::print::compose::submission(&s),
            Err(e) => return self.error(self.strings.store_message(&e)),
        };
        let stem = format!(
            "to-trinh-{}",
            number.replace(|c: char| !c.is_alphanumeric(), "-")
        );
        print_jobs::spawn(
            doc,
            crate::print::Format::Pdf,
            Target::File {
                dir: self.printing.out_dir.clone(),
                stem,
            },
            self.printing.tx.clone(),
        );
        self.printing.running += 1;
        self.status = Some((format!("{} · {}", t.submitted, t.report_pdf), u8::MAX));
    }

    /// The eligibility line of the detail pane.
    pub(super) fn awards_warning(&self, id: NominationId) -> Option<String> {
        awards::eligibility_warning(&self.store, id, self.strings)
            .ok()
            .flatten()
    }

    /// Collect results of background work of the awards screens.
    pub(super) fn awards_poll(&mut self) {
        for s in &mut self.screens {
            if let Screen::Awards(a) = s {
                a.poll();
            }
        }
    }

    /// Draw the awards screens in stack order (forms are popups over the
    /// screen they were opened from).
    pub(super) fn awards_render(&self, body: Rect, buf: &mut Buffer) {
        for s in &self.screens {
            if let Screen::Awards(a) = s {
                a.render(self.strings, body, buf);
            }
        }
    }
}
