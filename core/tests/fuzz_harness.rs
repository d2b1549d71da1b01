//! A mutation fuzzer of our own (cargo-fuzz needs a nightly compiler, which this machine lacks).
//! Four targets: importing a file, loading an appendix template, loading a criteria set, and
//! editing a report. Each input is a mutation of a real one (the built-in templates, an export
//! of a filled report) — structure-aware on the JSON tree most of the time, byte-level
//! otherwise — and each run asserts that nothing panics and that whatever compiles scores every
//! item within 0 and its maximum.
//!
//! Shared by the bounded pass of the test suite (`tests/fuzz.rs`) and the long run
//! (`cargo run --profile fuzz -p cchc-core --example fuzz -- N`).

#![allow(dead_code)]

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use cchc_core::edit::{Edit, EvidenceField, IdentityEdit};
use cchc_core::exchange;
use cchc_core::period::PeriodKind;
use cchc_core::report::{CommuneKind, Report, TemplateRef};
use cchc_core::scoring::{self, Scorecard};
use cchc_core::template::builtin::{APPENDIX_XA, CRITERIA_SAMPLE};
use cchc_core::template::criteria::AreaKind;
use cchc_core::template::{Appendix, Criteria};
use cchc_core::workspace::{self, evaluate, Templates};
use chrono::NaiveDate;
use serde_json::{Map, Value};

/// xorshift64*: small, fast, and the same sequence for the same seed on every machine.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Import,
    Appendix,
    Criteria,
    Edits,
}

impl Target {
    pub const ALL: [Target; 4] = [
        Target::Import,
        Target::Appendix,
        Target::Criteria,
        Target::Edits,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Target::Import => "import",
            Target::Appendix => "appendix",
            Target::Criteria => "criteria",
            Target::Edits => "edits",
        }
    }

    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == s)
    }
}

/// A crashing input: the text that was fed (for `Edits`, the seed that generates the edits,
/// and their list for a reader).
#[derive(Debug)]
pub struct Crash {
    pub target: Target,
    pub input: String,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Stats {
    pub inputs: u64,
    /// Inputs that got past loading (a report imported, a template compiled).
    pub accepted: u64,
    pub crashes: Vec<Crash>,
}

/// What the targets start from, built once.
pub struct Corpus {
    pub templates: Templates,
    pub appendix: Value,
    pub criteria: Value,
    pub reports: Vec<Value>,
    /// The nodes of each seed: `appendix`, `criteria`, then `reports`.
    pub nodes: Vec<Vec<String>>,
    /// Every string and key of the seeds, and some nasty ones: what mutations splice in.
    pub words: Vec<String>,
    pub cells: Vec<String>,
    pub items: Vec<String>,
    pub parts: Vec<String>,
    pub numbers: Vec<Value>,
}

const NASTY: &[&str] = &[
    "",
    " ",
    "nope",
    "0",
    "-1",
    "-5",
    "1.794",
    "1,794",
    "99,999%",
    "1e400",
    "9999999999999999999999",
    "1.000.000.000.000.001",
    "có",
    "không",
    "12a",
    "—",
    "\u{0}",
    "🙂",
    "05/01/2026",
    "2026-02-30",
    "31/12/9999",
    "yes_no",
    "ratio_bands",
    "additive",
    "deduction",
    "per_case",
    "manual",
    "proportional",
    "proportional_in_band",
    "survey",
    "penalty",
    "bonus",
    "regular",
    "rate",
    "cell",
    "cells",
    "sum",
    "diff",
    "ratio",
    "percent",
    "count",
    "money",
    "decimal",
    "text",
    "date",
    "q1",
    "six_months",
    "year",
    "xa",
    "dac_khu",
];

fn nasty_numbers() -> Vec<Value> {
    [
        "0",
        "1",
        "-1",
        "-2",
        "0.25",
        "0.5",
        "3",
        "-3",
        "100",
        "1e15",
        "1e300",
        "-1e300",
        "1.7976931348623157e308",
        "5e-324",
        "2147483647",
        "-2147483648",
        "18446744073709551615",
        "-9223372036854775808",
        "99.999",
        "1.794",
    ]
    .iter()
    .filter_map(|s| serde_json::from_str(s).ok())
    .collect()
}

impl Corpus {
    pub fn new() -> Self {
        let templates = Templates::builtin().expect("built-in templates");
        let appendix: Value = serde_json::from_str(APPENDIX_XA).expect("json");
        let criteria: Value = serde_json::from_str(CRITERIA_SAMPLE).expect("json");
        let cells: Vec<String> = templates
            .appendix
            .cells
            .iter()
            .map(|c| c.id.clone())
            .collect();
        let items: Vec<String> = (0..templates.criteria.items.len())
            .map(|ix| templates.criteria.def(ix).id.clone())
            .collect();
        let mut parts = Vec::new();
        collect_part_ids(&criteria, &mut parts);
        let mut words: Vec<String> = NASTY.iter().map(|s| s.to_string()).collect();
        collect_words(&appendix, &mut words);
        collect_words(&criteria, &mut words);
        words.sort();
        words.dedup();
        let mut filled = filled_report(&templates, &cells, &items);
        let eval = evaluate(&templates, &filled);
        let export = exchange::export(&templates, &filled, &eval, "2026-06-16T08:00:00Z");
        let reports = vec![
            serde_json::from_str(&export).expect("export is json"),
            serde_json::to_value(&filled).expect("report"),
            serde_json::to_value(templates.new_report("blank")).expect("report"),
        ];
        filled.values.clear();
        let nodes = [&appendix, &criteria]
            .into_iter()
            .chain(&reports)
            .map(all_pointers)
            .collect();
        Corpus {
            numbers: nasty_numbers(),
            nodes,
            templates,
            appendix,
            criteria,
            reports,
            words,
            cells,
            items,
            parts,
        }
    }
}

impl Default for Corpus {
    fn default() -> Self {
        Self::new()
    }
}

fn collect_part_ids(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            if let Some(parts) = o.get("parts").and_then(Value::as_array) {
                out.extend(
                    parts
                        .iter()
                        .filter_map(|p| p.get("id").and_then(Value::as_str))
                        .map(str::to_owned),
                );
            }
            o.values().for_each(|v| collect_part_ids(v, out));
        }
        Value::Array(a) => a.iter().for_each(|v| collect_part_ids(v, out)),
        _ => {}
    }
}

fn collect_words(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if s.len() < 40 => out.push(s.clone()),
        Value::Object(o) => {
            for (k, v) in o {
                out.push(k.clone());
                collect_words(v, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|v| collect_words(v, out)),
        _ => {}
    }
}

/// A report with every input cell filled and every item assessed, so that mutations of its
/// export reach every rule.
fn filled_report(t: &Templates, cells: &[String], items: &[String]) -> Report {
    let mut r = t.new_report("fuzz");
    let mut rng = Rng::new(7);
    for (ix, id) in cells.iter().enumerate() {
        if t.appendix.cells[ix].is_input() {
            let raw = match t.appendix.cells[ix].kind {
                cchc_core::template::CellKind::YesNo => "có".to_owned(),
                cchc_core::template::CellKind::Date => "05/01/2026".to_owned(),
                cchc_core::template::CellKind::Text => "Ghi chú".to_owned(),
                _ => (rng.below(50) + 1).to_string(),
            };
            r.set_value(id, &raw);
        }
    }
    for id in items {
        let a = r.assessments.entry(id.clone()).or_default();
        a.score = "0,5".into();
        a.answer = Some(true);
        a.evidence.push(cchc_core::report::Evidence {
            title: "Kế hoạch".into(),
            number: "1/KH".into(),
            date: "05/01/2026".into(),
            location: "tr. 1".into(),
        });
    }
    r.identity.commune = "Tân Hà".into();
    r
}

// ---------------------------------------------------------------------------------------------
// Mutations

/// JSON pointers to every node of `v`.
fn pointers(v: &Value, at: &mut String, out: &mut Vec<String>) {
    out.push(at.clone());
    let len = at.len();
    match v {
        Value::Object(o) => {
            for (k, v) in o {
                at.push('/');
                at.push_str(&k.replace('~', "~0").replace('/', "~1"));
                pointers(v, at, out);
                at.truncate(len);
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                at.push('/');
                at.push_str(&i.to_string());
                pointers(v, at, out);
                at.truncate(len);
            }
        }
        _ => {}
    }
}

fn random_scalar(rng: &mut Rng, c: &Corpus) -> Value {
    match rng.below(6) {
        0 => rng.pick(&c.numbers).clone(),
        1 => Value::from(rng.below(200) as f64 / 4.0 - 10.0),
        2 => Value::Bool(rng.chance(2)),
        3 => Value::Null,
        _ => Value::String(rng.pick(&c.words).clone()),
    }
}

fn random_value(rng: &mut Rng, c: &Corpus, depth: usize) -> Value {
    if depth > 2 || rng.below(3) > 0 {
        return random_scalar(rng, c);
    }
    if rng.chance(2) {
        Value::Array(
            (0..rng.below(3))
                .map(|_| random_value(rng, c, depth + 1))
                .collect(),
        )
    } else {
        let mut m = Map::new();
        for _ in 0..rng.below(3) {
            m.insert(rng.pick(&c.words).clone(), random_value(rng, c, depth + 1));
        }
        Value::Object(m)
    }
}

/// Every node of `v`, by JSON pointer: computed once per seed (a pointer that a mutation
/// made stale is skipped).
pub fn all_pointers(v: &Value) -> Vec<String> {
    let mut all = Vec::new();
    pointers(v, &mut String::new(), &mut all);
    all
}

/// One structure-aware mutation somewhere in `v`, whose nodes were `all` before mutating.
pub fn mutate_tree(v: &mut Value, all: &[String], rng: &mut Rng, c: &Corpus) {
    let target = rng.pick(all).clone();
    let donor_at: &String = rng.pick(all);
    let donor = v.pointer(donor_at).cloned();
    let Some(node) = v.pointer_mut(&target) else {
        return;
    };
    match rng.below(9) {
        0 => *node = random_scalar(rng, c),
        1 => *node = random_value(rng, c, 0),
        2 => {
            if let Some(d) = donor {
                *node = d;
            }
        }
        3 => match node {
            Value::Object(o) if !o.is_empty() => {
                let k = o.keys().nth(rng.below(o.len())).cloned();
                if let Some(k) = k {
                    o.remove(&k);
                }
            }
            Value::Array(a) if !a.is_empty() => {
                a.remove(rng.below(a.len()));
            }
            _ => *node = Value::Null,
        },
        4 => match node {
            Value::Object(o) => {
                o.insert(rng.pick(&c.words).clone(), random_value(rng, c, 0));
            }
            Value::Array(a) if !a.is_empty() => {
                let dup = a[rng.below(a.len())].clone();
                let at = rng.below(a.len() + 1);
                a.insert(at, dup);
            }
            _ => *node = random_value(rng, c, 0),
        },
        5 => {
            if let Value::Array(a) = node {
                if a.len() > 1 {
                    let (i, j) = (rng.below(a.len()), rng.below(a.len()));
                    a.swap(i, j);
                }
            }
        }
        6 => {
            if let Value::Number(n) = node {
                let x = n.as_f64().unwrap_or(0.0);
                let y = match rng.below(5) {
                    0 => -x,
                    1 => x * 2.0,
                    2 => x + 0.25,
                    3 => x - 1.0,
                    _ => x / 3.0,
                };
                *node = Value::from(y);
            } else {
                *node = random_scalar(rng, c);
            }
        }
        7 => {
            if let Value::String(s) = node {
                *s = rng.pick(&c.words).clone();
            } else {
                *node = Value::String(rng.pick(&c.words).clone());
            }
        }
        _ => {
            // A key renamed: a field lost and an unknown one added.
            if let Value::Object(o) = node {
                if let Some(k) = o.keys().nth(rng.below(o.len().max(1))).cloned() {
                    if let Some(v) = o.remove(&k) {
                        o.insert(rng.pick(&c.words).clone(), v);
                    }
                }
            }
        }
    }
}

const TOKENS: &[&str] = &[
    "{", "}", "[", "]", "\"", ",", ":", "null", "true", "-", "1e999", "0.5", "\\u0000", "\\", "é",
    "\u{feff}", "\"a\":1,", "[[[[[[[[",
];

/// A few byte-level mutations of `s`, kept on character boundaries.
pub fn mutate_text(s: &mut String, rng: &mut Rng) {
    for _ in 0..=rng.below(3) {
        let mut at = rng.below(s.len() + 1);
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        match rng.below(4) {
            0 => {
                let token: &&str = rng.pick(TOKENS);
                s.insert_str(at, token)
            }
            1 => {
                let mut end = (at + rng.below(16)).min(s.len());
                while !s.is_char_boundary(end) {
                    end -= 1;
                }
                s.replace_range(at..end, "");
            }
            2 => {
                let mut end = (at + rng.below(64)).min(s.len());
                while !s.is_char_boundary(end) {
                    end -= 1;
                }
                let piece = s[at..end].to_owned();
                s.insert_str(at, &piece);
            }
            _ => s.truncate(at),
        }
    }
}

/// A mutated JSON text from `seed`, whose nodes are `all`.
pub fn mutated_json(seed: &Value, all: &[String], rng: &mut Rng, c: &Corpus) -> String {
    let mut v = seed.clone();
    for _ in 0..=rng.below(4) {
        mutate_tree(&mut v, all, rng, c);
    }
    let mut text = v.to_string();
    if rng.chance(8) {
        mutate_text(&mut text, rng);
    }
    text
}

// ---------------------------------------------------------------------------------------------
// Properties

/// Every item within 0 and its maximum, every total finite and in range, and the to-do list
/// agreeing with its count.
pub fn assert_card(criteria: &Criteria, card: &Scorecard) {
    assert_eq!(card.items.len(), criteria.items.len());
    for s in &card.items {
        let def = criteria.def(s.item);
        assert!(
            s.points.is_finite() && s.points >= 0.0 && s.points <= s.max + 1e-9,
            "item {} scores {} of {}",
            def.id,
            s.points,
            s.max
        );
        assert_eq!(s.max, def.max);
    }
    for (a, score) in criteria.template.areas.iter().zip(&card.areas) {
        if let Some(p) = score.points {
            assert!(
                p.is_finite() && p >= -1e-9 && (a.kind == AreaKind::Regular || p <= a.max + 1e-9),
                "area {} has {p} of {}",
                a.id,
                a.max
            );
        }
    }
    for x in [card.achieved, card.bonus, card.penalty, card.total] {
        assert!(x.is_finite() && x >= -1e-9, "a total is {x}");
    }
    if let Some(i) = card.index {
        assert!((0.0..=100.0).contains(&i), "index {i}");
        assert!(card.band.is_some(), "index {i} has no band");
    }
    assert_eq!(card.pending_items().count(), card.pending_count());
}

fn check_report(t: &Templates, r: &Report, rng: &mut Rng) {
    let e = evaluate(t, r);
    assert_card(&t.criteria, &e.scorecard);
    // The roll-up's unexplained scoring stands where the explained one does.
    let standing = scoring::standing(&t.criteria, &e.computed, r);
    assert_eq!(
        (standing.index, standing.band),
        (e.scorecard.index, e.scorecard.band)
    );
    for f in &e.findings {
        for &c in &f.cells {
            assert!(c < t.appendix.cells.len());
        }
    }
    if rng.chance(16) {
        let text = exchange::export(t, r, &e, "2026-01-01T00:00:00Z");
        // What we export we import back.
        // (A year no import accepts can only come from an edit the app does not offer.)
        if text.len() <= exchange::MAX_IMPORT_BYTES && r.identity.check_range().is_ok() {
            let back = exchange::import(&text).expect("an export imports back");
            assert_eq!(&back, r);
        }
        let next = workspace::next_period(t, r, "next");
        assert_card(&t.criteria, &evaluate(t, &next).scorecard);
        let _ = exchange::file_name(r);
    }
}

/// A report filled at random on `appendix`: cells from its own ids and other words.
fn random_report(t: &Templates, rng: &mut Rng, c: &Corpus) -> Report {
    let mut r = t.new_report("fuzz");
    let ids: Vec<&str> = t.appendix.cells.iter().map(|c| c.id.as_str()).collect();
    for _ in 0..rng.below(40) {
        let cell = if ids.is_empty() || rng.chance(10) {
            rng.pick(&c.words).as_str()
        } else {
            *rng.pick(&ids)
        };
        r.set_value(cell, &random_raw(rng, c));
    }
    let items: Vec<String> = (0..t.criteria.items.len())
        .map(|ix| t.criteria.def(ix).id.clone())
        .collect();
    for _ in 0..rng.below(10) {
        if items.is_empty() {
            break;
        }
        let a = r.assessments.entry(rng.pick(&items).clone()).or_default();
        a.score = random_raw(rng, c);
        a.answer = [None, Some(true), Some(false)][rng.below(3)];
        a.not_applicable = rng.chance(4);
        if rng.chance(2) {
            a.parts.insert(rng.pick(&c.words).clone());
        }
        if rng.chance(2) {
            a.evidence.push(cchc_core::report::Evidence {
                title: random_raw(rng, c),
                ..Default::default()
            });
        }
    }
    r
}

fn random_raw(rng: &mut Rng, c: &Corpus) -> String {
    match rng.below(4) {
        0 => rng.below(100).to_string(),
        1 => format!("{},{}", rng.below(1000), rng.below(100)),
        2 => rng.pick(NASTY).to_string(),
        _ => rng.pick(&c.words).clone(),
    }
}

// ---------------------------------------------------------------------------------------------
// Targets

/// Runs one input of `target`; a panic or a broken property is a crash.
pub fn run_one(target: Target, input: &str, c: &Corpus, rng: &mut Rng) -> Result<bool, String> {
    quiet_panics();
    QUIET.with(|q| q.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| match target {
        Target::Import => import_one(input, c, rng),
        Target::Appendix => appendix_one(input, c, rng),
        Target::Criteria => criteria_one(input, c, rng),
        Target::Edits => edits_one(input, c),
    }));
    QUIET.with(|q| q.set(false));
    result.map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "panic".into())
    })
}

fn import_one(input: &str, c: &Corpus, rng: &mut Rng) -> bool {
    match exchange::import_with_notes(input) {
        Ok(i) => {
            let _ = i.notes.len();
            check_report(&c.templates, &i.report, rng);
            true
        }
        Err(e) => {
            let m = e.message();
            assert!(m.vi.chars().count() < 1000, "long message: {}", m.vi.len());
            false
        }
    }
}

fn appendix_one(input: &str, c: &Corpus, rng: &mut Rng) -> bool {
    let Ok(appendix) = Appendix::from_json(input) else {
        return false;
    };
    // The sample set against the mutated appendix, or an empty set that reads nothing.
    let criteria = Criteria::from_json(CRITERIA_SAMPLE, &appendix).or_else(|_| {
        let mut v = c.criteria.clone();
        v["appendix"] = Value::String(appendix.template.id.clone());
        v["areas"] = serde_json::json!([{"id": "s", "stt": "1", "title": "S", "kind": "survey", "max": 100}]);
        Criteria::from_json(&v.to_string(), &appendix)
    });
    let Ok(criteria) = criteria else {
        return true;
    };
    let t = Templates { appendix, criteria };
    let r = random_report(&t, rng, c);
    check_report(&t, &r, rng);
    for ix in 0..t.appendix.cells.len() {
        let _ = t.appendix.cell_label(ix);
        let _ = t.appendix.table_of(ix);
    }
    true
}

fn criteria_one(input: &str, c: &Corpus, rng: &mut Rng) -> bool {
    let Ok(criteria) = Criteria::from_json(input, &c.templates.appendix) else {
        return false;
    };
    let t = Templates {
        appendix: c.templates.appendix.clone(),
        criteria,
    };
    for _ in 0..=rng.below(2) {
        let r = random_report(&t, rng, c);
        check_report(&t, &r, rng);
    }
    true
}

/// The edits of one input, from its seed (the input is the seed's decimal text).
pub fn edits_of(seed: u64, c: &Corpus) -> Vec<Edit> {
    let mut rng = Rng::new(seed);
    let n = rng.below(30) + 1;
    (0..n).map(|_| random_edit(&mut rng, c)).collect()
}

fn random_edit(rng: &mut Rng, c: &Corpus) -> Edit {
    let item = |rng: &mut Rng| {
        if rng.chance(10) {
            rng.pick(&c.words).clone()
        } else {
            rng.pick(&c.items).clone()
        }
    };
    let date = |rng: &mut Rng| {
        if rng.chance(4) {
            None
        } else {
            let y = [2026, 2025, 1, -262_000, 262_000, 2100][rng.below(6)];
            NaiveDate::from_ymd_opt(y, rng.below(12) as u32 + 1, rng.below(28) as u32 + 1)
        }
    };
    match rng.below(13) {
        0..=3 => Edit::Value {
            cell: if rng.chance(10) {
                rng.pick(&c.words).clone()
            } else {
                rng.pick(&c.cells).clone()
            },
            raw: random_raw(rng, c),
        },
        4 => Edit::Score {
            item: item(rng),
            raw: random_raw(rng, c),
        },
        5 => Edit::Answer {
            item: item(rng),
            answer: [None, Some(true), Some(false)][rng.below(3)],
        },
        6 => Edit::Part {
            item: item(rng),
            part: if rng.chance(5) {
                rng.pick(&c.words).clone()
            } else {
                rng.pick(&c.parts).clone()
            },
            met: rng.chance(3) || rng.chance(2),
        },
        7 => Edit::NotApplicable {
            item: item(rng),
            value: rng.chance(2),
        },
        8 => Edit::AddEvidence { item: item(rng) },
        9 => Edit::Evidence {
            item: item(rng),
            index: rng.below(3),
            field: [
                EvidenceField::Title,
                EvidenceField::Number,
                EvidenceField::Date,
                EvidenceField::Location,
            ][rng.below(4)],
            text: random_raw(rng, c),
        },
        10 => Edit::RemoveEvidence {
            item: item(rng),
            index: rng.below(4),
        },
        11 => Edit::OptionalSection {
            section: rng.pick(&c.words).clone(),
            included: rng.chance(2),
        },
        _ => Edit::Identity(match rng.below(8) {
            0 => IdentityEdit::Year([2026, 0, -1, i32::MAX, i32::MIN, 2100, 1999][rng.below(7)]),
            1 => IdentityEdit::Period(*rng.pick(&PeriodKind::ALL)),
            2 => IdentityEdit::From(date(rng)),
            3 => IdentityEdit::To(date(rng)),
            4 => IdentityEdit::Date(date(rng)),
            5 => IdentityEdit::CommuneKind(*rng.pick(&CommuneKind::ALL)),
            6 => IdentityEdit::Commune(random_raw(rng, c)),
            _ => IdentityEdit::Number(random_raw(rng, c)),
        }),
    }
}

fn edits_one(input: &str, c: &Corpus) -> bool {
    let seed: u64 = input.trim().parse().unwrap_or(0);
    let t = &c.templates;
    let mut r = t.new_report("fuzz");
    let mut rng = Rng::new(seed ^ 0x5555);
    let edits = edits_of(seed, c);
    let midway = rng.below(edits.len() + 1);
    for (n, edit) in edits.into_iter().enumerate() {
        r.apply(edit);
        if n == midway {
            assert_card(&t.criteria, &evaluate(t, &r).scorecard);
        }
    }
    check_report(t, &r, &mut rng);
    if rng.chance(4) {
        r.apply(Edit::Criteria(TemplateRef::default()));
    }
    true
}

/// The input of case `n` of `target` under `seed`.
pub fn input_for(target: Target, case: u64, rng: &mut Rng, c: &Corpus) -> String {
    match target {
        Target::Import => {
            // The export (large) one time in ten; the bare reports otherwise.
            let i = if rng.chance(10) {
                0
            } else {
                1 + rng.below(c.reports.len() - 1)
            };
            if rng.chance(50) {
                // Plain garbage now and then.
                let mut s = String::from("{\"format\":\"phuluc-cchc\",\"report\":");
                mutate_text(&mut s, rng);
                return s;
            }
            mutated_json(&c.reports[i], &c.nodes[2 + i], rng, c)
        }
        Target::Appendix => mutated_json(&c.appendix, &c.nodes[0], rng, c),
        Target::Criteria => mutated_json(&c.criteria, &c.nodes[1], rng, c),
        Target::Edits => case.to_string(),
    }
}

/// Runs `n` inputs of `target` from `seed`.
pub fn run(target: Target, seed: u64, n: u64, c: &Corpus) -> Stats {
    run_with_progress(target, seed, n, c, |_| {})
}

/// `run`, calling `progress` every 10,000 inputs.
pub fn run_with_progress(
    target: Target,
    seed: u64,
    n: u64,
    c: &Corpus,
    mut progress: impl FnMut(&Stats),
) -> Stats {
    let mut rng = Rng::new(seed ^ (target as u64 + 1).wrapping_mul(0x1234_5678_9abc));
    let mut stats = Stats::default();
    for case in 0..n {
        let input = input_for(
            target,
            seed.wrapping_mul(1_000_003).wrapping_add(case),
            &mut rng,
            c,
        );
        stats.inputs += 1;
        match run_one(target, &input, c, &mut rng) {
            Ok(true) => stats.accepted += 1,
            Ok(false) => {}
            Err(message) => stats.crashes.push(Crash {
                target,
                input,
                message,
            }),
        }
        if stats.inputs % 10_000 == 0 {
            progress(&stats);
        }
    }
    stats
}

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Panics inside the fuzzer are expected findings, not noise: silence them on the fuzzing
/// thread only, so the other tests running alongside keep their messages.
fn quiet_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                previous(info);
            }
        }));
    });
}

/// Where crashing inputs are kept, one file each, replayed by the test suite.
pub const REGRESSIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-regressions");

/// Saves a crashing input as `<target>-<hash>.txt`; returns its path.
pub fn save(crash: &Crash) -> std::io::Result<String> {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    crash.input.hash(&mut h);
    std::fs::create_dir_all(REGRESSIONS)?;
    let path = format!(
        "{REGRESSIONS}/{}-{:016x}.txt",
        crash.target.name(),
        h.finish()
    );
    std::fs::write(&path, &crash.input)?;
    Ok(path)
}
