//! Work done off the UI loop. The page reader owns its own connection to the
//! database file; when requests pile up (typing a search quickly) it answers
//! only the newest, so the list never lags behind the keys.

use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::thread;

use crate::store::Store;

use super::event::{Event, JobResult};
use super::screens::dashboard::{Counted, PageRequest, read_rows};

pub struct PageReader {
    tx: Sender<PageRequest>,
}

impl PageReader {
    /// Open the database file on the reader's own thread (checking a large
    /// file takes a while), then serve pages. Requests made meanwhile wait.
    /// Counts run on a second connection and thread, so that rows are shown
    /// as soon as they are read and a count never holds up the next page.
    pub fn open(path: PathBuf, events: Sender<Event>) -> PageReader {
        let (tx, rx) = mpsc::channel::<PageRequest>();
        thread::spawn(move || {
            let opened = Store::open_read_only(&path)
                .and_then(|pages| Ok((pages, Store::open_read_only(&path)?)));
            let (store, counter) = match opened {
                Ok(both) => both,
                Err(e) => {
                    let _ = events.send(Event::Job(JobResult::ReaderFailed(e)));
                    return;
                }
            };
            // Best effort: without them the lists are read all the same.
            let _ = store.tune_for_list_reading();
            let _ = counter.tune_for_list_reading();
            let stop_count = counter.interrupter();
            let counts = Counter::start(counter, events.clone());
            while let Ok(mut req) = rx.recv() {
                while let Ok(newer) = rx.try_recv() {
                    req = newer;
                }
                let page = read_rows(&store, &req);
                let count = req.count && page.is_ok();
                if events.send(Event::Job(JobResult::Page(page))).is_err() {
                    break;
                }
                if count {
                    // The count under way is for an older query: stop it first,
                    // so that the stop cannot reach this one.
                    stop_count.interrupt();
                    if !counts.ask(req) {
                        break;
                    }
                }
            }
        });
        PageReader { tx }
    }

    /// False when the reader has stopped.
    pub fn request(&self, req: PageRequest) -> bool {
        self.tx.send(req).is_ok()
    }
}

/// The thread that counts the rows of a query, newest request only.
struct Counter {
    tx: Sender<PageRequest>,
}

impl Counter {
    fn start(store: Store, events: Sender<Event>) -> Counter {
        let (tx, rx) = mpsc::channel::<PageRequest>();
        thread::spawn(move || {
            while let Ok(mut req) = rx.recv() {
                while let Ok(newer) = rx.try_recv() {
                    req = newer;
                }
                let counted = match store.count_nominations(&req.query) {
                    Ok(total) => Ok(Counted {
                        seq: req.seq,
                        total,
                    }),
                    // Replaced by a newer request, which is next in line.
                    Err(e) if e.is_interrupted() => continue,
                    Err(e) => Err(e),
                };
                if events
                    .send(Event::Job(JobResult::Counted(counted)))
                    .is_err()
                {
                    break;
                }
            }
        });
        Counter { tx }
    }

    fn ask(&self, req: PageRequest) -> bool {
        self.tx.send(req).is_ok()
    }
}
