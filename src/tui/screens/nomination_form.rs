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
use crate::domain::nominee::{self, NewNominee, Nominee, NomineeKind, Sex};
use crate::domain::text_rules::{TextField, TextRefusal};
use crate::i18n::strings::Strings;
use crate::i18n::strings_forms::{FormStrings, forms};
use crate::i18n::text::describe;
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
    pub form: Form<Focus>,
    mode: Mode,
    awards: Vec<Award>,
    /// Codes of the awards offered, in the order of the award field's options.
    offered: Vec<String>,
    rounds: Vec<Round>,
    strings: &'static Strings,
}

/// The fields of the nominee and nomination form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Kind,
    Name,
    BirthYear,
    Sex,
    Position,
    Unit,
    Address,
    WomenShare,
    Award,
    Round,
    ProposingUnit,
    Summary,
}

/// The fields of a form that a refusal of the store can name.
pub trait RefusedField: Copy + Eq {
    /// The field holding this kind of text, if the form has one.
    fn of_text(field: TextField) -> Option<Self>;
    /// The field a check of the store names (the key `store_message` gives).
    fn of_check(key: &str) -> Option<Self>;
}

impl RefusedField for Focus {
    fn of_text(field: TextField) -> Option<Focus> {
        Some(match field {
            TextField::Name => Focus::Name,
            TextField::Position => Focus::Position,
            TextField::Unit => Focus::Unit,
            TextField::Address => Focus::Address,
            TextField::ProposingUnit => Focus::ProposingUnit,
            TextField::Summary => Focus::Summary,
            _ => return None,
        })
    }

    fn of_check(key: &str) -> Option<Focus> {
        Some(match key {
            "kind" => Focus::Kind,
            "name" => Focus::Name,
            "birth_year" => Focus::BirthYear,
            "women_share" => Focus::WomenShare,
            "award" => Focus::Award,
            _ => return None,
        })
    }
}

/// Show why the store refused a form's save: a check of one field beside
/// that field, a concurrent change (`conflict`) or any other failure in the
/// banner. What was typed stays in the form.
pub fn show_refusal<K: RefusedField>(
    form: &mut Form<K>,
    e: &StoreError,
    conflict: &str,
    s: &Strings,
) {
    match e {
        StoreError::Conflict { .. } => form.banner = Some(conflict.to_string()),
        StoreError::Text(r) => show_text_refusal(form, r, s),
        e => match forms(s).field_refusal(s.lang, e) {
            Some((key, text)) if K::of_check(key).is_some_and(|k| form.field(k).is_some()) => {
                form.set_error(K::of_check(key), text)
            }
            _ => form.banner = Some(store_failure(e, s)),
        },
    }
}

/// A refused text beside its field, or in the banner when this form has no
/// such field.
pub fn show_text_refusal<K: RefusedField>(form: &mut Form<K>, r: &TextRefusal, s: &Strings) {
    match K::of_text(r.field).filter(|k| form.field(*k).is_some()) {
        Some(k) => form.set_error(k, describe(&r.fault, s.lang)),
        None => form.banner = Some(r.message(s.lang)),
    }
}

/// Error text of a store failure, for the form's banner.
pub fn store_failure(e: &StoreError, s: &Strings) -> String {
    match e {
        StoreError::ReadOnly => s.read_only_banner.trim().to_string(),
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
            Field::choice(Focus::Kind, f.kind, kinds, kind_index),
            Field::text(Focus::Name, f.name, &nominee.name),
            Field::text(
                Focus::BirthYear,
                f.birth_year,
                &number(nominee.birth_year.map(i64::from)),
            ),
            Field::choice(Focus::Sex, f.sex, sexes, sex_index),
            Field::text(Focus::Position, f.position, &nominee.position),
            Field::combo(Focus::Unit, f.unit, &nominee.unit, units.clone()),
            Field::text(Focus::Address, f.address, &nominee.address),
            Field::text(
                Focus::WomenShare,
                f.women_share,
                &number(nominee.women_share_percent.map(i64::from)),
            ),
            Field::choice(Focus::Award, f.award, Vec::new(), 0),
            Field::choice(
                Focus::Round,
                f.round,
                rounds.iter().map(|r| round_label(r, f)).collect(),
                round_index,
            ),
            Field::combo(
                Focus::ProposingUnit,
                f.proposing_unit,
                &nomination.proposing_unit,
                units,
            ),
            Field::multiline(Focus::Summary, f.summary, &nomination.summary),
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
            .get(self.form.choice(Focus::Kind))
            .copied()
            .unwrap_or(NomineeKind::Official)
    }

    /// Show the fields that apply to the kind: a person's birth year and sex,
    /// a collective's share of women.
    fn show_fields_of_kind(&mut self) {
        let person = self.kind().is_person();
        self.form.set_hidden(Focus::BirthYear, !person);
        self.form.set_hidden(Focus::Sex, !person);
        self.form.set_hidden(Focus::WomenShare, person);
    }

    /// Offer only the awards that fit the kind of nominee, keeping `keep` chosen if it fits.
    fn offer_awards(&mut self, keep: &str) {
        let kind = self.kind();
        let fitting: Vec<&Award> = self.awards.iter().filter(|a| a.accepts(kind)).collect();
        self.offered = fitting.iter().map(|a| a.code.clone()).collect();
        let labels = fitting.iter().map(|a| a.name.clone()).collect();
        let index = self.offered.iter().position(|c| c == keep).unwrap_or(0);
        self.form.set_choices(Focus::Award, labels, index);
    }

    fn key(&mut self, key: &KeyEvent) {
        let on_kind = self.form.focused() == Some(Focus::Kind);
        let before = self.offered.get(self.form.choice(Focus::Award)).cloned();
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
        let birth_year = number(self.form.value(Focus::BirthYear));
        let women = number(self.form.value(Focus::WomenShare));
        if birth_year.is_err() {
            self.form.set_error(Focus::BirthYear, f.not_a_year.into());
        }
        let women = match women {
            Ok(Some(p)) if !(0..=255).contains(&p) => Err(()),
            other => other,
        };
        if women.is_err() {
            self.form
                .set_error(Focus::WomenShare, f.not_a_percent.into());
        }
        let nominee = NewNominee {
            kind: Some(self.kind()),
            name: self.form.value(Focus::Name),
            birth_year: birth_year
                .ok()
                .flatten()
                .and_then(|y| i32::try_from(y).ok()),
            sex: match self.form.choice(Focus::Sex) {
                1 => Some(Sex::Male),
                2 => Some(Sex::Female),
                _ => None,
            },
            position: self.form.value(Focus::Position),
            unit: self.form.value(Focus::Unit),
            address: self.form.value(Focus::Address),
            women_share_percent: women.ok().flatten().and_then(|p| u8::try_from(p).ok()),
        };
        if let Err(r) = nominee::check(&nominee) {
            let refused = StoreError::Nominee(r);
            if let Some((key, text)) = f.field_refusal(self.strings.lang, &refused) {
                self.form.set_error(Focus::of_check(key), text);
            }
        } else if let Err(r) = nominee.cleaned() {
            show_text_refusal(&mut self.form, &r, self.strings);
        }
        let award = self.offered.get(self.form.choice(Focus::Award)).cloned();
        if award.is_none() {
            self.form.set_error(Focus::Award, f.no_award_fits.into());
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
                .get(self.form.choice(Focus::Round))
                .copied()
                .unwrap_or(base.round),
            award_code: award.unwrap_or_default(),
            proposing_unit: self.form.value(Focus::ProposingUnit),
            summary: self.form.value(Focus::Summary),
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
