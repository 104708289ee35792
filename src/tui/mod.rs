//! The terminal interface. `run` owns the terminal; everything else is state
//! (`app`), intents (`action`, `keymap`), drawing (`screens`, `widgets`,
//! `modals`) and text (`strings`, `theme`).

pub mod action;
pub mod app;
pub mod awards;
pub mod command;
pub mod event;
pub mod jobs;
pub mod key_binding;
pub mod keymap;
pub mod launch;
pub mod modals;
pub mod print_jobs;
pub mod screen;
pub mod screens;
pub mod theme;
pub mod transfer;
pub mod widgets;

use std::time::Duration;

use crate::store::Store;

use crate::i18n::Lang;
use app::{App, PageSource};
use event::Events;
use jobs::PageReader;

/// Open the interface on `store` until the user quits. The terminal is
/// restored on return, on error and on panic (ratatui's hook).
pub fn run(store: Store, lang: Lang) -> anyhow::Result<()> {
    let mut terminal = ratatui::try_init().map_err(|e| {
        // Raw mode may already be on when entering the alternate screen failed.
        let _ = ratatui::crossterm::terminal::disable_raw_mode();
        anyhow::anyhow!("cannot start the terminal interface (is this a terminal?): {e}")
    })?;
    let result = (|| -> anyhow::Result<()> {
        let events = Events::start(Duration::from_millis(250));
        let size = terminal.size()?;
        // The list is read on its own connection so that long lists never block keys.
        let pages = match store.path() {
            Some(p) => PageSource::Reader(PageReader::open(p.to_path_buf(), events.sender())),
            None => PageSource::Inline,
        };
        let mut app = App::with_pages(store, lang.strings(), size.width, size.height, pages);
        app.send_jobs_to(events.sender());
        app.set_job_sender(events.sender());
        // A database without a ward or a council asks what to do first.
        app.offer_setup();
        while !app.should_quit() {
            terminal.draw(|f| app.draw(f))?;
            match events.next() {
                Some(ev) => app.handle_event(ev),
                None => break,
            }
        }
        Ok(())
    })();
    ratatui::restore();
    result
}
