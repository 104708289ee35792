//! Confirmed operations: what a confirm modal or a prompt carries until the
//! user says yes, then hands to the layer on top (or to the app for steps
//! that belong to no screen). Kept apart from `Action`, which is only what a
//! key means.

use std::path::PathBuf;

use crate::domain::nomination::NominationId;
use crate::domain::scoring::MemberId;
use crate::tui::action::Action;
use crate::tui::transfer::{ImportJob, PreviewReady};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Leave a form without saving what was typed.
    Discard,
    /// Record (with a reason) or remove (`None`) a member's recusal.
    Recusal {
        nomination: NominationId,
        member: MemberId,
        reason: Option<String>,
    },
    /// Withdraw a nomination, with the reason given.
    Withdraw {
        nomination: NominationId,
        reason: String,
    },
    /// Read this spreadsheet and preview its import.
    Import(PathBuf),
    /// Read the previewed list again with the choices made in the preview.
    ReadImport(ImportJob),
    /// Show a reading in the import preview.
    ShowImport(Box<PreviewReady>),
    /// A reading for the import preview failed (said in a report).
    ImportReadFailed,
    /// Save the previewed list, as previewed.
    SaveImport(ImportJob),
    /// Export the dashboard's list to this file.
    Export(PathBuf),
    /// A confirmed step of a screen still handled through its actions.
    Action(Action),
}
