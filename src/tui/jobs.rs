//! Work done off the UI loop. The page reader owns its own connection to the
//! database file; when requests pile up (typing a search quickly) it answers
//! only the newest, so the list never lags behind the keys.

use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::thread;

use crate::store::Store;

use super::event::{Event, JobResult};
use super::screens::dashboard::{PageRequest, read_page};

pub struct PageReader {
    tx: Sender<PageRequest>,
}

impl PageReader {
    /// Open the database file on the reader's own thread (checking a large
    /// file takes a while), then serve pages. Requests made meanwhile wait.
    pub fn open(path: PathBuf, events: Sender<Event>) -> PageReader {
        let (tx, rx) = mpsc::channel::<PageRequest>();
        thread::spawn(move || {
            let store = match Store::open_read_only(&path) {
                Ok(s) => s,
                Err(e) => {
                    let _ = events.send(Event::Job(JobResult::ReaderFailed(e.to_string())));
                    return;
                }
            };
            while let Ok(mut req) = rx.recv() {
                while let Ok(newer) = rx.try_recv() {
                    req = newer;
                }
                let page = read_page(&store, &req).map_err(|e| e.to_string());
                if events.send(Event::Job(JobResult::Page(page))).is_err() {
                    break;
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
