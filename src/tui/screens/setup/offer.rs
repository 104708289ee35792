//! Where the set-up is offered outside its own screens: the dashboard's key
//! for the settings, meeting mode without a council, and any refusal that
//! means there is no council or no member in office to work with (scoring,
//! a new meeting): said, with the set-up offered at the step that is
//! missing, instead of only refused.

use crate::domain::council_rules::CouncilRefusal;
use crate::i18n::strings::Strings;
use crate::store::StoreError;
use crate::store::refusal::MeetingRefusal;
use crate::tui::action::Action;
use crate::tui::action::MeetingAction;
use crate::tui::command::Command;
use crate::tui::screen::{Ctx, Outcome};

use super::settings::SettingsMenu;
use super::steps::StepScreen;
use super::{SetupAction, Step};
use crate::i18n::setup_screens::setup;

/// The question and the step to start at, when `e` means the council or
/// its members are missing.
pub fn for_refusal(e: &StoreError, s: &Strings) -> Option<(String, Step)> {
    let t = setup(s);
    match e {
        StoreError::Council(CouncilRefusal::NoCouncil)
        | StoreError::Meeting(MeetingRefusal::NoCouncil) => {
            Some((t.needs_council.to_string(), Step::Council))
        }
        StoreError::Council(CouncilRefusal::NoMembersInOffice)
        | StoreError::Meeting(MeetingRefusal::NoMembers) => {
            Some((t.needs_members.to_string(), Step::Members))
        }
        _ => None,
    }
}

/// `outcome`, or instead of a refusal that means the council is missing,
/// the question whether to set it up.
pub fn instead_of_refusal(outcome: Outcome, s: &Strings) -> Outcome {
    match outcome {
        Outcome::Failed(e) => match for_refusal(&e, s) {
            Some((question, step)) => Outcome::Ask(question, Command::SetUp(step)),
            None => Outcome::Failed(e),
        },
        other => other,
    }
}

/// The walk-through from `step`, as the app opens it for `Command::SetUp`.
pub fn walk_from(step: Step, cx: &mut Ctx) -> Outcome {
    match StepScreen::open(step, true, cx.store, cx.strings) {
        Ok(screen) => Outcome::Open(Box::new(screen)),
        Err(e) => Outcome::Failed(e),
    }
}

/// What the dashboard opens for the set-up's keys; `None` for any other
/// action, or when meeting mode has a council to work with.
pub fn from_dashboard(action: &Action, cx: &mut Ctx) -> Option<Outcome> {
    let s = cx.strings;
    Some(match action {
        Action::Setup(SetupAction::OpenSettings) => match SettingsMenu::open(cx.store, s) {
            Ok(menu) => Outcome::Open(Box::new(menu)),
            Err(e) => Outcome::Failed(e),
        },
        Action::Setup(SetupAction::WalkFrom(step)) => walk_from(*step, cx),
        Action::Meeting(MeetingAction::Enter) => match cx.store.council() {
            Ok(None) => Outcome::Ask(
                setup(s).needs_council.to_string(),
                Command::SetUp(Step::Council),
            ),
            _ => return None,
        },
        _ => return None,
    })
}
