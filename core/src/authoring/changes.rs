//! What would change for a report if it were opened with another version of its appendix or
//! criteria set: cells or items dropped (with what the officer typed there, which would be
//! lost), added, renamed, relabelled, turned into a computed figure. A report remembers the id
//! and version it was made with (`report::TemplateRef`), so opening it with another version is
//! an explicit choice made on this list, never a silent loss or re-score.

use std::collections::{BTreeMap, HashMap};

use crate::report::{Assessment, Report, TemplateRef};
use crate::template::criteria::{CriteriaTemplate, Item};
use crate::template::{builtin, CellKind, TemplateError};
use crate::template::{Appendix, Criteria};
use crate::text::Text;

use super::fold::fold;

#[derive(Clone, Debug, PartialEq)]
pub struct CellInfo {
    pub id: String,
    pub label: Text,
    /// What the report holds in this cell, as typed; `None` when empty.
    pub typed: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RenamedCell {
    pub from: String,
    pub to: String,
    pub label: Text,
    /// Moved to the new id when the change is applied.
    pub typed: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RelabelledCell {
    pub id: String,
    pub from: Text,
    pub to: Text,
}

/// A cell kept under its id whose meaning for a typed value changed.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangedCell {
    pub id: String,
    pub label: Text,
    pub from: CellKind,
    pub to: CellKind,
    /// The cell is computed in the new version: what was typed there is no longer used.
    pub now_computed: bool,
    pub typed: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppendixChanges {
    pub from: TemplateRef,
    pub to: TemplateRef,
    pub added: Vec<CellInfo>,
    /// Cells that no longer exist; their typed values would be lost.
    pub dropped: Vec<CellInfo>,
    /// A cell gone and a new one with the same label and kind: the value moves.
    pub renamed: Vec<RenamedCell>,
    pub relabelled: Vec<RelabelledCell>,
    pub changed: Vec<ChangedCell>,
}

impl AppendixChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.dropped.is_empty()
            && self.renamed.is_empty()
            && self.relabelled.is_empty()
            && self.changed.is_empty()
    }

    /// The typed figures that applying the change would lose: dropped cells, and cells that
    /// became computed or of a kind that reads the value differently.
    pub fn lost(&self) -> Vec<(&str, &Text, &str)> {
        let dropped = self
            .dropped
            .iter()
            .filter_map(|c| Some((c.id.as_str(), &c.label, c.typed.as_deref()?)));
        let changed = self
            .changed
            .iter()
            .filter_map(|c| Some((c.id.as_str(), &c.label, c.typed.as_deref()?)));
        dropped.chain(changed).collect()
    }

    /// One line for the choice: "Thêm 18 ô, bỏ 0 ô (0 số liệu đã nhập sẽ mất), …".
    pub fn summary(&self) -> Text {
        let lost = self.lost().len();
        Text::new(
            format!(
                "Phụ lục «{}» phiên bản {} → {}: thêm {} ô, bỏ {} ô, đổi mã {} ô, đổi tên {} ô, đổi kiểu {} ô; {} số liệu đã nhập sẽ mất.",
                self.to.id, self.from.version, self.to.version, self.added.len(), self.dropped.len(),
                self.renamed.len(), self.relabelled.len(), self.changed.len(), lost
            ),
            format!(
                "Appendix “{}” version {} → {}: {} cells added, {} dropped, {} renamed, {} relabelled, {} changed kind; {} typed figures would be lost.",
                self.to.id, self.from.version, self.to.version, self.added.len(), self.dropped.len(),
                self.renamed.len(), self.relabelled.len(), self.changed.len(), lost
            ),
        )
    }
}

fn tref(id: &str, version: u32) -> TemplateRef {
    TemplateRef {
        id: id.to_owned(),
        version,
    }
}

/// Compares two versions of an appendix for `report` (its typed values say what is at stake).
pub fn appendix_changes(old: &Appendix, new: &Appendix, report: &Report) -> AppendixChanges {
    let typed = |id: &str| report.values.get(id).cloned();
    let info = |a: &Appendix, ix: usize| CellInfo {
        id: a.cells[ix].id.clone(),
        label: a.cell_label(ix),
        typed: typed(&a.cells[ix].id),
    };
    let mut added: Vec<CellInfo> = Vec::new();
    let mut dropped: Vec<CellInfo> = Vec::new();
    let mut relabelled = Vec::new();
    let mut changed = Vec::new();
    for (ix, cell) in old.cells.iter().enumerate() {
        match new.cell(&cell.id) {
            None => dropped.push(info(old, ix)),
            Some(nx) => {
                let (a, b) = (old.cell_label(ix), new.cell_label(nx));
                if a.vi != b.vi {
                    relabelled.push(RelabelledCell {
                        id: cell.id.clone(),
                        from: a,
                        to: b,
                    });
                }
                let n = &new.cells[nx];
                let now_computed = cell.is_input() && !n.is_input();
                if n.kind != cell.kind || now_computed {
                    changed.push(ChangedCell {
                        id: cell.id.clone(),
                        label: new.cell_label(nx),
                        from: cell.kind,
                        to: n.kind,
                        now_computed,
                        typed: typed(&cell.id),
                    });
                }
            }
        }
    }
    for (ix, cell) in new.cells.iter().enumerate() {
        if old.cell(&cell.id).is_none() {
            added.push(info(new, ix));
        }
    }
    // A dropped cell and an added one with the same label and kind, each the only such one,
    // is one cell under a new id.
    let key = |a: &Appendix, id: &str| {
        a.cell(id)
            .map(|ix| (fold(&a.cell_label(ix).vi), a.cells[ix].kind))
    };
    let mut count: HashMap<(String, CellKind), (usize, usize)> = HashMap::new();
    for c in &dropped {
        if let Some(k) = key(old, &c.id) {
            count.entry(k).or_default().0 += 1;
        }
    }
    for c in &added {
        if let Some(k) = key(new, &c.id) {
            count.entry(k).or_default().1 += 1;
        }
    }
    let mut renamed = Vec::new();
    dropped.retain(|d| {
        let Some(k) = key(old, &d.id) else {
            return true;
        };
        if count.get(&k) != Some(&(1, 1)) {
            return true;
        }
        let Some(pos) = added
            .iter()
            .position(|a| key(new, &a.id).as_ref() == Some(&k))
        else {
            return true;
        };
        let a = added.remove(pos);
        renamed.push(RenamedCell {
            from: d.id.clone(),
            to: a.id,
            label: a.label,
            typed: d.typed.clone(),
        });
        false
    });
    AppendixChanges {
        from: tref(&old.template.id, old.template.version),
        to: tref(&new.template.id, new.template.version),
        added,
        dropped,
        renamed,
        relabelled,
        changed,
    }
}

/// The report moved onto the new version, as the officer chose: renamed cells keep their
/// value under the new id, dropped cells' values are removed (the caller has shown them),
/// and the report names the new version.
pub fn apply_appendix_changes(report: &Report, changes: &AppendixChanges) -> Report {
    let mut out = report.clone();
    for d in &changes.dropped {
        out.values.remove(&d.id);
    }
    for r in &changes.renamed {
        if let Some(v) = out.values.remove(&r.from) {
            out.values.insert(r.to.clone(), v);
        }
    }
    out.appendix = changes.to.clone();
    out
}

#[derive(Clone, Debug, PartialEq)]
pub struct ItemInfo {
    pub id: String,
    pub stt: String,
    pub title: Text,
    pub max: f64,
}

impl ItemInfo {
    fn of(i: &Item) -> Self {
        ItemInfo {
            id: i.id.clone(),
            stt: i.stt.clone(),
            title: i.title.clone(),
            max: i.max,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct DroppedItem {
    pub item: ItemInfo,
    /// The officer's self-assessment of it (score, answer, explanation, evidence), which
    /// applying the change would remove.
    pub assessment: Option<Assessment>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChangedItem {
    pub id: String,
    pub from: ItemInfo,
    pub to: ItemInfo,
    /// Scored another way: the points may differ from what the officer saw.
    pub rule_changed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CriteriaChanges {
    pub from: TemplateRef,
    pub to: TemplateRef,
    pub added: Vec<ItemInfo>,
    pub dropped: Vec<DroppedItem>,
    /// Same id, other title, maximum or rule.
    pub changed: Vec<ChangedItem>,
    /// The classification bands or the scale differ: the same points may classify otherwise.
    pub bands_or_scale: bool,
}

impl CriteriaChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.dropped.is_empty()
            && self.changed.is_empty()
            && !self.bands_or_scale
    }

    /// Items whose self-assessment would be removed.
    pub fn lost(&self) -> impl Iterator<Item = &DroppedItem> {
        self.dropped.iter().filter(|d| d.assessment.is_some())
    }
}

fn items(t: &CriteriaTemplate) -> BTreeMap<&str, &Item> {
    t.areas
        .iter()
        .flat_map(|a| &a.criteria)
        .flat_map(|c| &c.items)
        .map(|i| (i.id.as_str(), i))
        .collect()
}

/// Compares two criteria sets for `report` (its assessments say what is at stake).
pub fn criteria_changes(old: &Criteria, new: &Criteria, report: &Report) -> CriteriaChanges {
    let (o, n) = (&old.template, &new.template);
    let (oi, ni) = (items(o), items(n));
    let assessed = |id: &str| {
        report
            .assessments
            .get(id)
            .filter(|a| **a != Assessment::default())
            .cloned()
    };
    let dropped = oi
        .iter()
        .filter(|(id, _)| !ni.contains_key(*id))
        .map(|(id, i)| DroppedItem {
            item: ItemInfo::of(i),
            assessment: assessed(id),
        })
        .collect();
    let added = ni
        .iter()
        .filter(|(id, _)| !oi.contains_key(*id))
        .map(|(_, i)| ItemInfo::of(i))
        .collect();
    let changed = oi
        .iter()
        .filter_map(|(id, a)| {
            let b = ni.get(id)?;
            let rule_changed = a.rule != b.rule;
            let differs = rule_changed
                || a.title != b.title
                || (a.max - b.max).abs() > 1e-9
                || a.stt != b.stt
                || a.na_allowed != b.na_allowed;
            differs.then(|| ChangedItem {
                id: id.to_string(),
                from: ItemInfo::of(a),
                to: ItemInfo::of(b),
                rule_changed,
            })
        })
        .collect();
    let bands_same = o.bands.len() == n.bands.len()
        && o.bands
            .iter()
            .zip(&n.bands)
            .all(|(a, b)| a.from == b.from && a.to == b.to && a.label == b.label);
    CriteriaChanges {
        from: tref(&o.id, o.version),
        to: tref(&n.id, n.version),
        added,
        dropped,
        changed,
        bands_or_scale: !bands_same || o.scale != n.scale,
    }
}

/// The report moved onto the new criteria set: assessments of dropped items removed, the
/// report naming the new set.
pub fn apply_criteria_changes(report: &Report, changes: &CriteriaChanges) -> Report {
    let mut out = report.clone();
    for d in &changes.dropped {
        out.assessments.remove(&d.item.id);
    }
    out.criteria = changes.to.clone();
    out
}

/// The built-in appendix a report names, when this build ships it (older versions are kept
/// so that a report made on one can be compared with the version in use).
pub fn builtin_appendix(r: &TemplateRef) -> Option<Result<Appendix, TemplateError>> {
    builtin::APPENDICES.iter().find_map(|json| {
        let head: serde_json::Value = serde_json::from_str(json).ok()?;
        let same = head.get("id")?.as_str()? == r.id
            && head.get("version")?.as_u64()? == u64::from(r.version);
        same.then(|| Appendix::from_json(json))
    })
}

/// The built-in criteria set a report names, compiled on the appendix it reads, when this
/// build ships it.
pub fn builtin_criteria(r: &TemplateRef) -> Option<Result<Criteria, TemplateError>> {
    builtin::CRITERIA.iter().find_map(|&(json, appendix)| {
        let head: serde_json::Value = serde_json::from_str(json).ok()?;
        let same = head.get("id")?.as_str()? == r.id
            && head.get("version")?.as_u64()? == u64::from(r.version);
        let appendix = builtin::APPENDICES.get(appendix)?;
        same.then(|| Criteria::from_json(json, &Appendix::from_json(appendix)?))
    })
}
