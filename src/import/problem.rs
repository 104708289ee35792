//! What can be wrong in an imported file, as data: each kind of problem with
//! the values it names. Its words are in `i18n::import_problem`.

use crate::domain::nomination::NominationStatus;
use crate::domain::nominee::NomineeKind;
use crate::domain::text_rules::TextFault;

/// One kind of problem with the offending text and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    ColumnTwice {
        header: String,
        first_letter: String,
    },
    MissingColumns(Vec<String>),
    /// A header that could name several fields: (code for `--map`, field).
    AmbiguousHeader(Vec<(String, String)>),
    /// Values in a column without a header (`count` rows, the first shown).
    DataWithoutHeader {
        sample: String,
        count: usize,
    },
    /// A row with a name and an award, year or round under the total line
    /// or the signatures.
    DataBelowTable,
    /// No kind column, and no section heading or `--kind` above the row.
    NoKindForRow,
    /// A year (or mark) under both "Nam" and "Nữ".
    BothSexes,
    /// A share read from an XLS file, whose percent formats are not known.
    PercentUnclear(String),
    MapColumnNotFound(String),
    MapFieldUnknown(String),
    BadOption {
        option: String,
        value: String,
    },
    /// `--movement` names no movement: the value and the movements there are.
    UnknownMovement {
        value: String,
        known: Vec<String>,
    },
    /// Several movements, none in use and none chosen.
    ChooseMovement {
        known: Vec<String>,
    },
    MissingScoreColumn(String),
    SpreadsheetError(String),
    NameEmpty,
    KindEmpty,
    UnknownKind(String),
    YearNotForCollective {
        year: i32,
        kind: Option<NomineeKind>,
    },
    NotAYear(String),
    ImplausibleYear(i32),
    NotASex(String),
    SexNotForCollective(Option<NomineeKind>),
    WomenShareNotForPerson,
    ShareOutOfRange(String),
    NotANumber(String),
    RoundEmpty,
    NotARound(String),
    AwardEmpty,
    UnknownAward(String),
    AwardNotAllowed {
        award: String,
        kind: NomineeKind,
    },
    UnknownStatus(String),
    /// A status only the council's vote or a decision can give.
    StatusNotImportable(NominationStatus),
    /// A text the text rules refuse (hidden characters, old encoding, too long).
    BadText(TextFault),
    DuplicateInFile {
        first_line: usize,
        round: String,
        award: String,
    },
    DuplicateInDatabase {
        id: i64,
        round: String,
        award: String,
    },
    ScoreNumberEmpty,
    ScoreNumberNotInList(String),
    NotAMember(String),
    CriterionNotForKind {
        code: String,
        kind: Option<NomineeKind>,
    },
    UnknownCriterion(String),
    ScoreOverMaximum {
        given: String,
        max: u32,
        code: String,
    },
    ScoreEmpty,
    /// A score the scoring rules refuse; `detail` is their English reason.
    BadScore {
        text: String,
        detail: String,
    },
    SecondScore {
        member: String,
        code: String,
        number: String,
        first_sheet: String,
        first_line: usize,
    },
}
