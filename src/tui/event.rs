//! Everything the app reacts to arrives as one `Event` on one channel: keys
//! and resizes from the terminal (read on their own thread), ticks, and the
//! results of work done off the UI loop (`jobs`).

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self as term, KeyEvent};

use super::screens::dashboard::{Counted, Page};
use crate::store::StoreError;

#[derive(Debug)]
pub enum Event {
    Key(KeyEvent),
    Resize(u16, u16),
    /// Nothing happened for a while (status messages expire on ticks).
    Tick,
    Job(JobResult),
}

/// What a background job reports back.
#[derive(Debug)]
pub enum JobResult {
    /// A window of the dashboard list, or why it could not be read.
    Page(Result<Page, StoreError>),
    /// The number of rows of a query, read after its page.
    Counted(Result<Counted, StoreError>),
    /// The page reader could not start; pages are then read on the UI thread.
    ReaderFailed(StoreError),
    /// A document written or printed (`print_jobs`), or why not.
    Printed(Result<super::print_jobs::Printed, super::print_jobs::PrintFailure>),
    /// Progress and outcome of an import or export.
    Transfer(super::transfer::TransferEvent),
}

pub struct Events {
    rx: Receiver<Event>,
    tx: Sender<Event>,
    tick: Duration,
}

impl Events {
    /// Start reading the terminal on a thread of its own.
    pub fn start(tick: Duration) -> Events {
        let (tx, rx) = mpsc::channel();
        let input = tx.clone();
        thread::spawn(move || {
            loop {
                let ev = match term::read() {
                    Ok(term::Event::Key(k)) => Event::Key(k),
                    Ok(term::Event::Resize(w, h)) => Event::Resize(w, h),
                    Ok(_) => continue,
                    Err(_) => break,
                };
                if input.send(ev).is_err() {
                    break;
                }
            }
        });
        Events { rx, tx, tick }
    }

    /// Where background jobs send their results.
    pub fn sender(&self) -> Sender<Event> {
        self.tx.clone()
    }

    /// The next event, or a tick when none came in time.
    pub fn next(&self) -> Option<Event> {
        match self.rx.recv_timeout(self.tick) {
            Ok(ev) => Some(ev),
            Err(RecvTimeoutError::Timeout) => Some(Event::Tick),
            Err(RecvTimeoutError::Disconnected) => None,
        }
    }
}
