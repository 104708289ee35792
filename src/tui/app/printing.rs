//! The app's side of printing: where print jobs report, starting one on a
//! thread for a document a screen hands over (`Command::Print`), and saying
//! in the bottom line what became of it.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};

use super::App;
use crate::print::{Document, Format};
use crate::tui::event::{Event, JobResult};
use crate::tui::print_jobs::{self, PrintFailure, Printed, Target};

/// Ticks a print result stays in the bottom line (it names a file).
const RESULT_TICKS: u8 = 40;

/// Print jobs: where their results arrive and where files go.
pub struct PrintQueue {
    pub(super) tx: Sender<Event>,
    /// Results come back here unless the terminal loop's channel was given.
    rx: Option<Receiver<Event>>,
    pub out_dir: PathBuf,
    pub running: usize,
}

impl Default for PrintQueue {
    fn default() -> Self {
        let (tx, rx) = mpsc::channel();
        PrintQueue {
            tx,
            rx: Some(rx),
            out_dir: PathBuf::from("."),
            running: 0,
        }
    }
}

impl App {
    /// Send job results into the terminal loop's channel (they then arrive
    /// as events at once instead of being collected on the next event).
    pub fn send_jobs_to(&mut self, tx: Sender<Event>) {
        self.printing.tx = tx;
        self.printing.rx = None;
    }

    /// The folder documents are written to (the current one by default).
    pub fn set_output_dir(&mut self, dir: PathBuf) {
        self.printing.out_dir = dir;
    }

    /// Print jobs started and not finished yet.
    pub fn jobs_running(&self) -> usize {
        self.printing.running
    }

    /// Results of jobs that reported on the app's own channel.
    pub(super) fn collect_jobs(&mut self) {
        let done: Vec<Event> = match &self.printing.rx {
            Some(rx) => rx.try_iter().collect(),
            None => return,
        };
        for ev in done {
            if let Event::Job(JobResult::Printed(r)) = ev {
                self.job_printed(r);
            }
        }
    }

    pub(super) fn job_printed(&mut self, result: Result<Printed, PrintFailure>) {
        self.printing.running = self.printing.running.saturating_sub(1);
        let t = self.strings.minutes();
        let text = match result {
            Ok(Printed::Written { path, bytes }) => {
                format!("{} {} ({bytes} bytes)", t.written, path.display())
            }
            Ok(Printed::SentToPrinter { lp_said }) => format!("{}: {lp_said}", t.sent_to_printer),
            Ok(Printed::SavedNoPrinter { path }) => format!("{} {}", t.no_printer, path.display()),
            Err(e) => {
                return self.error(format!(
                    "{}: {}",
                    t.print_failed,
                    self.strings.print_failure(&e)
                ));
            }
        };
        self.status = Some((text, RESULT_TICKS));
    }

    /// Write `doc` (or send it to the printer) on a thread; the result
    /// comes back as an event.
    pub(super) fn start_print(&mut self, doc: Document, stem: String, format: Option<Format>) {
        let dir = self.printing.out_dir.clone();
        let target = match format {
            Some(_) => Target::File { dir, stem },
            None => Target::Printer { dir, stem },
        };
        let format = format.unwrap_or(Format::Pdf);
        print_jobs::spawn(doc, format, target, self.printing.tx.clone());
        self.printing.running += 1;
        let t = self.strings.minutes();
        self.status = Some((
            format!("{} {}…", t.printing, format.extension().to_uppercase()),
            u8::MAX,
        ));
    }
}
