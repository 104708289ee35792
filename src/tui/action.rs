//! Every user intent, one enum. Keys become actions in `keymap`; only text
//! fields see raw keys. An action is only what a key means, so it is `Copy`
//! and this module depends on nothing; a change the user confirms travels as
//! a `command::Command`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// Asks the reason of a recusal (or, to remove one, asks first); the
    /// answer becomes `Command::Recusal`.
    ToggleRecusal,
    NewNomination,
    EditNomination,
    AddEvidence,
    /// The evidence items of the selected nomination, to edit one.
    OpenEvidence,
    /// Open the selected evidence item in the form.
    EditEvidence,
    /// Asks for the reason; the answer becomes `Command::Withdraw`.
    Withdraw,
    OpenRanking,
    ImportFile,
    ExportList,
    NextField,
    PrevField,
    Save,
    /// Meeting mode: attendance, votes, closing.
    Meeting(MeetingAction),
    /// Meeting planning: the meetings list, the meeting form, the agenda.
    Plan(PlanAction),
    /// Live minutes, preview, printing, sign-off.
    Minutes(MinutesAction),
    /// Awards board, nominee page, referrals, forms and the audit log.
    Awards(AwardAction),
    /// First run, the set-up walk-through and the settings screen.
    Setup(crate::tui::screens::setup::SetupAction),
}

/// Intents of meeting mode (one variant of `Action`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingAction {
    /// From the dashboard: open meeting mode.
    Enter,
    NextItem,
    PrevItem,
    Present,
    Absent,
    AbsentOpinion,
    Vote,
    /// Asks first; on yes `Command::OpenMeeting`.
    OpenSession,
    /// Asks first; on yes `Command::CloseMeeting`.
    CloseSession,
    NextField,
    PrevField,
    /// In the tally dialog: record the vote by the other method the rule allows.
    SwitchMethod,
    /// Record when and where the meeting was actually held.
    Times,
    /// Correct a result of a closed meeting (an amendment round).
    Amend,
    /// Show the next meeting in the list (newest first, wrapping round).
    NextMeeting,
}

/// Intents of meeting planning (one variant of `Action`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanAction {
    /// From the dashboard: the meetings list.
    Enter,
    New,
    Edit,
    Agenda,
    OpenMode,
    Pick,
    /// Asks first with the count; on yes `Command::AddMatching`.
    AddMatching,
    Remove,
    MoveUp,
    MoveDown,
    Committee,
    NextField,
    PrevField,
}

/// Intents of the minutes screens (one variant of `Action`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinutesAction {
    /// From meeting mode: open the live minutes on the current item.
    Open,
    NewNote,
    EditNote,
    CycleKind,
    /// Leave the editor, saving.
    Done,
    Save,
    NextItem,
    PrevItem,
    Preview,
    /// Preview: minutes ↔ ballot-count record.
    ToggleDocument,
    /// Preview: the signed minutes, each addendum, the draft of the next.
    NextAddendum,
    WritePdf,
    WriteDocx,
    WriteMarkdown,
    PrintPdf,
    /// Asks first; on yes `Command::SignOff`.
    SignOff,
}

/// Intents of the awards screens (one variant of `Action`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwardAction {
    OpenBoard,
    OpenNominee,
    /// Decision form, referral form, or the referral already made.
    DecideOrRefer,
    OpenAudit,
    OpenSelected,
    Tick,
    /// A referral step (send, return, …): opens its form.
    Step(crate::domain::referral::StepKind),
    NextField,
    PrevField,
    Submit,
    ToggleFilter,
    /// Write the award register to a spreadsheet (asks for the file).
    Export,
}
