//! The app's side of the award record: performing a confirmed change (then
//! every layer reads again), writing the register, and the eligibility line
//! of the dashboard's detail pane.

use super::{App, Internal, STATUS_TICKS};
use crate::domain::nomination::NominationId;
use crate::i18n::awards::texts;
use crate::tui::awards::{self, Pending, perform};
use crate::tui::keymap::Context;
use crate::tui::screen::Outcome;

impl App {
    /// Record a confirmed change; on success the form closes and every
    /// screen underneath reads again. On failure the form stays, filled in.
    pub(super) fn awards_perform(&mut self, p: &Pending) {
        let t = texts(self.strings);
        match perform(p, &mut self.store) {
            Ok(nomination) => {
                if let Pending::DecideMany(_, layout) = p {
                    self.print_new_decision(layout);
                }
                if self.context() == Context::AwardsForm {
                    self.layers.pop();
                }
                // A decided nomination now has a referral screen to go to.
                let after_refer = matches!(p, Pending::Refer { .. });
                let failed = self.with_cx(|layers, cx| {
                    let mut failed = None;
                    for layer in layers.iter_mut() {
                        if let Err(e) = layer.reload(cx) {
                            failed = Some(e);
                        }
                    }
                    failed
                });
                let text = match p {
                    Pending::Decide { .. } | Pending::DecideMany(..) => t.decided,
                    Pending::Refer { .. } => t.referred,
                    Pending::Tick { .. } => t.ticked,
                    Pending::Submission(_) => t.submitted,
                    _ => t.step_saved,
                };
                self.status = Some((text.to_string(), STATUS_TICKS));
                if matches!(p, Pending::DecideMany(..)) && self.printing.running > 0 {
                    // Until the files are written: the decision is saved, its prints are coming.
                    let printing = self.strings.minutes().printing;
                    self.status = Some((format!("{text} · {printing} PDF…"), u8::MAX));
                }
                if let Pending::Submission(sub) = p {
                    self.print_submission(&sub.number);
                }
                self.queue.push_back(Internal::ScoresChanged(nomination));
                if after_refer
                    && self.layers.is_empty()
                    && let Ok(v) = awards::referral::ReferralView::open(&self.store, nomination)
                {
                    self.push(Box::new(v));
                }
                if let Some(e) = failed {
                    self.error(self.strings.store_message(&e));
                }
            }
            // Typed refusals in the interface's language; untyped checks with
            // where they came from.
            Err(e) => self.outcome(Outcome::Failed(e)),
        }
    }

    /// The decision just recorded for many awards: its print with the list
    /// and its certificates on plain A4, each written to a new file off the
    /// UI loop.
    fn print_new_decision(&mut self, layout: &str) {
        let newest = self
            .store
            .decision_batches()
            .map(|b| b.iter().map(|b| b.id).max());
        let paper = match newest {
            Ok(Some(id)) => self.store.decision_paper(id).map(|p| (id, p)),
            Ok(None) => return,
            Err(e) => Err(e),
        };
        let (id, paper) = match paper {
            Ok(found) => found,
            Err(e) => return self.error(self.strings.store_message(&e)),
        };
        let dir = self.printing.out_dir.clone();
        let doc = crate::print::compose::decision(&paper);
        let decision_jobs = crate::tui::print_jobs::spawn_file_and_printer(
            doc,
            dir.clone(),
            format!("quyet-dinh-{id}"),
            self.printing.tx.clone(),
        );
        let layout_text = layout.to_string();
        let render = move || {
            let layout = crate::print::compose::certificate_layout::Layout::parse(&layout_text)
                .map_err(|e| e.to_string())?;
            let sheet = crate::print::compose::certificate::certificates(&paper, &layout);
            crate::print::certificate_pdf::render(&sheet).map_err(|e| e.to_string())
        };
        crate::tui::print_jobs::spawn_pdf(
            render,
            dir,
            format!("giay-khen-{id}"),
            self.printing.tx.clone(),
        );
        // The certificates wait for their paper: written, not sent to lp.
        self.printing.running += decision_jobs + 1;
    }

    /// The calibration page of a certificate layout: its fields as boxes
    /// over a millimetre grid, written as a new PDF in the background.
    pub(super) fn calibrate_certificates(&mut self, layout: &str) {
        let layout_text = layout.to_string();
        let render = move || {
            let layout = crate::print::compose::certificate_layout::Layout::parse(&layout_text)
                .map_err(|e| e.to_string())?;
            let sheet = crate::print::compose::certificate::calibration(&layout);
            crate::print::certificate_pdf::render(&sheet).map_err(|e| e.to_string())
        };
        if self.context() == Context::AwardsForm {
            self.layers.pop();
        }
        crate::tui::print_jobs::spawn_pdf(
            render,
            self.printing.out_dir.clone(),
            "can-chinh-giay-khen".to_string(),
            self.printing.tx.clone(),
        );
        self.printing.running += 1;
    }

    /// Write the register; the form closes once the file is written.
    pub(super) fn awards_export(&mut self, path: &std::path::Path) {
        match crate::export::awards::export_awards(&self.store, path) {
            Ok(n) => {
                if self.context() == Context::AwardsForm {
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

    /// Write the report: the workbook at once (it is quick), the PDF on a
    /// thread of its own; both under new names, never over a file.
    pub(super) fn awards_report(&mut self, period: crate::domain::report::Period, stem: &str) {
        use crate::tui::print_jobs::{self, free_path};
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
        if self.context() == Context::AwardsForm {
            self.layers.pop();
        }
        self.printing.running += print_jobs::spawn_file_and_printer(
            doc,
            dir,
            stem.to_string(),
            self.printing.tx.clone(),
        );
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
        use crate::tui::print_jobs;
        let t = texts(self.strings);
        let doc = match self.store.submission(number) {
            Ok(s) => crate::print::compose::submission(&s),
            Err(e) => return self.error(self.strings.store_message(&e)),
        };
        let stem = format!(
            "to-trinh-{}",
            number.replace(|c: char| !c.is_alphanumeric(), "-")
        );
        self.printing.running += print_jobs::spawn_file_and_printer(
            doc,
            self.printing.out_dir.clone(),
            stem,
            self.printing.tx.clone(),
        );
        self.status = Some((format!("{} · {}", t.submitted, t.report_pdf), u8::MAX));
    }

    /// The eligibility line of the detail pane.
    pub(super) fn awards_warning(&self, id: NominationId) -> Option<String> {
        awards::eligibility_warning(&self.store, id, self.strings)
            .ok()
            .flatten()
    }
}
