//! Several tabs of one browser share one storage. When another tab saves a report, deletes one
//! or changes the criteria set or appendix in use, this tab hears of it (the `storage` event, or the
//! autosave finding a newer copy than it expected) and follows: a report this tab has not
//! changed takes the stored copy; one it has changed is merged with it (`core::merge`), and
//! fields changed differently in both tabs wait for the officer's choice.

use std::rc::Rc;

use super::{blank_report, sort_newest_first, AppState, Fresh, SaveState, Shelved};
use crate::core::merge::{self, Field};
use crate::core::report::Report;

/// What another tab did, as storage shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum FromOtherTab {
    /// It saved `report` (at `saved_at`, when its index line says).
    Saved {
        report: Rc<Report>,
        saved_at: Option<f64>,
    },
    /// It deleted report `id`. If that is the open report and this tab has nothing unsaved in
    /// it, another opens as after a deletion here, or a blank one made from `fresh`.
    Deleted { id: String, fresh: Fresh },
    /// It put a province's criteria file in use (its text), or went back to the sample.
    Criteria(Option<String>),
    /// It put a province's appendix file in use (its text), or went back to the built-in one.
    Appendix(Option<String>),
}

/// What there is to tell about another tab's change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherTab {
    /// The open report, unchanged here, now shows the other tab's save.
    Adopted,
    /// The other tab's changes and this tab's were merged.
    Merged,
    /// Merged, but some fields were changed differently in both (`AppState::conflict`).
    Conflicts,
    /// The open report was deleted in the other tab; another one is open.
    Deleted,
    /// The open report was deleted in the other tab, but it has changes here: it stays open
    /// and is saved again.
    DeletedKept,
    /// The criteria set in use changed.
    Criteria,
    /// The appendix in use changed.
    Appendix,
}

/// The fields of the open report changed differently in two tabs.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The other tab's save (also the open report's stored copy now).
    pub theirs: Rc<Report>,
    /// In conflict, in report order; the open report holds this tab's value for each.
    pub fields: Vec<Field>,
}

impl AppState {
    /// Follows another tab's change; `false` when there was nothing new in it.
    pub(super) fn follow_other_tab(&mut self, change: FromOtherTab) -> bool {
        match change {
            FromOtherTab::Saved { report, saved_at } => self.saved_elsewhere(report, saved_at),
            FromOtherTab::Deleted { id, fresh } => self.deleted_elsewhere(&id, fresh),
            FromOtherTab::Criteria(file) => {
                if file.as_deref() == self.criteria_file.as_deref() {
                    return false;
                }
                // On the appendix in use (the shipped one unless a province's is loaded).
                match file {
                    None => match self.sample_on_appendix() {
                        Ok(t) if *self.shipped == t => {
                            self.templates = self.shipped.clone();
                            self.criteria_file = None;
                        }
                        Ok(t) => {
                            self.templates = Rc::new(t);
                            self.criteria_file = None;
                        }
                        Err(_) => return false,
                    },
                    Some(json) => match self.templates.with_criteria(&json) {
                        Ok(t) => {
                            self.templates = Rc::new(t);
                            self.criteria_file = Some(json.into());
                        }
                        // The other tab checked it before storing it; a file this version
                        // cannot read is left to the next start's notice.
                        Err(_) => return false,
                    },
                }
                self.criteria_notice = None;
                self.other_tab = Some(OtherTab::Criteria);
                true
            }
            FromOtherTab::Appendix(file) => {
                if file.as_deref() == self.appendix_file.as_deref() {
                    return false;
                }
                let next = match &file {
                    None => self.templates.on_appendix(self.shipped.appendix.clone()),
                    Some(json) => self.templates.with_appendix(json),
                };
                // The other tab checked it against its criteria set before storing it; one
                // that does not fit this tab's set is left to the next start.
                let Ok(next) = next else {
                    return false;
                };
                self.templates = if *self.shipped == next {
                    self.shipped.clone()
                } else {
                    Rc::new(next)
                };
                self.appendix_file = file.map(Rc::from);
                self.appendix_notice = None;
                self.other_tab = Some(OtherTab::Appendix);
                true
            }
        }
    }

    fn saved_elsewhere(&mut self, theirs: Rc<Report>, saved_at: Option<f64>) -> bool {
        let id = theirs.id.clone();
        let base = self.stored.get(&id).cloned();
        if base.as_deref() == Some(&*theirs) {
            return false;
        }
        Rc::make_mut(&mut self.stored).insert(id.clone(), theirs.clone());
        // The steps back are snapshots from before the other tab's change: undoing one would
        // silently take that change back.
        Rc::make_mut(&mut self.histories).remove(&id);
        // A readable copy replaces one that could not be read.
        if self.broken.iter().any(|b| b.id == id) {
            let mut broken = (*self.broken).clone();
            broken.retain(|b| b.id != id);
            self.broken = Rc::new(broken);
        }
        if id != self.report.id {
            self.shelve(theirs, saved_at);
            return true;
        }
        let mine = self.report.clone();
        let unchanged_here = base.as_deref() == Some(&*mine);
        if unchanged_here || *mine == *theirs {
            self.report = theirs.clone();
            self.shelve(theirs, saved_at);
            self.conflict = None;
            self.save = SaveState::Saved;
            self.other_tab = Some(OtherTab::Adopted).filter(|_| unchanged_here);
            return true;
        }
        // Never stored before (made here and there under one id, which ids make unlikely):
        // merge from a blank report, so that nothing of either side is taken as unchanged.
        let base = match base {
            Some(b) => (*b).clone(),
            None => Report::new(id, mine.appendix.clone(), mine.criteria.clone()),
        };
        let merged = merge::merge(&base, &mine, &theirs);
        // Fields still waiting from an earlier save stay listed while the new save differs
        // there from this tab.
        let differs = |f: &Field| {
            let mut probe = merged.report.clone();
            f.copy(&theirs, &mut probe);
            probe != merged.report
        };
        let mut fields: Vec<Field> = self
            .conflict
            .as_ref()
            .map(|c| c.fields.iter().filter(|f| differs(f)).cloned().collect())
            .unwrap_or_default();
        for f in merged.conflicts {
            if !fields.contains(&f) {
                fields.push(f);
            }
        }
        let same_as_theirs = merged.report == *theirs;
        self.open_report(merged.report);
        self.set_saved_at(saved_at);
        self.other_tab = Some(if fields.is_empty() {
            OtherTab::Merged
        } else {
            OtherTab::Conflicts
        });
        self.conflict = (!fields.is_empty()).then(|| Rc::new(Conflict { theirs, fields }));
        if same_as_theirs && self.conflict.is_none() {
            self.save = SaveState::Saved;
        } else {
            self.changed();
        }
        true
    }

    fn deleted_elsewhere(&mut self, id: &str, fresh: Fresh) -> bool {
        let known = self.stored.contains_key(id)
            || self.shelved(id).is_some()
            || self.broken.iter().any(|b| b.id == id);
        if !known {
            return false;
        }
        let base = Rc::make_mut(&mut self.stored).remove(id);
        Rc::make_mut(&mut self.histories).remove(id);
        let mut broken = (*self.broken).clone();
        broken.retain(|b| b.id != id);
        self.broken = Rc::new(broken);
        let mut shelf = (*self.shelf).clone();
        if self.report.id == id {
            let changed_here = base.as_deref() != Some(&*self.report);
            if changed_here {
                // What was typed here is not thrown away: it stays open and is saved again.
                if let Some(s) = shelf.iter_mut().find(|s| s.report.id == id) {
                    s.saved_at = None;
                }
                self.shelf = Rc::new(shelf);
                self.conflict = None;
                self.other_tab = Some(OtherTab::DeletedKept);
                self.changed();
                return true;
            }
            shelf.retain(|s| s.report.id != id);
            self.report = match shelf.first() {
                Some(next) => next.report.clone(),
                None => Rc::new(blank_report(&self.templates, fresh)),
            };
            self.conflict = None;
            self.save = SaveState::Saved;
            self.other_tab = Some(OtherTab::Deleted);
        } else {
            shelf.retain(|s| s.report.id != id);
        }
        self.shelf = Rc::new(shelf);
        true
    }

    /// Puts `report` on the shelf in place of its copy there, saved at `saved_at` when known.
    fn shelve(&mut self, report: Rc<Report>, saved_at: Option<f64>) {
        let mut shelf = (*self.shelf).clone();
        match shelf.iter_mut().find(|s| s.report.id == report.id) {
            Some(s) => {
                s.saved_at = saved_at.or(s.saved_at);
                s.report = report;
            }
            None => shelf.push(Shelved { report, saved_at }),
        }
        sort_newest_first(&mut shelf);
        self.shelf = Rc::new(shelf);
    }

    fn set_saved_at(&mut self, saved_at: Option<f64>) {
        if saved_at.is_none() {
            return;
        }
        let mut shelf = (*self.shelf).clone();
        if let Some(s) = shelf.iter_mut().find(|s| s.report.id == self.report.id) {
            s.saved_at = saved_at;
        }
        sort_newest_first(&mut shelf);
        self.shelf = Rc::new(shelf);
    }

    /// Settles `fields` for the other tab (`theirs`) or this one; `false` when none of them is
    /// in conflict. Once no field is left, the report is written again.
    pub(super) fn settle(&mut self, fields: &[Field], theirs: bool) -> bool {
        let Some(conflict) = self.conflict.clone() else {
            return false;
        };
        let settling: Vec<&Field> = fields
            .iter()
            .filter(|f| conflict.fields.contains(f))
            .collect();
        if settling.is_empty() {
            return false;
        }
        let mut report = (*self.report).clone();
        if theirs {
            settling
                .iter()
                .for_each(|f| f.copy(&conflict.theirs, &mut report));
        }
        if report != *self.report {
            self.record(None);
            self.open_report(report);
        }
        let left: Vec<Field> = conflict
            .fields
            .iter()
            .filter(|f| !settling.contains(f))
            .cloned()
            .collect();
        self.conflict = (!left.is_empty()).then(|| {
            Rc::new(Conflict {
                theirs: conflict.theirs.clone(),
                fields: left,
            })
        });
        if self.conflict.is_none() {
            self.other_tab = None;
        }
        self.changed();
        true
    }
}
