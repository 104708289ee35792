//! Every user intent, one enum. Keys become actions in `keymap`; only text
//! fields see raw keys. Actions that change data carry what they change, so a
//! confirm modal can hold one as its pending step.

use crate::domain::nomination::NominationId;
use crate::domain::scoring::MemberId;
use crate::tui::screens::meeting::MeetingAction;
use crate::tui::screens::minutes::MinutesAction;
use crate::tui::screens::planning::PlanAction;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    NextPane,
    StartSearch,
    SearchKeep,
    SearchClear,
    CycleStatus,
    CycleKind,
    CycleLevel,
    CycleSort,
    ReverseSort,
    ClearFilters,
    /// Read the list and the selected nomination again (another instance may have changed them).
    Refresh,
    OpenScoring,
    Help,
    Close,
    Confirm,
    Cancel,
    NextMember,
    PrevMember,
    EditScore,
    /// A digit typed on the grid: start a new score with it.
    TypeScore,
    ClearScore,
    /// Asks the reason of a recusal (or, to remove one, asks first); then
    /// dispatches `ApplyRecusal`.
    ToggleRecusal,
    /// The answered step, recorded in the audit log: never bound to a key.
    /// `reason` is the recusal's reason, or `None` to remove the recusal.
    ApplyRecusal {
        nomination: NominationId,
        member: MemberId,
        reason: Option<String>,
    },
    NewNomination,
    EditNomination,
    AddEvidence,
    /// The evidence items of the selected nomination, to edit one.
    OpenEvidence,
    /// Open the selected evidence item in the form.
    EditEvidence,
    /// Asks for the reason; on yes the prompt dispatches `ApplyWithdrawal`.
    Withdraw,
    /// The confirmed withdrawal, recorded in the audit log: never bound to a key.
    ApplyWithdrawal {
        nomination: NominationId,
        reason: String,
    },
    OpenRanking,
    ImportFile,
    ExportList,
    NextField,
    PrevField,
    Save,
    /// Leave a form without saving what was typed (after confirming).
    Discard,
    /// Meeting mode: attendance, votes, closing.
    Meeting(MeetingAction),
    /// Meeting planning: the meetings list, the meeting form, the agenda.
    Plan(PlanAction),
    /// Live minutes, preview, printing, sign-off.
    Minutes(MinutesAction),
    /// Awards board, nominee page, referrals, forms and the audit log.
    Awards(crate::tui::awards::AwardAction),
    /// The preview of a list before it is imported.
    Import(ImportAction),
}

/// What the secretary does in the import preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportAction {
    /// Give the selected column a field, or leave it out.
    MapColumn,
    /// The round for rows the file gives none.
    SetRound,
    /// The award for rows the file gives none.
    SetAward,
    /// The kind for rows the file gives none.
    SetKind,
    /// The movement every row goes to.
    SetMovement,
    /// Ask, then save the rows as previewed (one audited transaction).
    Save,
}
