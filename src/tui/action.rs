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
    /// The ward's movements and criteria, and the council's rules.
    Movements(MovementsAction),
    /// First run, the set-up walk-through and the settings screen.
    Setup(SetupAction),
    /// The preview of a list before it is imported.
    Import(ImportAction),
}

/// Intents of the movements and rules screens (one variant of `Action`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MovementsAction {
    /// Open the movements and their criteria.
    OpenMovements,
    /// Open the council's rules.
    OpenRules,
    NewMovement,
    /// Add the sample movement shipped with hoidong.
    SeedMovement,
    CopyMovement,
    /// New nominations go into the selected movement.
    UseMovement,
    AddGroup,
    AddCriterion,
    /// Change the selected figure (a criterion's maximum and weight, a rule).
    Edit,
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
    ToggleFilter,
    /// Write the award register to a spreadsheet (asks for the file).
    Export,
    /// One decision for the passed Giấy khen of a meeting (a form).
    DecideMany,
    /// Write the year's report, XLSX and PDF (asks for the year or phase).
    Report,
    /// The tờ trình for the nominations passed at a meeting for one higher award.
    Submission,
    /// The calibration page of a certificate layout (asks which layout).
    Calibrate,
}

/// The set-up steps, in the order of the walk-through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The ward's identity, printed on every document.
    Ward,
    /// The council: its establishing decision and term.
    Council,
    /// The council's members.
    Members,
    /// Movements and their criteria.
    Movements,
    /// The rules the council sets (quorum, shares, tie-breaks).
    Rules,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Ward,
        Step::Council,
        Step::Members,
        Step::Movements,
        Step::Rules,
    ];

    /// 1-based, as the walk-through counts.
    pub fn number(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Option<Step> {
        Self::ALL.get(self.number()).copied()
    }

    pub fn prev(self) -> Option<Step> {
        self.number()
            .checked_sub(2)
            .and_then(|i| Self::ALL.get(i).copied())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupAction {
    /// The settings screen (one key from the dashboard).
    OpenSettings,
    /// One step on its own (from the settings screen, or offered by a
    /// screen that needs a council).
    Open(Step),
    /// The walk-through from a step on (the first one from the settings).
    WalkFrom(Step),
    /// First run: fill the database with the demo.
    ChooseDemo,
    /// First run: set up one's own council.
    ChooseOwn,
    /// Leave this step as it is and go on to the next.
    Skip,
    /// Back to the previous step.
    Back,
    /// Open the step's own screen (movements, rules) over the walk-through.
    OpenHere,
    AddMember,
    ReplaceMember,
    EndMember,
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
