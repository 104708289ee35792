//! Why the meeting store refused a change, as data. The English `Display`
//! is what the CLI prints; the interface renders the same values in its own
//! language (`i18n::strings_refusal`), so no English text is formatted deep
//! inside the store for the Vietnamese screens.

use crate::domain::held::TimesRefused;
use crate::domain::meeting::{MeetingId, MeetingStatus, NotHeld};
use crate::domain::nomination::{NominationId, NominationStatus};
use crate::domain::vote::{VoteError, VoteMethod};

/// The English phrase for a vote method, as the CLI messages say it.
pub fn method_en(m: VoteMethod) -> &'static str {
    match m {
        VoteMethod::SecretBallot => "a secret ballot",
        VoteMethod::Open => "an open vote",
    }
}

/// Who must be among the members called to a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Chair,
    Secretary,
}

impl Role {
    pub fn en(self) -> &'static str {
        match self {
            Role::Chair => "chair",
            Role::Secretary => "secretary",
        }
    }
}

/// The English reason the times of a meeting were refused.
pub fn times_en(why: &TimesRefused) -> String {
    match why {
        TimesRefused::NeverOpened => {
            "was never opened: there is no start or end to record".into()
        }
        TimesRefused::Signed => "the minutes are signed: the time and place they state can no longer change (record a correction in an addendum)".into(),
        TimesRefused::EndBeforeStart { start, end } => format!(
            "the end ({}) is before the start ({}); give an end at or after the start",
            end.format("%H:%M"),
            start.format("%H:%M")
        ),
        TimesRefused::NoPlace => "give the place where the meeting was held".into(),
    }
}

/// How a meeting is named in messages: its number, or its id when unnumbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingLabel {
    pub number: String,
    pub id: MeetingId,
}

impl MeetingLabel {
    /// The number, or the id when the meeting has no number.
    pub fn short(&self) -> String {
        if self.number.is_empty() {
            self.id.to_string()
        } else {
            self.number.clone()
        }
    }
}

impl std::fmt::Display for MeetingLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "meeting {}", self.short())
    }
}

/// What was being done when a meeting's state refused it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    ChangingAgenda,
    ChangingCommittee,
    ChangingAttendance,
    RecordingVotes,
    EditingMeeting,
}

impl Doing {
    pub fn en(self) -> &'static str {
        match self {
            Doing::ChangingAgenda => "changing the agenda",
            Doing::ChangingCommittee => "changing the counting committee",
            Doing::ChangingAttendance => "changing attendance",
            Doing::RecordingVotes => "recording votes",
            Doing::EditingMeeting => "changing the meeting",
        }
    }
}

/// A life-cycle step that only one status allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Open,
    Close,
    Edit,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MeetingRefusal {
    #[error(
        "{meeting} is closed: {} is no longer possible (attendance and votes are read-only; correct a vote with an amendment and a reason)",
        doing.en()
    )]
    Closed { meeting: MeetingLabel, doing: Doing },
    #[error("{meeting} is not open yet: open the meeting before {}", doing.en())]
    NotOpen { meeting: MeetingLabel, doing: Doing },
    #[error("{meeting} is {}: {}", status.code(), match step {
        Step::Open => "only a planned meeting can be opened",
        Step::Close => "only an open meeting can be closed",
        Step::Edit => "only a planned meeting can be changed",
    })]
    WrongStatus {
        meeting: MeetingLabel,
        status: MeetingStatus,
        step: Step,
    },
    #[error(
        "{meeting}: mark every member present or absent before closing; not checked in: {}",
        names.join(", ")
    )]
    Unmarked {
        meeting: MeetingLabel,
        names: Vec<String>,
    },
    /// The paper counts of a secret-ballot round.
    #[error("round {round}: {error}")]
    Ballots { round: u32, error: VoteError },
    /// One nominee's votes (includes "no quorum").
    #[error("round {round}, {name}: {error}")]
    Tally {
        round: u32,
        name: String,
        error: VoteError,
    },
    #[error(
        "agenda: {name} (nomination {nomination}) is already on the agenda of meeting {number}"
    )]
    AlreadyOnAgenda {
        name: String,
        nomination: NominationId,
        number: String,
    },
    #[error(
        "agenda: {name} (nomination {nomination}) is {}; only submitted nominations (or ones that failed at an earlier meeting) can be put on an agenda",
        status.code()
    )]
    NotSubmitted {
        name: String,
        nomination: NominationId,
        status: NominationStatus,
    },
    #[error("agenda: {name} already has votes recorded at {meeting}; the item stays on the agenda")]
    HasVotes { name: String, meeting: MeetingLabel },
    #[error("agenda: notes were taken on {name}; the item stays on the agenda")]
    HasNotes { name: String },
    #[error("subject: the subject is empty")]
    EmptySubject,
    #[error("{}: member {member} is not among the members called to the meeting", role.en())]
    NotCalled { role: Role, member: i64 },
    #[error(
        "round {round}, {name}: the rule for this award asks for {}, but this round is {} (rule: {source_name})",
        method_en(*rule), method_en(*used)
    )]
    WrongMethod {
        round: u32,
        name: String,
        rule: VoteMethod,
        used: VoteMethod,
        source_name: String,
    },
    #[error(
        "round {round}, {name}: a secret ballot has no abstentions (abstain {abstain}); count blank papers as invalid"
    )]
    SecretAbstain {
        round: u32,
        name: String,
        abstain: u32,
    },
    #[error("round {round}, {name}: entered twice in the same round")]
    EnteredTwice { round: u32, name: String },
    #[error("round {round}, {name}: not on the agenda of this meeting")]
    NotOnAgenda { round: u32, name: String },
    #[error(
        "{meeting} is {}: while it is not closed, record a new round instead of an amendment",
        status.code()
    )]
    AmendNotClosed {
        meeting: MeetingLabel,
        status: MeetingStatus,
    },
    #[error("amendment: round {round} is not a round of {meeting}")]
    AmendUnknownRound { round: i64, meeting: MeetingLabel },
    #[error("attendance: give the reason why {name} is absent (the minutes record it)")]
    NoAbsenceReason { name: String },
    #[error("amendment of round {round}: give the reason for the correction")]
    AmendNoReason { round: u32 },
    #[error(
        "no council yet: {}",
        crate::i18n::council::set_up_hint(crate::i18n::Lang::En)
    )]
    NoCouncil,
    #[error(
        "no council in office on {date}: the date is outside every council's term (see `hoidong council show`)"
    )]
    NoCouncilOn { date: String },
    #[error("date and time: “{text}” is not a date and time like 2026-11-20T08:00")]
    BadStartsAt { text: String },
    #[error(
        "members: the council has no member in office to call on the meeting's date; add members with `hoidong council member add NAME --role … --from DATE`"
    )]
    NoMembers,
    #[error("members: {member} is not a member of the council")]
    NotCouncilMember { member: i64 },
    #[error("member {member} is not called to {meeting}")]
    MemberNotCalled { member: i64, meeting: MeetingLabel },
    /// `position` is empty when the guest has none either.
    #[error("guests: a guest has no name{}", guest_position_en(position))]
    GuestNoName { position: String },
    #[error("vote rules: no default rule (award “*”) for the council level “{level}”")]
    NoDefaultRule { level: String },
    #[error("agenda: {name} is not on the agenda of {meeting}")]
    OffAgenda { name: String, meeting: MeetingLabel },
    #[error("agenda: position {position} is outside 1..{items}")]
    BadPosition { position: u32, items: usize },
    /// A secret ballot while members of the counting committee are absent.
    #[error(
        "round {round}: the counting committee counts a secret ballot, but {} marked absent; replace them in the committee (meeting agenda, key c) first",
        if names.len() == 1 { format!("{} is", names[0]) } else { format!("{} are", names.join(", ")) }
    )]
    CommitteeAbsent { round: u32, names: Vec<String> },
    #[error(
        "round {round}: {} already voted on in this meeting; a new round needs a reason, which is kept with it",
        names.join(", ")
    )]
    RevoteNoReason { round: u32, names: Vec<String> },
    #[error("round {round}: enter the votes of at least one nominee")]
    NoTallies { round: u32 },
    #[error(
        "round {round}, {name}: the nomination is {} and cannot be voted on",
        status.code()
    )]
    NotVotable {
        round: u32,
        name: String,
        status: NominationStatus,
    },
    #[error(
        "round {round}, {name}: no vote rule for award “{award}” at level “{level}” and no default rule"
    )]
    NoVoteRule {
        round: u32,
        name: String,
        award: String,
        level: String,
    },
    #[error(
        "amendment of round {round}: the original was {}; an amendment keeps its method",
        method_en(*original)
    )]
    AmendMethod { round: u32, original: VoteMethod },
    #[error(
        "round {round}, {name}: not voted on in round {original}, so an amendment of it cannot include this nominee"
    )]
    AmendNewNominee {
        round: u32,
        name: String,
        original: u32,
    },
    /// `editing`: an existing note, which can be deleted instead.
    #[error("note: the text is empty{}", if *editing { " (delete the note instead)" } else { "" })]
    EmptyNote { editing: bool },
    #[error(
        "{meeting}: the minutes were signed off on {signed_at}; record later changes as an addendum"
    )]
    MinutesSigned {
        meeting: MeetingLabel,
        signed_at: String,
    },
    #[error("{meeting}: times and place: {}", times_en(why))]
    Times {
        meeting: MeetingLabel,
        why: TimesRefused,
    },
    #[error("{meeting} {}: there are no minutes to sign", match why {
        NotHeld::NeverOpened => "was never opened",
        NotHeld::NobodyPresent => "had nobody marked present",
    })]
    NotHeld { meeting: MeetingLabel, why: NotHeld },
    #[error("{meeting}: the minutes are not signed off yet, so there is nothing to amend")]
    MinutesNotSigned { meeting: MeetingLabel },
    /// The signed document no longer matches its hash: it is not printed.
    #[error(
        "sign-off {signoff}: the stored document no longer matches its hash; it was changed outside hoidong"
    )]
    SignedTampered { signoff: i64 },
    #[error("sign-off {signoff}: the stored document cannot be read ({detail})")]
    SignedUnreadable { signoff: i64, detail: String },
}

fn guest_position_en(position: &str) -> String {
    if position.is_empty() {
        String::new()
    } else {
        format!(" (position “{position}”)")
    }
}
