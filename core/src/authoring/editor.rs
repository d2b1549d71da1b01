//! The criteria editor's logic, native and tested: a draft set changed by edits (add, remove,
//! reorder, indent, fields), its problems located at the node they concern with the compiler's
//! own messages, the maxima adding up, and a preview of the open report's scoring. The Yew
//! editor only lays this out.

use std::collections::HashMap;

use crate::compute::Computed;
use crate::report::Report;
use crate::scoring::{self, Scorecard};
use crate::template::criteria::{
    Area, AreaKind, Band, CriteriaTemplate, Criterion, Item, Part, PointBand, RatioSource, Rule,
    WhenEmpty,
};
use crate::template::{Appendix, Criteria};
use crate::template::{CellKind, TemplateError};
use crate::text::Text;

use super::import::{check_alone, default_bands, parse_points, parts, point_bands};

/// A place in the set: an area, a criterion of it, an item of that.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Node {
    Area(usize),
    Criterion(usize, usize),
    Item(usize, usize, usize),
}

/// The rule kinds, as the editor offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    Manual,
    YesNo,
    RatioBands,
    ProportionalInBand,
    Threshold,
    Proportional,
    Additive,
    Deduction,
    PerCase,
}

impl RuleKind {
    pub const ALL: [RuleKind; 9] = [
        RuleKind::Manual,
        RuleKind::YesNo,
        RuleKind::RatioBands,
        RuleKind::Proportional,
        RuleKind::ProportionalInBand,
        RuleKind::Threshold,
        RuleKind::Additive,
        RuleKind::Deduction,
        RuleKind::PerCase,
    ];

    pub fn of(rule: &Rule) -> RuleKind {
        match rule {
            Rule::Manual { .. } => RuleKind::Manual,
            Rule::YesNo { .. } => RuleKind::YesNo,
            Rule::RatioBands { .. } => RuleKind::RatioBands,
            Rule::ProportionalInBand { .. } => RuleKind::ProportionalInBand,
            Rule::Threshold { .. } => RuleKind::Threshold,
            Rule::Proportional { .. } => RuleKind::Proportional,
            Rule::Additive { .. } => RuleKind::Additive,
            Rule::Deduction { .. } => RuleKind::Deduction,
            Rule::PerCase { .. } => RuleKind::PerCase,
        }
    }

    /// The name the officer reads (the spreadsheet's too).
    pub fn label(self) -> Text {
        let (vi, en) = match self {
            RuleKind::Manual => ("Chấm thủ công", "Scored by hand"),
            RuleKind::YesNo => ("Có/không", "Yes/no"),
            RuleKind::RatioBands => ("Theo mức tỷ lệ", "Bands of a rate"),
            RuleKind::Proportional => ("Tỷ lệ × điểm tối đa", "Rate × maximum"),
            RuleKind::ProportionalInBand => (
                "Tỷ lệ từ ngưỡng (dưới ngưỡng 0)",
                "Rate from a threshold (0 below)",
            ),
            RuleKind::Threshold => (
                "Đủ điểm từ ngưỡng (dưới ngưỡng theo tỷ lệ)",
                "Full from a threshold (proportional below)",
            ),
            RuleKind::Additive => ("Cộng điểm theo ý", "Sum of sub-items"),
            RuleKind::Deduction => ("Trừ điểm mỗi trường hợp", "Deduction per case"),
            RuleKind::PerCase => (
                "Điểm mỗi trường hợp (thưởng, trừ)",
                "Points per case (bonus, penalty)",
            ),
        };
        Text::new(vi, en)
    }

    /// A rule of this kind, keeping what the old rule had that still fits (its ratio, its
    /// cell), so switching kinds does not lose the picked figures.
    pub fn convert(self, old: &Rule, max: f64, a: &Appendix) -> Rule {
        let ratio = match old {
            Rule::RatioBands { ratio, .. }
            | Rule::ProportionalInBand { ratio, .. }
            | Rule::Threshold { ratio, .. }
            | Rule::Proportional { ratio, .. } => ratio.clone(),
            _ => first_ratio(a),
        };
        let count = match old {
            Rule::Deduction { cell, .. } | Rule::PerCase { cell, .. } => cell.clone(),
            _ => cells_of(a, &[CellKind::Count])
                .first()
                .map(|c| c.0.clone())
                .unwrap_or_default(),
        };
        match self {
            RuleKind::Manual => Rule::Manual { step: None },
            RuleKind::YesNo => Rule::YesNo { cell: None },
            RuleKind::RatioBands => Rule::RatioBands {
                ratio,
                bands: vec![
                    PointBand {
                        min: 100.0,
                        points: max,
                    },
                    PointBand {
                        min: 0.0,
                        points: 0.0,
                    },
                ],
                when_empty: WhenEmpty::NotApplicable,
            },
            RuleKind::Proportional => Rule::Proportional {
                ratio,
                when_empty: WhenEmpty::NotApplicable,
            },
            RuleKind::ProportionalInBand => Rule::ProportionalInBand {
                ratio,
                min_percent: 90.0,
                when_empty: WhenEmpty::NotApplicable,
            },
            RuleKind::Threshold => Rule::Threshold {
                ratio,
                threshold: 80.0,
                when_empty: WhenEmpty::NotApplicable,
            },
            RuleKind::Additive => Rule::Additive {
                parts: vec![Part {
                    id: "y1".into(),
                    label: Text::new("Ý 1", ""),
                    points: max,
                    cell: None,
                }],
            },
            RuleKind::Deduction => Rule::Deduction {
                cell: count,
                per_case: 0.25,
            },
            RuleKind::PerCase => Rule::PerCase {
                cell: count,
                per_case: 0.25,
            },
        }
    }
}

fn first_ratio(a: &Appendix) -> RatioSource {
    match a.template.rates.first() {
        Some(r) => RatioSource::Rate(r.id.clone()),
        None => RatioSource::Cell(
            cells_of(a, &[CellKind::Percent])
                .first()
                .map(|c| c.0.clone())
                .unwrap_or_default(),
        ),
    }
}

/// The appendix cells of the given kinds, with their labels, in the appendix's order: what
/// the editor offers to pick from, by label.
pub fn cells_of(a: &Appendix, kinds: &[CellKind]) -> Vec<(String, Text)> {
    a.cells
        .iter()
        .enumerate()
        .filter(|(_, c)| kinds.contains(&c.kind))
        .map(|(ix, c)| (c.id.clone(), a.cell_label(ix)))
        .collect()
}

/// The named rates and percentage cells a ratio rule may read, labelled; a rate's id is
/// prefixed "rate:" to tell it from a cell.
pub fn ratio_choices(a: &Appendix) -> Vec<(String, Text)> {
    let rates = a.template.rates.iter().map(|r| {
        (
            format!("rate:{}", r.id),
            Text::new(
                format!("{} = {}", r.label.vi, r.definition.vi),
                format!(
                    "{} = {}",
                    r.label.get(crate::text::Lang::En),
                    r.definition.vi
                ),
            ),
        )
    });
    rates.chain(cells_of(a, &[CellKind::Percent])).collect()
}

/// The choice key of a ratio source ("rate:dung_han", "kh_ty_le"); `None` for cells a/b,
/// which the editor shows as they are.
pub fn ratio_key(r: &RatioSource) -> Option<String> {
    match r {
        RatioSource::Rate(id) => Some(format!("rate:{id}")),
        RatioSource::Cell(id) => Some(id.clone()),
        RatioSource::Cells { .. } => None,
    }
}

pub fn ratio_from_key(key: &str) -> RatioSource {
    match key.strip_prefix("rate:") {
        Some(id) => RatioSource::Rate(id.to_owned()),
        None => RatioSource::Cell(key.to_owned()),
    }
}

/// A change to the draft.
#[derive(Clone, Debug)]
pub enum DraftEdit {
    SetTitle(String),
    SetId(String),
    SetVersion(u32),
    SetSource(String),
    /// The title of a node.
    Title(Node, String),
    Stt(Node, String),
    Max(Node, f64),
    /// Sets a node's maximum to what it holds.
    SumUp(Node),
    AreaKind(usize, AreaKind),
    /// A new kind for an item's rule, keeping what fits of the old one.
    RuleKind(Node, RuleKind),
    Rule(Node, Rule),
    Evidence(Node, String),
    Guide(Node, String),
    NaAllowed(Node, bool),
    /// A new node of the same level after this one.
    AddAfter(Node),
    /// A new child at the end of an area or criterion.
    AddChild(Node),
    AddArea,
    Remove(Node),
    MoveUp(Node),
    MoveDown(Node),
    /// One level down: a criterion's items join the criterion above; an area's criteria join
    /// the area above.
    Indent(Node),
    /// One level up: an item becomes a criterion of its own after its criterion; a criterion
    /// an area of its own after its area.
    Outdent(Node),
    Bands(Vec<Band>),
}

/// A set to start from when none is wanted: one area, one criterion, one manual item.
pub fn blank(appendix: &Appendix) -> CriteriaTemplate {
    let mut t = CriteriaTemplate {
        id: "bo-tieu-chi-moi".into(),
        version: 1,
        title: Text::new("Bộ tiêu chí mới", "New criteria set"),
        sample: false,
        source: Text::default(),
        appendix: appendix.template.id.clone(),
        scale: 100.0,
        step: 0.25,
        no_evidence_scores_zero: false,
        bands: default_bands(),
        areas: Vec::new(),
    };
    apply(&mut t, DraftEdit::AddArea, appendix);
    t
}

/// A fresh id no node of `t` has.
fn fresh_id(t: &CriteriaTemplate, prefix: &str) -> String {
    let mut taken: Vec<&str> = vec![t.id.as_str()];
    for a in &t.areas {
        taken.push(&a.id);
        for c in &a.criteria {
            taken.push(&c.id);
            taken.extend(c.items.iter().map(|i| i.id.as_str()));
        }
    }
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or_default()
}

fn new_item(t: &CriteriaTemplate, stt: String) -> Item {
    Item {
        id: fresh_id(t, "tctp-"),
        stt,
        title: Text::new("Tiêu chí thành phần mới", ""),
        max: 1.0,
        rule: Rule::Manual { step: None },
        evidence_hint: Text::default(),
        guide: Text::default(),
        na_allowed: false,
    }
}

fn new_criterion(t: &CriteriaTemplate, stt: String) -> Criterion {
    // Ids come from different prefixes, so the criterion's and its item's cannot clash.
    Criterion {
        id: fresh_id(t, "tc-"),
        stt: stt.clone(),
        title: Text::new("Tiêu chí mới", ""),
        max: 1.0,
        items: vec![new_item(t, format!("{stt}.1"))],
    }
}

/// A new area at the end, holding one criterion with one manual item; its index.
fn add_area(t: &mut CriteriaTemplate) -> usize {
    let stt = (t.areas.len() + 1).to_string();
    let id = fresh_id(t, "lv-");
    t.areas.push(Area {
        id,
        stt: stt.clone(),
        title: Text::new("Lĩnh vực mới", ""),
        kind: AreaKind::Regular,
        max: 1.0,
        criteria: Vec::new(),
    });
    let c = new_criterion(t, format!("{stt}.1"));
    let last = t.areas.len() - 1;
    t.areas[last].criteria.push(c);
    last
}

fn item_to_criterion(item: Item, id: String) -> Criterion {
    Criterion {
        id,
        stt: item.stt.clone(),
        title: item.title.clone(),
        max: item.max,
        items: vec![item],
    }
}

/// Applies an edit; returns the node to select afterwards (the one added or moved), if any.
/// An edit that does not fit the node (a rule on an area, an index out of range) changes
/// nothing.
pub fn apply(t: &mut CriteriaTemplate, e: DraftEdit, appendix: &Appendix) -> Option<Node> {
    use DraftEdit::*;
    use Node::*;
    match e {
        SetTitle(s) => t.title = Text::new(s, ""),
        SetId(s) => t.id = s,
        SetVersion(v) => t.version = v,
        SetSource(s) => t.source = Text::new(s, ""),
        Title(n, s) => match n {
            Area(a) => t.areas.get_mut(a)?.title = Text::new(s, ""),
            Criterion(a, c) => criterion(t, a, c)?.title = Text::new(s, ""),
            Item(..) => item(t, n)?.title = Text::new(s, ""),
        },
        Stt(n, s) => match n {
            Area(a) => t.areas.get_mut(a)?.stt = s,
            Criterion(a, c) => criterion(t, a, c)?.stt = s,
            Item(..) => item(t, n)?.stt = s,
        },
        Max(n, v) => match n {
            Area(a) => t.areas.get_mut(a)?.max = v,
            Criterion(a, c) => criterion(t, a, c)?.max = v,
            Item(..) => item(t, n)?.max = v,
        },
        SumUp(n) => match n {
            Area(a) => {
                let area = t.areas.get_mut(a)?;
                area.max = area.criteria.iter().map(|c| c.max).sum();
            }
            Criterion(a, c) => {
                let c = criterion(t, a, c)?;
                c.max = c.items.iter().map(|i| i.max).sum();
            }
            Item(..) => {}
        },
        AreaKind(a, k) => t.areas.get_mut(a)?.kind = k,
        RuleKind(n, k) => {
            let i = item(t, n)?;
            i.rule = k.convert(&i.rule, i.max, appendix);
        }
        Rule(n, r) => item(t, n)?.rule = r,
        Evidence(n, s) => item(t, n)?.evidence_hint = Text::new(s, ""),
        Guide(n, s) => item(t, n)?.guide = Text::new(s, ""),
        NaAllowed(n, b) => item(t, n)?.na_allowed = b,
        AddArea => return Some(Area(add_area(t))),
        AddAfter(n) => return add(t, n, false),
        AddChild(n) => return add(t, n, true),
        Remove(n) => match n {
            Area(a) if a < t.areas.len() => {
                t.areas.remove(a);
            }
            Criterion(a, c) => {
                let area = t.areas.get_mut(a)?;
                (c < area.criteria.len()).then(|| area.criteria.remove(c))?;
            }
            Item(a, c, i) => {
                let crit = criterion(t, a, c)?;
                (i < crit.items.len()).then(|| crit.items.remove(i))?;
            }
            _ => {}
        },
        MoveUp(n) | MoveDown(n) => {
            let up = matches!(e, MoveUp(_));
            return reorder(t, n, up);
        }
        Indent(n) => match n {
            Area(a) if a > 0 && a < t.areas.len() => {
                let moved = t.areas.remove(a);
                let prev = t.areas.get_mut(a - 1)?;
                let at = prev.criteria.len();
                prev.criteria.extend(moved.criteria);
                return Some(Criterion(a - 1, at));
            }
            Criterion(a, c) if c > 0 => {
                let area = t.areas.get_mut(a)?;
                if c >= area.criteria.len() {
                    return None;
                }
                let moved = area.criteria.remove(c);
                let prev = area.criteria.get_mut(c - 1)?;
                let at = prev.items.len();
                if moved.items.is_empty() {
                    prev.items.push(self::Item {
                        id: moved.id,
                        stt: moved.stt,
                        title: moved.title,
                        max: moved.max,
                        rule: self::Rule::Manual { step: None },
                        evidence_hint: Text::default(),
                        guide: Text::default(),
                        na_allowed: false,
                    });
                } else {
                    prev.items.extend(moved.items);
                }
                return Some(Item(a, c - 1, at));
            }
            _ => {}
        },
        Outdent(n) => match n {
            Item(a, c, i) => {
                let crit = criterion(t, a, c)?;
                if i >= crit.items.len() {
                    return None;
                }
                let moved = crit.items.remove(i);
                let id = fresh_id(t, "tc-");
                let area = t.areas.get_mut(a)?;
                area.criteria.insert(c + 1, item_to_criterion(moved, id));
                return Some(Criterion(a, c + 1));
            }
            Criterion(a, c) => {
                let area = t.areas.get_mut(a)?;
                if c >= area.criteria.len() {
                    return None;
                }
                let moved = area.criteria.remove(c);
                let id = fresh_id(t, "lv-");
                t.areas.insert(
                    a + 1,
                    self::Area {
                        id,
                        stt: moved.stt.clone(),
                        title: moved.title.clone(),
                        kind: self::AreaKind::Regular,
                        max: moved.max,
                        criteria: vec![moved],
                    },
                );
                return Some(Area(a + 1));
            }
            Area(_) => {}
        },
        Bands(b) => t.bands = b,
    }
    None
}

fn criterion(t: &mut CriteriaTemplate, a: usize, c: usize) -> Option<&mut Criterion> {
    t.areas.get_mut(a)?.criteria.get_mut(c)
}

fn item(t: &mut CriteriaTemplate, n: Node) -> Option<&mut Item> {
    match n {
        Node::Item(a, c, i) => criterion(t, a, c)?.items.get_mut(i),
        _ => None,
    }
}

fn add(t: &mut CriteriaTemplate, n: Node, child: bool) -> Option<Node> {
    match (n, child) {
        (Node::Area(a), false) => {
            add_area(t);
            let last = t.areas.pop()?;
            let at = (a + 1).min(t.areas.len());
            t.areas.insert(at, last);
            Some(Node::Area(at))
        }
        (Node::Area(a), true) => {
            let stt = format!(
                "{}.{}",
                t.areas.get(a)?.stt,
                t.areas.get(a)?.criteria.len() + 1
            );
            let c = new_criterion(t, stt);
            let area = t.areas.get_mut(a)?;
            area.criteria.push(c);
            Some(Node::Criterion(a, area.criteria.len() - 1))
        }
        (Node::Criterion(a, c), false) => {
            let stt = format!("{}.{}", t.areas.get(a)?.stt, c + 2);
            let new = new_criterion(t, stt);
            let area = t.areas.get_mut(a)?;
            let at = (c + 1).min(area.criteria.len());
            area.criteria.insert(at, new);
            Some(Node::Criterion(a, at))
        }
        (Node::Criterion(a, c), true) | (Node::Item(a, c, _), false) => {
            let crit = t.areas.get(a)?.criteria.get(c)?;
            let at = match n {
                Node::Item(_, _, i) => (i + 1).min(crit.items.len()),
                _ => crit.items.len(),
            };
            let stt = format!("{}.{}", crit.stt, at + 1);
            let new = new_item(t, stt);
            criterion(t, a, c)?.items.insert(at, new);
            Some(Node::Item(a, c, at))
        }
        (Node::Item(..), true) => None,
    }
}

fn reorder(t: &mut CriteriaTemplate, n: Node, up: bool) -> Option<Node> {
    fn swap<T>(v: &mut [T], i: usize, up: bool) -> Option<usize> {
        let j = if up { i.checked_sub(1)? } else { i + 1 };
        (j < v.len() && i < v.len()).then(|| v.swap(i, j))?;
        Some(j)
    }
    match n {
        Node::Area(a) => swap(&mut t.areas, a, up).map(Node::Area),
        Node::Criterion(a, c) => {
            swap(&mut t.areas.get_mut(a)?.criteria, c, up).map(|j| Node::Criterion(a, j))
        }
        Node::Item(a, c, i) => {
            swap(&mut criterion(t, a, c)?.items, i, up).map(|j| Node::Item(a, c, j))
        }
    }
}

/// A problem of the draft at the node it concerns (`None`: the set as a whole).
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub at: Option<Node>,
    pub message: Text,
}

/// Every problem of the draft, each at its place: an item's rule checked alone by the
/// compiler, each criterion's and area's maximum against what it holds, then the whole set
/// compiled (scale, bands, ids), its fault placed by the id it names.
pub fn problems(t: &CriteriaTemplate, appendix: &Appendix) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut ids: HashMap<String, Node> = HashMap::new();
    let mut place = |id: &str, n: Node, out: &mut Vec<Problem>| {
        if ids.insert(id.to_owned(), n).is_some() {
            out.push(Problem {
                at: Some(n),
                message: TemplateError::DuplicateId { id: id.to_owned() }.message(),
            });
        }
    };
    for (ai, a) in t.areas.iter().enumerate() {
        place(&a.id, Node::Area(ai), &mut out);
        for (ci, c) in a.criteria.iter().enumerate() {
            place(&c.id, Node::Criterion(ai, ci), &mut out);
            for (ii, i) in c.items.iter().enumerate() {
                let n = Node::Item(ai, ci, ii);
                place(&i.id, n, &mut out);
                if let Err(e) = check_alone(&i.rule, i.max, &i.id, appendix, t.step) {
                    out.push(Problem {
                        at: Some(n),
                        message: e.message(),
                    });
                }
            }
            let sum: f64 = c.items.iter().map(|i| i.max).sum();
            if a.kind != AreaKind::Survey && (sum - c.max).abs() > 1e-9 {
                out.push(Problem {
                    at: Some(Node::Criterion(ai, ci)),
                    message: TemplateError::MaxMismatch {
                        at: c.stt.clone(),
                        declared: c.max,
                        sum,
                    }
                    .message(),
                });
            }
        }
        let sum: f64 = a.criteria.iter().map(|c| c.max).sum();
        let capped = matches!(a.kind, AreaKind::Bonus | AreaKind::Penalty);
        if a.kind != AreaKind::Survey && !capped && (sum - a.max).abs() > 1e-9 {
            out.push(Problem {
                at: Some(Node::Area(ai)),
                message: TemplateError::MaxMismatch {
                    at: a.stt.clone(),
                    declared: a.max,
                    sum,
                }
                .message(),
            });
        }
    }
    if let Err(e) = Criteria::compile(t.clone(), appendix) {
        let m = e.message();
        if !out.iter().any(|p| p.message == m) && !located(&e, t) {
            out.push(Problem {
                at: None,
                message: m,
            });
        }
    }
    out
}

/// Whether the compiler's fault is one the per-node checks already placed.
fn located(e: &TemplateError, t: &CriteriaTemplate) -> bool {
    let known = |id: &str| {
        t.areas.iter().any(|a| {
            a.id == id
                || a.criteria
                    .iter()
                    .any(|c| c.id == id || c.items.iter().any(|i| i.id == id))
        })
    };
    match e {
        TemplateError::MaxMismatch { .. } | TemplateError::DuplicateId { .. } => true,
        TemplateError::RulePoints { item, .. } => known(item),
        TemplateError::UnknownCell { at, .. }
        | TemplateError::UnknownRate { at, .. }
        | TemplateError::WrongKind { at, .. } => known(at),
        _ => false,
    }
}

/// What the regular areas and the survey add up to, against the scale.
pub fn scale_sum(t: &CriteriaTemplate) -> f64 {
    t.areas
        .iter()
        .filter(|a| matches!(a.kind, AreaKind::Regular | AreaKind::Survey))
        .map(|a| a.max)
        .sum()
}

/// The open report scored with the draft, when the draft compiles.
pub fn preview(
    t: &CriteriaTemplate,
    appendix: &Appendix,
    computed: &Computed,
    report: &Report,
) -> Result<Scorecard, TemplateError> {
    let c = Criteria::compile(t.clone(), appendix)?;
    Ok(scoring::score(&c, computed, report))
}

/// The draft as the file to save, load and send to the communes.
pub fn to_json(t: &CriteriaTemplate) -> String {
    serde_json::to_string_pretty(t).unwrap_or_default()
}

/// Ratio bands as the officer writes them: "100: 2; 95: 1; 0: 0".
pub fn bands_text(bands: &[PointBand]) -> String {
    bands
        .iter()
        .map(|b| format!("{}: {}", num(b.min), num(b.points)))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn bands_from_text(s: &str) -> Result<Vec<PointBand>, Text> {
    point_bands(s)
}

/// Sub-items as the officer writes them: "Có kế hoạch: 0,25; Đúng hạn: 0,25".
pub fn parts_text(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| format!("{}: {}", p.label.vi, num(p.points)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Sub-items read back; a part whose label is unchanged keeps its id and cell, so ticks
/// already given stay.
pub fn parts_from_text(s: &str, old: &[Part]) -> Result<Vec<Part>, Text> {
    let mut new = parts(s)?;
    for (i, p) in new.iter_mut().enumerate() {
        if let Some(o) = old.iter().find(|o| o.label.vi == p.label.vi) {
            p.id = o.id.clone();
            p.cell = o.cell.clone();
        } else {
            p.id = format!("y{}", i + 1);
            while old.iter().any(|o| o.id == p.id) {
                p.id.push('b');
            }
        }
    }
    Ok(new)
}

/// Classification bands as "Tốt: 90; Khá: 70; Trung bình: 50; Kém: 0" (label: from %).
pub fn classes_text(bands: &[Band]) -> String {
    bands
        .iter()
        .map(|b| format!("{}: {}", b.label.vi, num(b.from)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Classification bands read back: each from its own % up to the next higher one; the top
/// band open. Labels keep their English where unchanged.
pub fn classes_from_text(s: &str, old: &[Band]) -> Result<Vec<Band>, Text> {
    let mut out: Vec<(Text, f64)> = Vec::new();
    for seg in s.split([';', '\n']).filter(|x| !x.trim().is_empty()) {
        let read = seg
            .rsplit_once(':')
            .and_then(|(l, r)| Some((l.trim(), parse_points(r.trim().trim_end_matches('%'))?)));
        let Some((label, from)) = read else {
            return Err(Text::new(
                format!(
                    "khoảng «{}» cần dạng «Tên: từ %», ví dụ «Tốt: 90».",
                    seg.trim()
                ),
                format!(
                    "band “{}” needs the form “Name: from %”, e.g. “Tốt: 90”.",
                    seg.trim()
                ),
            ));
        };
        let en = old
            .iter()
            .find(|b| b.label.vi == label)
            .map(|b| b.label.en.clone())
            .unwrap_or_default();
        out.push((Text::new(label, en), from));
    }
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut bands = Vec::new();
    let mut upper: Option<f64> = None;
    for (label, from) in out {
        bands.push(Band {
            label,
            from,
            to: upper,
        });
        upper = Some(from);
    }
    Ok(bands)
}

/// A number as the officer writes it: "0,5", "95".
fn num(x: f64) -> String {
    crate::number::format_trimmed(x, 2)
}
