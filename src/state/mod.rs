//! The app's one state and its reducer, with no browser in them: compiled and tested natively.
//! Everything the screens show is here or derived from it (`workspace::evaluate`); every change
//! is an [`Action`], applied by [`AppState::apply`]. Storage, clocks, random ids and files stay
//! outside (the Yew layer's `services`), and an action brings in whatever they produced.
//! Compiling a criteria file is pure too, so the reducer decides whether one is put in use.
//!
//! [`nav`] is the tables' keyboard layout and [`notices`] what the banners decide to show:
//! facts of the state and the templates, so they live here and are tested natively too.

pub mod appendix;
pub mod history;
pub mod nav;
pub mod notices;
mod tabs;
pub mod trash;

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

pub use appendix::{AppendixFault, AppendixNotice};
pub use trash::Trashed;

use crate::core::compare;
use crate::core::edit::{Edit, IdentityEdit};
use crate::core::exchange::Imported;
use crate::core::merge::Field;
use crate::core::period::PeriodKind;
use crate::core::present::document;
use crate::core::report::{CommuneKind, Identity, Report, TemplateRef};
use crate::core::template::criteria::CriteriaTemplate;
use crate::core::template::TemplateError;
use crate::core::text::{Lang, Text};
use crate::core::workspace::{self, Templates};
use history::{History, Typing};
pub use tabs::{Conflict, FromOtherTab, OtherTab};

/// The screens of the open report, the list of saved ones and the user guide, in tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Identity,
    Appendix,
    Scoring,
    Summary,
    /// The covering report's words: the narrative drafted from the figures, and the
    /// proofreading of pasted text.
    Words,
    /// The official document, as it prints.
    Print,
    Reports,
    /// The open report beside its earlier periods (So sánh các kỳ).
    Compare,
    /// The roll-up of many units' reports (Tổng hợp nhiều đơn vị).
    RollUp,
    Guide,
}

impl Tab {
    /// Whether the tab shows the open report's self-scores.
    pub fn shows_scores(self) -> bool {
        matches!(self, Tab::Scoring | Tab::Summary | Tab::Print)
    }

    pub const ALL: [Tab; 10] = [
        Tab::Identity,
        Tab::Appendix,
        Tab::Scoring,
        Tab::Summary,
        Tab::Words,
        Tab::Print,
        Tab::Compare,
        Tab::Reports,
        Tab::RollUp,
        Tab::Guide,
    ];
}

/// A line of the saved-reports index: enough to list and name a report without reading it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub id: String,
    pub commune_kind: CommuneKind,
    pub commune: String,
    pub period: PeriodKind,
    pub year: i32,
    /// When the report was last written to storage, in ms since the epoch; `None` until then.
    pub saved_at: Option<f64>,
}

impl IndexEntry {
    pub fn of(report: &Report, saved_at: Option<f64>) -> Self {
        let id = &report.identity;
        IndexEntry {
            id: report.id.clone(),
            commune_kind: id.commune_kind,
            commune: id.commune.clone(),
            period: id.period,
            year: id.year,
            saved_at,
        }
    }

    /// "UBND xã Tân Hà — 6 tháng 2026", the name of a report in the header and the lists;
    /// `untitled` stands in for a commune not named yet.
    pub fn title(&self, lang: Lang, untitled: &str) -> String {
        let identity = Identity {
            commune_kind: self.commune_kind,
            commune: self.commune.clone(),
            ..Identity::default()
        };
        let issuer = document::named_issuer(&identity).unwrap_or_else(|| untitled.to_owned());
        format!("{issuer} — {} {}", self.period.label().get(lang), self.year)
    }
}

/// A report of this browser and when it was last written.
#[derive(Clone, Debug, PartialEq)]
pub struct Shelved {
    pub report: Rc<Report>,
    pub saved_at: Option<f64>,
}

impl Shelved {
    pub fn entry(&self) -> IndexEntry {
        IndexEntry::of(&self.report, self.saved_at)
    }
}

/// A stored report that could not be read. It stays in storage untouched, so nothing the
/// officer typed is lost; the raw text can be downloaded for repair.
#[derive(Clone, Debug, PartialEq)]
pub struct BrokenReport {
    pub id: String,
    /// Its index line, when the index knew it: that is how the banner can name it.
    pub entry: Option<IndexEntry>,
    pub message: Text,
    pub raw: Rc<str>,
    /// The officer hid its banner for this session; the saved-reports list still shows it.
    pub dismissed: bool,
}

/// Whether the browser lets us keep anything at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    Available,
    /// Disabled, blocked or absent: editing and export still work, nothing survives a reload.
    Unavailable,
}

/// Why a write to storage failed.
#[derive(Clone, Debug, PartialEq)]
pub enum WriteFailure {
    /// The browser's quota is used up.
    Full,
    Other(String),
}

/// Whether every change has reached storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    /// A change waits for the autosave.
    Pending,
    Failed(WriteFailure),
}

/// A file on its way in.
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming {
    /// Read, and waiting for the officer to confirm, with what the file held that the report
    /// cannot keep (`exchange::Imported::notes`).
    Preview {
        report: Rc<Report>,
        notes: Rc<Vec<Text>>,
    },
    /// Refused, with the core's reason; the open report is untouched.
    Rejected { file: String, message: Text },
}

/// Why the browser could not hand over a file's text (the browser edge's errors, typed so the
/// messages shown for them are the app's own, in the officer's language).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadFailure {
    /// The read was stopped before it finished.
    Aborted,
    /// The file is gone, moved, or the browser may not read it.
    NotReadable,
}

/// Why a criteria file the officer picked was not put in use.
#[derive(Clone, Debug, PartialEq)]
pub enum CriteriaFault {
    /// The browser could not read the file.
    Unreadable(ReadFailure),
    /// Not a criteria set the app can score with; the core's message names the fault.
    Invalid(TemplateError),
    /// Other content under the id and version of the set in use. Reports name the set they
    /// were scored against by id and version, so a changed set needs a new version.
    SameVersion(TemplateRef),
}

/// What there is to tell about the criteria set.
#[derive(Clone, Debug, PartialEq)]
pub enum CriteriaNotice {
    /// The file `file` was refused; the set in use is unchanged.
    Rejected { file: String, fault: CriteriaFault },
    /// The province's set kept from an earlier visit no longer compiles (this version of the
    /// app checks something the earlier one did not): the sample is in use instead, and
    /// storage keeps the file as it was.
    StoredInvalid(TemplateError),
}

/// What a new blank report needs from outside the reducer.
#[derive(Clone, Debug, PartialEq)]
pub struct Fresh {
    pub id: String,
    /// The current year, which a new report starts on.
    pub year: i32,
}

/// What storage held when the app started (`services::storage::load`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Restored {
    pub shelf: Vec<Shelved>,
    pub broken: Vec<BrokenReport>,
    pub last_open: Option<String>,
    pub lang: Option<Lang>,
    /// The province's criteria file the officer loaded on an earlier visit, as loaded.
    pub criteria: Option<String>,
    /// The province's appendix file loaded on an earlier visit, as loaded.
    pub appendix: Option<String>,
    /// Deleted reports still kept (the expired ones already dropped).
    pub trash: Vec<Trashed>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The templates in use: the shipped appendix, and the province's criteria set once the
    /// officer has loaded one, else the sample.
    pub templates: Rc<Templates>,
    /// The templates shipped with the app, whose sample criteria "Dùng lại bộ mẫu" goes back to.
    pub shipped: Rc<Templates>,
    /// The province's criteria file in use, as loaded (JSON text); `None` while the sample is.
    pub criteria_file: Option<Rc<str>>,
    pub criteria_notice: Option<CriteriaNotice>,
    /// The province's appendix file in use, as loaded (JSON text); `None` while the built-in
    /// appendix is.
    pub appendix_file: Option<Rc<str>>,
    pub appendix_notice: Option<AppendixNotice>,
    /// The open report. Its copy on the shelf, once it has one, is kept equal to it.
    pub report: Rc<Report>,
    /// Every readable report of this browser, most recently saved first. A report joins it
    /// when it is first changed: a blank report nobody has typed in is not worth listing.
    pub shelf: Rc<Vec<Shelved>>,
    pub broken: Rc<Vec<BrokenReport>>,
    /// Deleted reports, kept `trash::KEEP_DAYS` days; most recently deleted first.
    pub trash: Rc<Vec<Trashed>>,
    pub tab: Tab,
    pub lang: Lang,
    pub storage: Storage,
    pub save: SaveState,
    pub incoming: Option<Incoming>,
    /// Earlier reports of the open report's unit set beside it (So sánh các kỳ), for this
    /// session: files the officer attached or saved reports added. Emptied when another
    /// report opens.
    pub attached: Rc<Vec<Rc<Report>>>,
    /// Counts the changes that must reach storage; the autosave runs when it moves.
    pub revision: u64,
    /// Each report as this tab last read it from storage or wrote it there: the base of a
    /// merge when another tab saves it, and what the autosave expects to find in storage
    /// before it writes (so it never overwrites a newer save of another tab).
    pub stored: Rc<BTreeMap<String, Rc<Report>>>,
    /// Undo and redo, per report, for this session (not kept across visits).
    pub histories: Rc<BTreeMap<String, History>>,
    /// Fields of the open report changed differently here and in another tab, waiting for
    /// the officer's choice. Nothing is written to storage meanwhile.
    pub conflict: Option<Rc<Conflict>>,
    /// What another tab just did, to say in a banner.
    pub other_tab: Option<OtherTab>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Edit(Edit),
    NewReport(Fresh),
    Open(String),
    /// A report for the period after `from`'s, carrying Biểu 06 column (6) from its (11).
    DuplicateNext {
        from: String,
        id: String,
    },
    /// Deletes a report for good (storage has already forgotten it): a broken one, which the
    /// trash cannot hold. When it was the open one, the most recent other report opens, or a
    /// blank one made from `fresh`.
    Delete {
        id: String,
        fresh: Fresh,
    },
    /// Moves a report to the trash at `at` (ms since the epoch; storage has already moved it).
    /// When it was the open one, the most recent other report opens, or a blank one.
    Trash {
        id: String,
        at: f64,
        fresh: Fresh,
    },
    /// Puts report `id` of the trash back among the saved reports, as it was when deleted,
    /// under `as_id`: its own id, or a new one when that id has been taken since (the same
    /// file imported again; see [`AppState::restore_id`]), so that neither copy is lost.
    Restore {
        id: String,
        as_id: String,
    },
    /// Forgets a report of the trash for good.
    Purge(String),
    /// A file read, to preview (boxed: a report is large, and actions are moved often).
    ImportPreview(Box<Imported>),
    ImportRejected {
        file: String,
        message: Text,
    },
    ImportConfirm,
    ImportCancel,
    SetLang(Lang),
    SetTab(Tab),
    /// `report` reached storage at `at` (ms since the epoch).
    Saved {
        report: Rc<Report>,
        at: f64,
    },
    /// Several edits as one step (figures from a spreadsheet, or their undo).
    EditAll(Vec<Edit>),
    /// Back one step of the open report's history; `Redo` forward again.
    Undo,
    Redo,
    /// Another tab of this browser changed what is stored (the `storage` event), or the
    /// autosave found a newer copy than it expected.
    OtherTab(FromOtherTab),
    /// Settles a field in conflict: the other tab's value (`theirs`) or this tab's.
    Settle {
        field: Field,
        theirs: bool,
    },
    /// Settles every field in conflict the same way.
    SettleAll {
        theirs: bool,
    },
    DismissOtherTab,
    StorageFailed(WriteFailure),
    /// Hides a broken report's banner for this session (storage keeps it).
    DismissBroken(String),
    /// A criteria file the officer picked, named `file`: its text, or why the browser could
    /// not read it. Put in use when it compiles; refused otherwise, keeping the set in use.
    CriteriaFile {
        file: String,
        text: Result<String, ReadFailure>,
    },
    /// Back to the sample criteria shipped with the app.
    UseSampleCriteria,
    /// An appendix file the officer picked, like `CriteriaFile`: put in use when it compiles
    /// and the criteria set in use fits it.
    AppendixFile {
        file: String,
        text: Result<String, ReadFailure>,
    },
    /// Back to the appendix shipped with the app (when the criteria set in use fits it).
    UseBuiltinAppendix,
    DismissAppendixNotice,
    /// Moves the open report onto the appendix and criteria set in use, as
    /// [`AppState::switch`] lists: one undo step.
    AdoptTemplates,
    DismissCriteriaNotice,
    /// Sets an earlier report of the same unit beside the open one; one that
    /// `compare::can_attach` refuses is ignored (the view says why before sending it).
    Attach(Report),
    /// Takes the `n`th attached report away.
    Detach(usize),
}

impl AppState {
    /// The state at start: the last open report, else the most recently saved one, else a blank
    /// one from `fresh`; the province's criteria set kept from an earlier visit, else the
    /// sample of the `shipped` templates.
    pub fn restore(
        shipped: Rc<Templates>,
        restored: Restored,
        storage: Storage,
        fresh: Fresh,
    ) -> Self {
        let Restored {
            mut shelf,
            broken,
            last_open,
            lang,
            criteria,
            appendix,
            mut trash,
        } = restored;
        let appendix::Start {
            templates,
            appendix_file,
            criteria_file,
            appendix_notice,
            criteria_notice,
        } = appendix::start(&shipped, appendix, criteria);
        sort_newest_first(&mut shelf);
        let stored = shelf
            .iter()
            .map(|s| (s.report.id.clone(), s.report.clone()))
            .collect();
        trash.sort_by(|a, b| b.deleted_at.total_cmp(&a.deleted_at));
        let open = last_open
            .and_then(|id| shelf.iter().find(|s| s.report.id == id))
            .or(shelf.first())
            .map(|s| s.report.clone());
        let report = open.unwrap_or_else(|| Rc::new(blank_report(&templates, fresh)));
        AppState {
            templates,
            shipped,
            criteria_file,
            criteria_notice,
            appendix_file,
            appendix_notice,
            report,
            shelf: Rc::new(shelf),
            broken: Rc::new(broken),
            trash: Rc::new(trash),
            tab: Tab::Identity,
            lang: lang.unwrap_or_default(),
            storage,
            save: SaveState::Saved,
            incoming: None,
            attached: Rc::default(),
            revision: 0,
            stored: Rc::new(stored),
            histories: Rc::default(),
            conflict: None,
            other_tab: None,
        }
    }

    /// The stored copy of the open report this tab last saw (`None` before its first save).
    pub fn base(&self) -> Option<&Rc<Report>> {
        self.stored.get(&self.report.id)
    }

    pub fn can_undo(&self) -> bool {
        self.conflict.is_none()
            && self
                .histories
                .get(&self.report.id)
                .is_some_and(History::can_undo)
    }

    pub fn can_redo(&self) -> bool {
        self.conflict.is_none()
            && self
                .histories
                .get(&self.report.id)
                .is_some_and(History::can_redo)
    }

    /// Records that the open report is about to change (`typing` into a field, or not), for
    /// the undo.
    fn record(&mut self, typing: Option<Typing>) {
        let before = self.report.clone();
        self.history_of(&before.id).record(before.clone(), typing);
    }

    fn history_of(&mut self, id: &str) -> &mut History {
        Rc::make_mut(&mut self.histories)
            .entry(id.to_owned())
            .or_default()
    }

    pub fn shelved(&self, id: &str) -> Option<&Shelved> {
        self.shelf.iter().find(|s| s.report.id == id)
    }

    /// The report the open one is compared with ("so với cùng kỳ" in the narrative, the change
    /// per figure): among the attached reports if any fits, else among the saved ones.
    pub fn baseline(&self) -> Option<Rc<Report>> {
        let pick = |earlier: &mut dyn Iterator<Item = &Rc<Report>>| {
            let earlier: Vec<&Rc<Report>> = earlier.collect();
            let found = compare::baseline(&self.report, earlier.iter().map(|r| r.as_ref()))?;
            let at = earlier
                .iter()
                .position(|r| std::ptr::eq(r.as_ref(), found))?;
            earlier.get(at).map(|r| Rc::clone(r))
        };
        pick(&mut self.attached.iter()).or_else(|| {
            pick(
                &mut self
                    .shelf
                    .iter()
                    .map(|s| &s.report)
                    .filter(|r| r.id != self.report.id),
            )
        })
    }

    /// The id report `id` of the trash comes back under: its own, unless a saved report (or the
    /// open one) has it now, then `fresh_id`.
    pub fn restore_id(&self, id: &str, fresh_id: String) -> String {
        trash::restore_id(&self.shelf, &self.report.id, id, fresh_id)
    }

    /// When the open report was last written.
    pub fn open_saved_at(&self) -> Option<f64> {
        self.shelved(&self.report.id).and_then(|s| s.saved_at)
    }

    /// The criteria set the open report was scored against, when it is not the one in use:
    /// its scores are then worked out on a set it was not filled in for.
    pub fn scored_against_other(&self) -> Option<&TemplateRef> {
        Some(&self.report.criteria).filter(|&r| *r != self.templates.criteria_ref())
    }

    /// Makes a changed or new `report` the open one, and puts it on the shelf (keeping its
    /// last-saved time if it was there).
    fn open_report(&mut self, report: impl Into<Rc<Report>>) {
        let report: Rc<Report> = report.into();
        let mut shelf = (*self.shelf).clone();
        match shelf.iter_mut().find(|s| s.report.id == report.id) {
            Some(s) => s.report = report.clone(),
            None => shelf.insert(
                0,
                Shelved {
                    report: report.clone(),
                    saved_at: None,
                },
            ),
        }
        self.shelf = Rc::new(shelf);
        self.report = report;
    }

    /// Takes report `id` off the shelf; when it was the open one, the most recent other report
    /// opens, or a blank one made from `fresh`.
    fn remove_from_shelf(&mut self, id: &str, fresh: Fresh) {
        let mut shelf = (*self.shelf).clone();
        shelf.retain(|x| x.report.id != id);
        // Neither its stored copy nor its history means anything once it is gone.
        Rc::make_mut(&mut self.stored).remove(id);
        Rc::make_mut(&mut self.histories).remove(id);
        if self.report.id == id {
            self.conflict = None;
            self.report = match shelf.first() {
                Some(next) => next.report.clone(),
                None => Rc::new(blank_report(&self.templates, fresh)),
            };
        }
        self.shelf = Rc::new(shelf);
    }

    /// Records a change that the autosave must write.
    fn changed(&mut self) {
        self.revision += 1;
        self.save = SaveState::Pending;
    }
}

/// A blank report starting on the current year's annual period.
fn blank_report(templates: &Templates, fresh: Fresh) -> Report {
    let mut report = templates.new_report(fresh.id);
    report.apply(Edit::Identity(IdentityEdit::Year(fresh.year)));
    report
}

/// The templates with the criteria file `text` in place of the set in use, or why not.
fn with_criteria_file(
    current: &Templates,
    text: Result<String, ReadFailure>,
) -> Result<(Templates, String), CriteriaFault> {
    let json = text.map_err(CriteriaFault::Unreadable)?;
    let next = current
        .with_criteria(&json)
        .map_err(CriteriaFault::Invalid)?;
    let same_ref = next.criteria_ref() == current.criteria_ref();
    if same_ref && !same_content(&next.criteria.template, &current.criteria.template) {
        // Templates compare by id and version (that is all a re-render and the evaluation's
        // memo look at), so such a set would not even be scored until the next keystroke.
        return Err(CriteriaFault::SameVersion(next.criteria_ref()));
    }
    Ok((next, json))
}

/// Whether two criteria sets say the same thing, however their files are laid out.
fn same_content(a: &CriteriaTemplate, b: &CriteriaTemplate) -> bool {
    serde_json::to_value(a).ok() == serde_json::to_value(b).ok()
}

/// Reports saved most recently first; those never saved (just made) ahead of all.
fn sort_newest_first(shelf: &mut [Shelved]) {
    shelf.sort_by(|a, b| {
        b.saved_at
            .unwrap_or(f64::INFINITY)
            .total_cmp(&a.saved_at.unwrap_or(f64::INFINITY))
    });
}

impl AppState {
    /// The state after `action`: `self` itself (the same `Rc`) when nothing changed, so that a
    /// view given the same state is not re-rendered.
    pub fn apply(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Edit(edit) => {
                let typing = Typing::of(&edit);
                let mut report = (*s.report).clone();
                report.apply(edit);
                if report == *s.report {
                    return self;
                }
                s.record(typing);
                s.open_report(report);
                s.changed();
            }
            Action::EditAll(edits) => {
                let mut report = (*s.report).clone();
                edits.into_iter().for_each(|e| report.apply(e));
                if report == *s.report {
                    return self;
                }
                s.record(None);
                s.open_report(report);
                s.changed();
            }
            // Leaving the open report, or going back in its history, waits until a conflict
            // with another tab is settled: its fields are of this report as it stands.
            Action::Undo
            | Action::Redo
            | Action::NewReport(_)
            | Action::Open(_)
            | Action::DuplicateNext { .. }
            | Action::ImportConfirm
                if s.conflict.is_some() =>
            {
                return self;
            }
            Action::Undo | Action::Redo => {
                let current = s.report.clone();
                let history = s.history_of(&current.id);
                let to = match action {
                    Action::Undo => history.undo(current),
                    _ => history.redo(current),
                };
                let Some(to) = to else {
                    return self;
                };
                s.open_report(to);
                s.changed();
            }
            Action::NewReport(fresh) => {
                let report = blank_report(&s.templates, fresh);
                s.open_report(report);
                s.tab = Tab::Identity;
                s.changed();
            }
            Action::Open(id) => {
                let Some(found) = s.shelved(&id) else {
                    return self;
                };
                s.report = found.report.clone();
                s.tab = Tab::Identity;
                s.history_of(&id).break_typing();
            }
            Action::DuplicateNext { from, id } => {
                let Some(found) = s.shelved(&from) else {
                    return self;
                };
                let next = workspace::next_period(&s.templates, &found.report, id);
                s.open_report(next);
                s.tab = Tab::Identity;
                s.changed();
            }
            Action::Delete { id, fresh } => {
                let mut broken = (*s.broken).clone();
                broken.retain(|b| b.id != id);
                s.broken = Rc::new(broken);
                s.remove_from_shelf(&id, fresh);
            }
            Action::Trash { id, at, fresh } => {
                let Some(found) = s.shelved(&id).cloned() else {
                    return self;
                };
                let mut trash = (*s.trash).clone();
                trash.retain(|t| t.report.id != id);
                trash.insert(
                    0,
                    Trashed {
                        report: found.report,
                        saved_at: found.saved_at,
                        deleted_at: at,
                    },
                );
                s.trash = Rc::new(trash);
                s.remove_from_shelf(&id, fresh);
            }
            Action::Restore { id, as_id } => {
                let mut trash = (*s.trash).clone();
                let Some(at) = trash.iter().position(|t| t.report.id == id) else {
                    return self;
                };
                if s.report.id == as_id || s.shelved(&as_id).is_some() {
                    return self;
                }
                let back = trash.remove(at);
                s.trash = Rc::new(trash);
                let mut report = (*back.report).clone();
                report.id = as_id.clone();
                let report = Rc::new(report);
                // Storage holds it again (services::storage::restore wrote it first).
                Rc::make_mut(&mut s.stored).insert(as_id, report.clone());
                let mut shelf = (*s.shelf).clone();
                shelf.push(Shelved {
                    report,
                    saved_at: back.saved_at,
                });
                sort_newest_first(&mut shelf);
                s.shelf = Rc::new(shelf);
            }
            Action::Purge(id) => {
                let mut trash = (*s.trash).clone();
                let before = trash.len();
                trash.retain(|t| t.report.id != id);
                if trash.len() == before {
                    return self;
                }
                s.trash = Rc::new(trash);
            }
            Action::ImportPreview(imported) => {
                let Imported { report, notes } = *imported;
                s.incoming = Some(Incoming::Preview {
                    report: Rc::new(report),
                    notes: Rc::new(notes),
                })
            }
            Action::ImportRejected { file, message } => {
                s.incoming = Some(Incoming::Rejected { file, message })
            }
            Action::ImportConfirm => {
                let Some(Incoming::Preview { report, .. }) = s.incoming.take() else {
                    return self;
                };
                // A file with the id of a report that could not be read repairs it.
                let mut broken = (*s.broken).clone();
                broken.retain(|b| b.id != report.id);
                s.broken = Rc::new(broken);
                // The report it replaces, open or on the shelf, is one undo away.
                if let Some(before) = s.shelved(&report.id).map(|x| x.report.clone()) {
                    s.history_of(&report.id).record(before, None);
                }
                s.open_report(report);
                s.tab = Tab::Identity;
                s.changed();
            }
            Action::ImportCancel => s.incoming = None,
            Action::SetLang(lang) => s.lang = lang,
            Action::SetTab(tab) => s.tab = tab,
            Action::Saved { report, at } => {
                let id = report.id.clone();
                Rc::make_mut(&mut s.stored).insert(id.clone(), report);
                let mut shelf = (*s.shelf).clone();
                if let Some(x) = shelf.iter_mut().find(|x| x.report.id == id) {
                    x.saved_at = Some(at);
                }
                sort_newest_first(&mut shelf);
                s.shelf = Rc::new(shelf);
                s.save = SaveState::Saved;
            }
            Action::StorageFailed(failure) => s.save = SaveState::Failed(failure),
            Action::DismissBroken(id) => {
                let mut broken = (*s.broken).clone();
                broken
                    .iter_mut()
                    .filter(|b| b.id == id)
                    .for_each(|b| b.dismissed = true);
                s.broken = Rc::new(broken);
            }
            Action::CriteriaFile { file, text } => match with_criteria_file(&s.templates, text) {
                Ok((templates, json)) => {
                    s.templates = Rc::new(templates);
                    s.criteria_file = Some(json.into());
                    s.criteria_notice = None;
                }
                Err(fault) => s.criteria_notice = Some(CriteriaNotice::Rejected { file, fault }),
            },
            Action::UseSampleCriteria => match s.sample_on_appendix() {
                Ok(templates) => {
                    s.templates = if *s.shipped == templates {
                        s.shipped.clone()
                    } else {
                        Rc::new(templates)
                    };
                    s.criteria_file = None;
                    s.criteria_notice = None;
                }
                Err(e) => {
                    s.criteria_notice = Some(CriteriaNotice::Rejected {
                        file: s.shipped.criteria.template.id.clone(),
                        fault: CriteriaFault::Invalid(e),
                    })
                }
            },
            Action::AppendixFile { file, text } => {
                match appendix::with_appendix_file(&s.templates, text) {
                    Ok((templates, json)) => {
                        s.templates = Rc::new(templates);
                        s.appendix_file = Some(json.into());
                        s.appendix_notice = None;
                    }
                    Err(fault) => {
                        s.appendix_notice = Some(AppendixNotice::Rejected { file, fault })
                    }
                }
            }
            Action::UseBuiltinAppendix => {
                match s.templates.on_appendix(s.shipped.appendix.clone()) {
                    Ok(templates) => {
                        s.templates = if *s.shipped == templates {
                            s.shipped.clone()
                        } else {
                            Rc::new(templates)
                        };
                        s.appendix_file = None;
                        s.appendix_notice = None;
                    }
                    Err(e) => {
                        let error = match e {
                            workspace::AppendixError::Invalid(e)
                            | workspace::AppendixError::CriteriaDoNotFit(e) => e,
                        };
                        s.appendix_notice = Some(AppendixNotice::Rejected {
                            file: s.shipped.appendix.template.id.clone(),
                            fault: AppendixFault::CriteriaDoNotFit {
                                criteria: s.templates.criteria_ref(),
                                error,
                            },
                        })
                    }
                }
            }
            Action::DismissAppendixNotice => s.appendix_notice = None,
            Action::AdoptTemplates => {
                let Some(switch) = s.switch() else {
                    return self;
                };
                let report = appendix::apply_switch(&s.report, &switch);
                s.record(None);
                s.open_report(report);
                s.changed();
            }
            Action::DismissCriteriaNotice => s.criteria_notice = None,
            Action::OtherTab(change) => {
                if !s.follow_other_tab(change) {
                    return self;
                }
            }
            Action::Settle { field, theirs } => {
                if !s.settle(&[field], theirs) {
                    return self;
                }
            }
            Action::SettleAll { theirs } => {
                let fields = match &s.conflict {
                    Some(c) => c.fields.clone(),
                    None => return self,
                };
                s.settle(&fields, theirs);
            }
            Action::DismissOtherTab => s.other_tab = None,
            Action::Attach(earlier) => {
                let attached: Vec<Report> = s.attached.iter().map(|r| (**r).clone()).collect();
                if compare::can_attach(&s.report, &attached, &earlier).is_err() {
                    return self;
                }
                let mut next = (*s.attached).clone();
                next.push(Rc::new(earlier));
                s.attached = Rc::new(next);
            }
            Action::Detach(n) => {
                if n >= s.attached.len() {
                    return self;
                }
                let mut next = (*s.attached).clone();
                next.remove(n);
                s.attached = Rc::new(next);
            }
        }
        // What was set beside one report means nothing beside another.
        if s.report.id != self.report.id {
            s.attached = Rc::default();
        }
        Rc::new(s)
    }
}
