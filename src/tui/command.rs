//! Confirmed operations: what a confirm modal or a prompt carries until the
//! user says yes, then hands to the layer on top (or to the app for steps
//! that belong to no screen). Kept apart from `Action`, which is only what a
//! key means.

use std::path::PathBuf;

use crate::domain::meeting::MeetingId;
use crate::domain::nomination::{NominationId, NominationQuery};
use crate::domain::scoring::MemberId;
use crate::print::{Document, Format};
use crate::tui::awards::Pending;
use crate::tui::transfer::{ImportJob, PreviewReady};

#[derive(Debug, Clone)]
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
    /// Open a planned meeting (`version` as the screen read it).
    OpenMeeting { meeting: MeetingId, version: i64 },
    /// Close an open meeting (`version` as the screen read it).
    CloseMeeting { meeting: MeetingId, version: i64 },
    /// Vote again on the current item, which has a result (asks the reason next).
    Revote,
    /// Add every pending nomination that matches `query` to the agenda.
    AddMatching {
        meeting: MeetingId,
        query: NominationQuery,
    },
    /// Sign off the minutes (or the addendum) of a meeting.
    SignOff { meeting: MeetingId },
    /// Write `doc` to a file named `stem` in this format, or (`None`) send
    /// it to the printer; runs in the background.
    Print {
        doc: Box<Document>,
        stem: String,
        format: Option<Format>,
    },
    /// A change to the award record (decision, referral and its steps).
    Awards(Pending),
    /// The answer to a question of the movements or rules screen.
    Movements(crate::tui::screens::movements::SetupPrompt, String),
    /// Write the award register to this file (xlsx or csv, by its extension).
    ExportAwards(PathBuf),
    /// Write the calibration page of this certificate layout (TOML text).
    CalibrateCertificates(String),
    /// Write the report of this period: the workbook, and the PDF in the
    /// background, under new names starting with `stem`.
    AwardsReport {
        period: crate::domain::report::Period,
        stem: String,
    },
    /// Open the set-up walk-through at this step (offered where a council
    /// or its members are missing).
    SetUp(crate::tui::screens::setup::Step),
    /// Make the replacement or end of a member that the set-up's member
    /// form checked.
    ChangeMember,
}
