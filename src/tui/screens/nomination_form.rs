//! The form to add a nominee with a nomination, or to edit both. A new pair is
//! saved in one transaction; an edit goes through `update_nominee` and
//! `update_nomination`, which refuse a change made meanwhile by someone else:
//! the form then stays open with what the user typed.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::domain::award::{Award, Catalogue};
use crate::domain::movement::Round;
use crate::domain::nomination::{NewNomination, Nomination, NominationId, NominationStatus};
use crate::domain::nominee::{NewNominee, Nominee, NomineeKind, Sex};
use crate::domain::text_rules::{TextField, TextRefusal};
use crate::i18n::strings::Strings;
use crate::i18n::strings_forms::{FormStrings, forms};
use crate::i18n::text::describe;
use crate::store::nominations::validate_nominee;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::widgets::form::{Field, Form};

enum Mode {
    New {
        movement_id: i64,
    },
    Edit {
        nominee: Box<Nominee>,
        nomination: Box<Nomination>,
    },
}

pub struct NominationForm {
    pub form: Form,
    mode: Mode,
    awards: Vec<Award>,
    /// Codes of the awards offered, in the order of the award field's options.
    offered: Vec<String>,
    rounds: Vec<Round>,
    strings: &'static Strings,
}

/// Show why the store refused a form's save: a check of one field beside
/// that field, a concurrent change (`conflict`) or any other failure in the
/// banner. What was typed stays in the form.
pub fn show_refusal(form: &mut Form, e: &StoreError, conflict: &str, s: &Strings) {
    match e {
        StoreError::Conflict { .. } => form.banner = Some(conflict.to_string()),
        StoreError::Invalid(message) => {
            let (key, text) = forms(s).store_message(s.lang, message);
            form.set_error(key, text);
        }
        StoreError::Text(r) => show_text_refusal(form, r, s),
        e => form.banner = Some(store_failure(e, s)),
    }
}

/// A refused text beside its field (the form's key for it), or in the banner
/// when this form has no such field.
pub fn show_text_refusal(form: &mut Form, r: &TextRefusal, s: &Strings) {
    let key = match r.field {
        TextField::Name | TextField::MemberName | TextField::GuestName => "name",
        TextField::Position => "position",
        TextField::Unit => "unit",
        TextField::Address => "address",
        TextField::ProposingUnit => "proposing_unit",
        TextField::Summary => "summary",
        TextField::Subject => "subject",
        TextField::Place => "place",
        TextField::MeetingNumber => "number",
        TextField::Note => "text",
        TextField::Reason => "reason",
        TextField::DecisionNumber
        | TextField::Signer
        | TextField::Authority
        | TextField::Reference
        | TextField::GoverningBody
        | TextField::CouncilName
        | TextField::PlaceName
        | TextField::MinutesSymbol
        | TextField::DecisionSymbol
        | TextField::SubmissionSymbol
        | TextField::Recipient
        | TextField::ChairmanTitle
        | TextField::ChairmanName => "",
    };
    let message = describe(&r.fault, s.lang);
    if form.field(key).is_some() {
        form.set_error(key, message);
    } else {
        form.banner = Some(r.message(s.lang));
    }
}

/// Error text of a store failure, for the form's banner.
pub fn store_failure(e: &StoreError, s: &Strings) -> String {
    match e {
        StoreError::ReadOnly => s.read_only_banner.trim().to_string(),
        StoreError::Invalid(_) => format!("{}: {e}", s.store_error),
        e => s.store_message(e),
    }
}

fn round_label(r: &Round, f: &FormStrings) -> String {
    match r {
        Round::Annual { year } => format!("{} {year}", f.annual),
        Round::Review { from, to } => format!("{} {from}–{to}", f.review),
    }
}

/// Rounds to offer: those in use, the movement's reviews, this year and the last.
fn round_options(store: &Store) -> Result<Vec<Round>, StoreError> {
    let year: i32 = store
        .now()
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(2025);
    let mut rounds = store.rounds_in_use()?;
    for m in store.movements()? {
        for p in m.phases {
            rounds.push(Round::Review {
                from: p.start_year,
                to: p.review_year,
            });
        }
    }
    rounds.push(Round::Annual { year });
    rounds.push(Round::Annual { year: year - 1 });
    Round::sort_for_listing(&mut rounds);
    Ok(rounds)
}

impl NominationForm {
    pub fn new(store: &Store, catalogue: &Catalogue, s: &'static Strings) -> Result<Self, String> {
        let movement_id = store
            .movement_for_nominations(None)
            .map_err(|e| s.store_message(&e))?
            .id;
        let year: i32 = store
            .now()
            .get(..4)
            .and_then(|y| y.parse().ok())
            .unwrap_or(2025);
        let nominee = Nominee {
            id: 0,
            kind: NomineeKind::Official,
            name: String::new(),
            birth_year: None,
            sex: None,
            position: String::new(),
            unit: String::new(),
            address: String::new(),
            women_share_percent: None,
            version: 0,
        };
        let nomination = Nomination {
            id: 0,
            nominee_id: 0,
            movement_id,
            round: Round::Annual { year },
            award_code: String::new(),
            proposing_unit: String::new(),
            summary: String::new(),
            status: NominationStatus::Submitted,
            withdrawal_reason: None,
            created_at: String::new(),
            updated_at: String::new(),
            version: 0,
        };
        Self::build(
            store,
            catalogue,
            s,
            Mode::New { movement_id },
            &nominee,
            &nomination,
        )
    }

    pub fn edit(
        store: &Store,
        catalogue: &Catalogue,
        s: &'static Strings,
        id: NominationId,
    ) -> Result<Self, String> {
        let nomination = store.nomination(id).map_err(|e| e.to_string())?;
        let nominee = store
            .nominee(nomination.nominee_id)
            .map_err(|e| e.to_string())?;
        let mode = Mode::Edit {
            nominee: Box::new(nominee.clone()),
            nomination: Box::new(nomination.clone()),
        };
        Self::build(store, catalogue, s, mode, &nominee, &nomination)
    }

    fn build(
        store: &Store,
        catalogue: &Catalogue,
        s: &'static Strings,
        mode: Mode,
        nominee: &Nominee,
        nomination: &Nomination,
    ) -> Result<Self, String> {
        let f = forms(s);
        let units = store.known_units().map_err(|e| e.to_string())?;
        let rounds = round_options(store).map_err(|e| e.to_string())?;
        let kinds: Vec<String> = NomineeKind::ALL
            .iter()
            .map(|k| s.kind(*k).to_string())
            .collect();
        let kind_index = NomineeKind::ALL
            .iter()
            .position(|k| *k == nominee.kind)
            .unwrap_or(0);
        let sexes = vec![
            f.sex_none.to_string(),
            f.male.to_string(),
            f.female.to_string(),
        ];
        let sex_index = match nominee.sex {
            None => 0,
            Some(Sex::Male) => 1,
            Some(Sex::Female) => 2,
        };
        let round_index = rounds
            .iter()
            .position(|r| *r == nomination.round)
            .unwrap_or(0);
        let title = match mode {
            Mode::New { .. } => f.new_title.to_string(),
            Mode::Edit { .. } => format!("{} — {}", f.edit_title, nominee.name),
        };
        let number = |n: Option<i64>| n.map(|v| v.to_string()).unwrap_or_default();
        let fields = vec![
            Field::choice("kind", f.kind, kinds, kind_index),
            Field::text("name", f.name, &nominee.name),
            Field::text(
                "birth_year",
                f.birth_year,
                &number(nominee.birth_year.map(i64::from)),
            ),
            Field::choice("sex", f.sex, sexes, sex_index),
            Field::text("position", f.position, &nominee.position),
            Field::combo("unit", f.unit, &nominee.unit, units.clone()),
            Field::text("address", f.address, &nominee.address),
            Field::text(
                "women_share",
                f.women_share,
                &number(nominee.women_share_percent.map(i64::from)),
            ),
            Field::choice("award", f.award, Vec::new(), 0),
            Field::choice(
                "round",
                f.round,
                rounds.iter().map(|r| round_label(r, f)).collect(),
                round_index,
            ),
            Field::combo(
                "proposing_unit",
                f.proposing_unit,
                &nomination.proposing_unit,
                units,
            ),
            Field::multiline("summary", f.summary, &nomination.summary),
        ];
        let mut me = NominationForm {
            form: Form::new(title, fields),
            mode,
            awards: catalogue.awards.clone(),
            offered: Vec::new(),
            rounds,
            strings: s,
        };
        me.offer_awards(&nomination.award_code);
        me.show_fields_of_kind();
        Ok(me)
    }

    fn kind(&self) -> NomineeKind {
        NomineeKind::ALL
            .get(self.form.choice("kind"))
            .copied()
            .unwrap_or(NomineeKind::Official)
    }

    /// Show the fields that apply to the kind: a person's birth year and sex,
    /// a collective's share of women.
    fn show_fields_of_kind(&mut self) {
        let person = self.kind().is_person();
        self.form.set_hidden("birth_year", !person);
        self.form.set_hidden("sex", !person);
        self.form.set_hidden("women_share", person);
    }

    /// Offer only the awards that fit the kind of nominee, keeping `keep` chosen if it fits.
    fn offer_awards(&mut self, keep: &str) {
        let kind = self.kind();
        let fitting: Vec<&Award> = self.awards.iter().filter(|a| a.accepts(kind)).collect();
        self.offered = fitting.iter().map(|a| a.code.clone()).collect();
        let labels = fitting.iter().map(|a| a.name.clone()).collect();
        let index = self.offered.iter().position(|c| c == keep).unwrap_or(0);
        self.form.set_choices("award", labels, index);
    }

    fn key(&mut self, key: &KeyEvent) {
        let on_kind = self.form.focused_key() == "kind";
        let before = self.offered.get(self.form.choice("award")).cloned();
        if self.form.key(key) && on_kind {
            self.offer_awards(before.as_deref().unwrap_or(""));
            self.show_fields_of_kind();
        }
    }

    /// The values typed, checked; field errors are set on the form when not.
    fn values(&mut self) -> Option<(NewNominee, Nomination)> {
        let f = forms(self.strings);
        self.form.clear_errors();
        let number = |text: String| -> Result<Option<i64>, ()> {
            if text.is_empty() {
                return Ok(None);
            }
            text.parse::<i64>().map(Some).map_err(|_| ())
        };
        let birth_year = number(self.form.value("birth_year"));
        let women = number(self.form.value("women_share"));
        if birth_year.is_err() {
            self.form.set_error("birth_year", f.not_a_year.into());
        }
        let women = match women {
            Ok(Some(p)) if !(0..=255).contains(&p) => Err(()),
            other => other,
        };
        if women.is_err() {
            self.form.set_error("women_share", f.not_a_percent.into());
        }
        let nominee = NewNominee {
            kind: Some(self.kind()),
            name: self.form.value("name"),
            birth_year: birth_year
                .ok()
                .flatten()
                .and_then(|y| i32::try_from(y).ok()),
            sex: match self.form.choice("sex") {
                1 => Some(Sex::Male),
                2 => Some(Sex::Female),
                _ => None,
            },
            position: self.form.value("position"),
            unit: self.form.value("unit"),
            address: self.form.value("address"),
            women_share_percent: women.ok().flatten().and_then(|p| u8::try_from(p).ok()),
        };
        if let Err(message) = validate_nominee(&nominee) {
            let (key, text) = f.store_message(self.strings.lang, &message);
            self.form.set_error(key, text);
        } else if let Err(r) = nominee.cleaned() {
            show_text_refusal(&mut self.form, &r, self.strings);
        }
        let award = self.offered.get(self.form.choice("award")).cloned();
        if award.is_none() {
            self.form.set_error("award", f.no_award_fits.into());
        }
        if self.form.has_errors() {
            return None;
        }
        let base = match &self.mode {
            Mode::Edit { nomination, .. } => nomination.as_ref().clone(),
            Mode::New { movement_id } => Nomination {
                id: 0,
                nominee_id: 0,
                movement_id: *movement_id,
                round: Round::Annual { year: 0 },
                award_code: String::new(),
                proposing_unit: String::new(),
                summary: String::new(),
                status: NominationStatus::Submitted,
                withdrawal_reason: None,
                created_at: String::new(),
                updated_at: String::new(),
                version: 0,
            },
        };
        let nomination = Nomination {
            round: self
                .rounds
                .get(self.form.choice("round"))
                .copied()
                .unwrap_or(base.round),
            award_code: award.unwrap_or_default(),
            proposing_unit: self.form.value("proposing_unit"),
            summary: self.form.value("summary"),
            ..base
        };
        Some((nominee, nomination))
    }

    fn save(&mut self, store: &mut Store) -> Outcome {
        let Some((nominee, nomination)) = self.values() else {
            return Outcome::Nothing;
        };
        let f = forms(self.strings);
        let result = match &mut self.mode {
            Mode::New { .. } => store
                .write(|w| {
                    let nominee_id = w.insert_nominee(&nominee)?;
                    w.insert_nomination(&NewNomination {
                        nominee_id,
                        movement_id: nomination.movement_id,
                        round: nomination.round,
                        award_code: nomination.award_code.clone(),
                        proposing_unit: nomination.proposing_unit.clone(),
                        summary: nomination.summary.clone(),
                        status: NominationStatus::Submitted,
                    })
                })
                .map(|id| (f.saved_new, id)),
            Mode::Edit {
                nominee: before,
                nomination: saved,
            } => save_edit(store, before, saved, &nominee, &nomination)
                .map(|()| (f.saved_edit, saved.id)),
        };
        match result {
            Ok((text, id)) => Outcome::Saved {
                text: text.to_string(),
                select: Some(id),
            },
            Err(e) => {
                show_refusal(&mut self.form, &e, f.conflict, self.strings);
                Outcome::Nothing
            }
        }
    }

    fn draw(&self, area: Rect, buf: &mut Buffer) {
        self.form.render(forms(self.strings).form_hint, area, buf);
    }
}

/// Save what changed of an edited nominee and nomination, in one
/// transaction. After the save the form's copies follow the store, so saving
/// again does not report a conflict with itself.
fn save_edit(
    store: &mut Store,
    before: &mut Nominee,
    saved: &mut Nomination,
    nominee: &NewNominee,
    nomination: &Nomination,
) -> Result<(), StoreError> {
    let edited = Nominee {
        id: before.id,
        kind: nominee.kind.unwrap_or(before.kind),
        name: nominee.name.clone(),
        birth_year: nominee.birth_year,
        sex: nominee.sex,
        position: nominee.position.clone(),
        unit: nominee.unit.clone(),
        address: nominee.address.clone(),
        women_share_percent: nominee.women_share_percent,
        version: before.version,
    };
    let nominee_changed = edited != *before;
    let nomination_changed = nomination != saved;
    if !nominee_changed && !nomination_changed {
        return Ok(());
    }
    store.update_entry(
        nominee_changed.then_some(&edited),
        nomination_changed.then_some(nomination),
    )?;
    *before = store.nominee(before.id)?;
    *saved = store.nomination(saved.id)?;
    Ok(())
}

impl Screen for NominationForm {
    fn context(&self) -> Context {
        Context::Form
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        match action {
            Action::Save => self.save(cx.store),
            _ => super::form_screen::apply(&mut self.form, self.strings, action),
        }
    }

    fn text_key(&mut self, key: &KeyEvent, _: &mut Ctx) -> Outcome {
        self.key(key);
        Outcome::Nothing
    }

    fn run(&mut self, command: &Command, _: &mut Ctx) -> Outcome {
        super::form_screen::run(command)
    }

    fn render(&self, _: &Strings, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf);
    }
}
