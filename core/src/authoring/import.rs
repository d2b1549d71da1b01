//! A province's criteria table, as published in a decision's appendix, read from a spreadsheet
//! into a criteria set (docs/CRITERIA-SPREADSHEET.md).
//!
//! The header row is found by its labels (STT, nội dung / tiêu chí, điểm tối đa, cách chấm …),
//! compared without accents or case. The hierarchy comes from the STT: Roman numerals or
//! "Lĩnh vực …" rows are areas, then 1 / 1.1 / 1.1.1 by depth. A row with an empty STT and no
//! points continues the row above (a merged STT cell). Optional columns name a rule kind and its
//! inputs; a row whose rule cannot be read becomes a manual item and is listed with its row
//! number, so the author finishes it in the editor. Nothing in the file is dropped silently.

use crate::template::criteria::{
    Area, AreaKind, Band, CriteriaTemplate, Criterion, Item, Part, PointBand, RatioSource, Rule,
    WhenEmpty,
};
use crate::template::{Appendix, Criteria};
use crate::template::{CellKind, TemplateError};
use crate::text::Text;

use super::fold::fold;

/// What the spreadsheet does not say about the set.
#[derive(Clone, Debug)]
pub struct SetMeta {
    pub id: String,
    pub version: u32,
    pub title: Text,
    /// The decision's number and date.
    pub source: Text,
    /// The score step of manual items (0,25 in most provinces).
    pub step: f64,
}

impl Default for SetMeta {
    fn default() -> Self {
        SetMeta {
            id: "bo-tieu-chi-tinh".into(),
            version: 1,
            title: Text::new(
                "Bộ tiêu chí xác định Chỉ số CCHC cấp xã",
                "Commune PAR Index criteria",
            ),
            source: Text::default(),
            step: 0.25,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// No rule was given: the item is scored by hand until the author picks a rule.
    Manual,
    /// A rule was given but could not be read: the item is manual, the reason is said.
    Unreadable,
    /// A maximum missing or unreadable, or not equal to what the row holds.
    Points,
    /// The row was read in a way the author should check (a merged cell, a deep level).
    Structure,
    /// A row left out: empty, a total, a heading repeated.
    Skipped,
    /// Something the file does not say was set to a default (the classification bands).
    Default,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportNote {
    /// The row in the file, from 1 as a spreadsheet numbers it; 0 for the set as a whole.
    pub row: usize,
    pub kind: NoteKind,
    pub message: Text,
}

#[derive(Clone, Debug)]
pub struct CriteriaImport {
    pub template: CriteriaTemplate,
    pub notes: Vec<ImportNote>,
    /// Why the set does not compile against the appendix yet (the compiler's own message),
    /// `None` when it is ready to use.
    pub problem: Option<TemplateError>,
}

impl CriteriaImport {
    /// The rows that became manual items, with why: what is left for the editor.
    pub fn to_finish(&self) -> impl Iterator<Item = &ImportNote> {
        self.notes
            .iter()
            .filter(|n| matches!(n.kind, NoteKind::Manual | NoteKind::Unreadable))
    }

    pub fn item_count(&self) -> usize {
        self.template
            .areas
            .iter()
            .flat_map(|a| &a.criteria)
            .map(|c| c.items.len())
            .sum()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Stt,
    Title,
    Max,
    Method,
    Note,
    Evidence,
    Rule,
    Input,
    Params,
    WhenEmpty,
    Na,
}

/// Which column a header label names. The specific labels are tried first: "nội dung thang
/// điểm" is how to score, not the title.
fn column_of(label: &str) -> Option<Col> {
    let h = fold(label);
    let has = |s: &str| h.contains(s);
    if h == "stt" || h == "tt" || h.starts_with("so tt") || h.starts_with("so thu tu") {
        return Some(Col::Stt);
    }
    if has("cach cham")
        || has("cach tinh diem")
        || has("phuong phap cham")
        || has("huong dan cham")
        || has("noi dung thang diem")
        || has("can cu cham")
    {
        return Some(Col::Method);
    }
    if has("loai quy tac") || h == "quy tac" || h == "quy tac cham" || h == "rule" {
        return Some(Col::Rule);
    }
    if has("o phu luc") || has("so lieu phu luc") || has("nguon so lieu") || h == "so lieu" {
        return Some(Col::Input);
    }
    if h.starts_with("muc") || has("tham so") || has("nguong") {
        return Some(Col::Params);
    }
    if has("khong phat sinh") {
        return Some(Col::WhenEmpty);
    }
    if has("khong ap dung") || h == "kad" {
        return Some(Col::Na);
    }
    if has("kiem chung") || h == "tlkc" {
        return Some(Col::Evidence);
    }
    if has("ghi chu") {
        return Some(Col::Note);
    }
    if has("diem toi da")
        || has("diem chuan")
        || h == "thang diem"
        || h == "diem"
        || h == "toi da"
        || h == "so diem"
    {
        return Some(Col::Max);
    }
    if has("noi dung") || has("tieu chi") || has("linh vuc") || has("chi so") || h == "ten" {
        return Some(Col::Title);
    }
    None
}

/// The header row (its index) and the column of each field.
fn find_header(sheet: &[Vec<String>]) -> Option<(usize, Vec<(Col, usize)>)> {
    sheet.iter().take(40).enumerate().find_map(|(ri, row)| {
        let mut cols: Vec<(Col, usize)> = Vec::new();
        for (ci, cell) in row.iter().enumerate() {
            if let Some(c) = column_of(cell) {
                if !cols.iter().any(|(k, _)| *k == c) {
                    cols.push((c, ci));
                }
            }
        }
        let has = |c: Col| cols.iter().any(|(k, _)| *k == c);
        (has(Col::Stt) && has(Col::Title) && has(Col::Max)).then_some((ri, cols))
    })
}

/// One data row of the file, its fields trimmed.
#[derive(Clone, Debug, Default)]
struct Line {
    row: usize,
    stt: String,
    title: String,
    max: String,
    method: String,
    note: String,
    evidence: String,
    rule: String,
    input: String,
    params: String,
    when_empty: String,
    na: String,
}

impl Line {
    fn read(row: usize, cells: &[String], cols: &[(Col, usize)]) -> Line {
        let get = |c: Col| {
            cols.iter()
                .find(|(k, _)| *k == c)
                .and_then(|(_, i)| cells.get(*i))
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        Line {
            row,
            stt: get(Col::Stt),
            title: get(Col::Title),
            max: get(Col::Max),
            method: get(Col::Method),
            note: get(Col::Note),
            evidence: get(Col::Evidence),
            rule: get(Col::Rule),
            input: get(Col::Input),
            params: get(Col::Params),
            when_empty: get(Col::WhenEmpty),
            na: get(Col::Na),
        }
    }

    fn is_blank(&self) -> bool {
        [
            &self.stt,
            &self.title,
            &self.max,
            &self.method,
            &self.note,
            &self.evidence,
            &self.rule,
            &self.input,
            &self.params,
        ]
        .iter()
        .all(|s| s.is_empty())
    }

    /// Appends another row's texts to this one (the lines of a merged cell).
    fn absorb(&mut self, other: &Line) {
        for (mine, theirs) in [
            (&mut self.title, &other.title),
            (&mut self.method, &other.method),
            (&mut self.note, &other.note),
            (&mut self.evidence, &other.evidence),
        ] {
            if theirs.is_empty() {
                continue;
            }
            if !mine.is_empty() {
                mine.push('\n');
            }
            mine.push_str(theirs);
        }
    }

    /// Cách chấm and ghi chú together: what the officer reads to score.
    fn guide(&self) -> Text {
        let mut s = self.method.clone();
        if !self.note.is_empty() {
            if !s.is_empty() {
                s.push('\n');
            }
            s.push_str(&self.note);
        }
        Text::new(s, "")
    }
}

/// What an STT says about a row's level.
#[derive(Clone, Debug, PartialEq)]
enum Stt {
    Roman,
    /// "1", "1.1", "1.1.1": the number of parts.
    Number(usize),
    /// "a)", "-", "+": a sub-point of the row above.
    Sub,
    Empty,
    Other,
}

fn clean_stt(s: &str) -> String {
    s.trim()
        .trim_end_matches(['.', ')', ':'])
        .trim()
        .replace(' ', "")
}

fn classify(stt: &str) -> Stt {
    let s = clean_stt(stt);
    if s.is_empty() {
        return Stt::Empty;
    }
    if s.chars().all(|c| "IVXLC".contains(c)) {
        return Stt::Roman;
    }
    let parts: Vec<&str> = s.split('.').collect();
    if parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        return Stt::Number(parts.len());
    }
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_ascii_lowercase() || "-+*•–—".contains(c) {
            return Stt::Sub;
        }
    }
    Stt::Other
}

fn is_area_title(title: &str) -> bool {
    fold(title).starts_with("linh vuc")
}

fn is_total(title: &str) -> bool {
    let t = fold(title);
    t == "tong" || t.starts_with("tong cong") || t.starts_with("tong diem") || t == "cong"
}

/// Points as provinces write them: "0,5", "0.5", "1 điểm", "01". A spreadsheet's own number
/// arrives as "0.5"; points are never in the thousands, so a dot is a decimal point here.
pub(crate) fn parse_points(raw: &str) -> Option<f64> {
    let mut s = raw.trim().to_lowercase();
    for suffix in ["điểm", "đ"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim().to_owned();
        }
    }
    let digits_and_one_separator = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && s.matches([',', '.']).count() <= 1;
    if !digits_and_one_separator {
        return None;
    }
    let v: f64 = s.replace(',', ".").parse().ok()?;
    (v.is_finite() && v >= 0.0).then_some(v)
}

/// A node of the hierarchy read from the STT.
#[derive(Debug)]
struct Node {
    line: Line,
    level: usize,
    children: Vec<usize>,
}

struct Builder<'a> {
    appendix: &'a Appendix,
    meta: &'a SetMeta,
    notes: Vec<ImportNote>,
    ids: Vec<String>,
    /// "I." under Roman areas, whose criteria restart at 1: ids are "I.1", "I.1.2" while the
    /// STT shows "1", "1.2" as printed.
    prefix: String,
}

impl Builder<'_> {
    /// The id a row's STT gives, under the area's prefix; `fallback` for a row without one.
    fn stt_id(&self, line: &Line, fallback: String) -> String {
        match clean_stt(&line.stt) {
            s if s.is_empty() => format!("{}{fallback}", self.prefix),
            s => format!("{}{s}", self.prefix),
        }
    }

    fn note(&mut self, row: usize, kind: NoteKind, vi: String, en: String) {
        self.notes.push(ImportNote {
            row,
            kind,
            message: Text::new(vi, en),
        });
    }

    /// A unique id: the wanted one, or with "-2", "-3" … when it is taken (a repeated STT).
    fn id(&mut self, row: usize, want: &str) -> String {
        let mut id = want.to_owned();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{want}-{n}");
            n += 1;
        }
        if id != want {
            self.note(
                row,
                NoteKind::Structure,
                format!("STT «{want}» trùng với một dòng trước: đặt mã «{id}»."),
                format!("The number “{want}” repeats an earlier row: id “{id}” given."),
            );
        }
        self.ids.push(id.clone());
        id
    }

    /// A row's own maximum, or the sum of what it holds when the row gives none.
    fn max_of(&mut self, line: &Line, sum: Option<f64>) -> f64 {
        match (parse_points(&line.max), sum) {
            (Some(v), Some(s)) if (v - s).abs() > 1e-9 => {
                self.note(
                    line.row,
                    NoteKind::Points,
                    format!(
                        "«{}» ghi tối đa {} điểm nhưng các mục con cộng lại {} điểm.",
                        line.stt,
                        crate::number::format_trimmed(v, 2),
                        crate::number::format_trimmed(s, 2)
                    ),
                    format!(
                        "“{}” declares {} points but its parts add up to {}.",
                        line.stt,
                        crate::number::format_trimmed(v, 2),
                        crate::number::format_trimmed(s, 2)
                    ),
                );
                v
            }
            (Some(v), _) => v,
            (None, Some(s)) => {
                if !line.max.is_empty() {
                    self.unreadable_max(line);
                }
                s
            }
            (None, None) => {
                if line.max.is_empty() {
                    self.note(
                        line.row,
                        NoteKind::Points,
                        "Thiếu điểm tối đa: hãy nhập trong trình soạn.".into(),
                        "No maximum: enter it in the editor.".into(),
                    );
                } else {
                    self.unreadable_max(line);
                }
                0.0
            }
        }
    }

    fn unreadable_max(&mut self, line: &Line) {
        self.note(
            line.row,
            NoteKind::Points,
            format!("Điểm tối đa «{}» không đọc được.", line.max),
            format!("The maximum “{}” cannot be read.", line.max),
        );
    }

    /// The item of a leaf row: its rule read from the optional columns, or manual.
    fn item(&mut self, line: &Line, id: String, title_prefix: &str) -> Item {
        let max = self.max_of(line, None);
        let manual = Rule::Manual {
            step: manual_step(max, self.meta.step),
        };
        let rule = match read_rule(line, max, self.appendix) {
            Ok(Some(rule)) => match check_alone(
                &rule,
                max,
                &format!("dòng {}", line.row),
                self.appendix,
                self.meta.step,
            ) {
                Ok(()) => rule,
                Err(e) => {
                    let m = e.message();
                    self.note(
                        line.row,
                        NoteKind::Unreadable,
                        format!(
                            "Quy tắc «{}» chưa dùng được: {} Đã để chấm thủ công.",
                            line.rule, m.vi
                        ),
                        format!(
                            "The rule “{}” cannot be used: {} Left manual.",
                            line.rule, m.en
                        ),
                    );
                    manual
                }
            },
            Ok(None) => {
                let how = if line.method.is_empty() {
                    String::new()
                } else {
                    format!(" Cách chấm: «{}».", one_line(&line.method))
                };
                self.note(
                    line.row,
                    NoteKind::Manual,
                    format!("Chưa có quy tắc: chấm thủ công.{how}"),
                    format!("No rule given: scored by hand.{how}"),
                );
                manual
            }
            Err(why) => {
                self.note(
                    line.row,
                    NoteKind::Unreadable,
                    format!(
                        "Quy tắc «{}» không đọc được: {} Đã để chấm thủ công.",
                        line.rule, why.vi
                    ),
                    format!(
                        "The rule “{}” cannot be read: {} Left manual.",
                        line.rule, why.en
                    ),
                );
                manual
            }
        };
        let title = if title_prefix.is_empty() {
            line.title.clone()
        } else {
            format!("{title_prefix} — {}", line.title)
        };
        Item {
            id,
            stt: clean_stt(&line.stt),
            title: Text::new(title, ""),
            max,
            rule,
            evidence_hint: Text::new(line.evidence.clone(), ""),
            guide: line.guide(),
            na_allowed: yes(&line.na),
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn yes(s: &str) -> bool {
    matches!(fold(s).as_str(), "x" | "co" | "yes" | "1" | "duoc")
}

/// The set's step when the maximum is a multiple of it, else the coarsest of 0,05 and 0,01
/// that fits (a 0,1-point item under a 0,25 step).
fn manual_step(max: f64, step: f64) -> Option<f64> {
    let fits = |s: f64| ((max / s).round() * s - max).abs() < 1e-9;
    if fits(step) {
        None
    } else {
        [0.05, 0.01].into_iter().find(|&s| fits(s))
    }
}

/// Checks one rule with the compiler, alone in a one-item set, so its message is the
/// compiler's own.
pub(crate) fn check_alone(
    rule: &Rule,
    max: f64,
    at: &str,
    appendix: &Appendix,
    step: f64,
) -> Result<(), TemplateError> {
    let id = at.to_owned();
    let t = CriteriaTemplate {
        id: "__kiem_tra".into(),
        version: 1,
        title: Text::default(),
        sample: false,
        source: Text::default(),
        appendix: appendix.template.id.clone(),
        scale: max,
        step,
        no_evidence_scores_zero: false,
        bands: vec![Band {
            label: Text::default(),
            from: 0.0,
            to: None,
        }],
        areas: vec![Area {
            id: "__lv".into(),
            stt: String::new(),
            title: Text::default(),
            kind: AreaKind::Regular,
            max,
            criteria: vec![Criterion {
                id: "__tc".into(),
                stt: String::new(),
                title: Text::default(),
                max,
                items: vec![Item {
                    id,
                    stt: String::new(),
                    title: Text::default(),
                    max,
                    rule: rule.clone(),
                    evidence_hint: Text::default(),
                    guide: Text::default(),
                    na_allowed: false,
                }],
            }],
        }],
    };
    Criteria::compile(t, appendix).map(|_| ())
}

fn err(vi: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(vi, en)
}

/// The rule of a row from its optional columns; `Ok(None)` when it names none.
fn read_rule(line: &Line, max: f64, a: &Appendix) -> Result<Option<Rule>, Text> {
    let k = fold(&line.rule);
    if k.is_empty() {
        return Ok(None);
    }
    let when_empty = when_empty(&line.when_empty)?;
    let kind = rule_kind(&k).ok_or_else(|| {
        err(
            "loại quy tắc không có trong danh sách (xem docs/CRITERIA-SPREADSHEET.md).",
            "not a known rule kind (see docs/CRITERIA-SPREADSHEET.md).",
        )
    })?;
    let param = || {
        parse_points(&line.params.replace('%', "")).ok_or_else(|| {
            err(
                format!("cột Mức cần một số, không phải «{}».", line.params),
                format!("the Mức column needs a number, not “{}”.", line.params),
            )
        })
    };
    let ratio = || resolve_ratio(&line.input, a);
    Ok(Some(match kind {
        "manual" => Rule::Manual {
            step: match line.params.is_empty() {
                true => manual_step(max, 0.25),
                false => Some(param()?),
            },
        },
        "yes_no" => Rule::YesNo {
            cell: match line.input.is_empty() {
                true => None,
                false => Some(resolve_cell(&line.input, a, &[CellKind::YesNo])?),
            },
        },
        "proportional" => Rule::Proportional {
            ratio: ratio()?,
            when_empty,
        },
        "threshold" => Rule::Threshold {
            ratio: ratio()?,
            threshold: param()?,
            when_empty,
        },
        "proportional_in_band" => Rule::ProportionalInBand {
            ratio: ratio()?,
            min_percent: param()?,
            when_empty,
        },
        "ratio_bands" => Rule::RatioBands {
            ratio: ratio()?,
            bands: point_bands(&line.params)?,
            when_empty,
        },
        "additive" => Rule::Additive {
            parts: parts(&line.params)?,
        },
        "deduction" | "per_case" => {
            let cell = resolve_cell(
                &line.input,
                a,
                &[CellKind::Count, CellKind::Money, CellKind::Decimal],
            )?;
            let per_case = param()?;
            if kind == "deduction" {
                Rule::Deduction { cell, per_case }
            } else {
                Rule::PerCase { cell, per_case }
            }
        }
        _ => return Ok(None),
    }))
}

/// The rule kind a folded label names: the Vietnamese names of the docs, or the JSON names.
fn rule_kind(k: &str) -> Option<&'static str> {
    const NAMES: &[(&str, &[&str])] = &[
        ("manual", &["thu cong", "tu cham", "manual", "nhap diem"]),
        ("yes_no", &["co khong", "co hoac khong", "yes no"]),
        (
            "proportional_in_band",
            &[
                "ty le tu nguong",
                "ti le tu nguong",
                "proportional in band",
                "ty le trong khoang",
            ],
        ),
        (
            "threshold",
            &["du diem tu nguong", "dat nguong", "nguong", "threshold"],
        ),
        (
            "ratio_bands",
            &["theo muc ty le", "muc ty le", "theo muc", "ratio bands"],
        ),
        (
            "proportional",
            &["ty le", "ti le", "theo ty le", "proportional"],
        ),
        (
            "additive",
            &["cong y", "cong theo y", "cong diem", "additive"],
        ),
        (
            "deduction",
            &["tru diem", "tru theo truong hop", "deduction"],
        ),
        (
            "per_case",
            &["moi truong hop", "theo truong hop", "per case"],
        ),
    ];
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&k))
        .map(|(kind, _)| *kind)
}

fn when_empty(raw: &str) -> Result<WhenEmpty, Text> {
    Ok(match fold(raw).as_str() {
        "" | "khong ap dung" | "not applicable" | "kad" => WhenEmpty::NotApplicable,
        "du diem" | "toi da" | "diem toi da" | "full" => WhenEmpty::Full,
        "0" | "0 diem" | "khong diem" | "zero" => WhenEmpty::Zero,
        _ => {
            return Err(err(
                format!("cột «Khi không phát sinh» ghi «{raw}»: dùng «không áp dụng», «đủ điểm» hoặc «0 điểm»."),
                format!("the “when nothing to count” column says “{raw}”: use không áp dụng, đủ điểm or 0 điểm."),
            ))
        }
    })
}

/// "100: 2; 95: 1; 0: 0" (or with ≥ and %, one per line): ratio from which → points.
pub(crate) fn point_bands(raw: &str) -> Result<Vec<PointBand>, Text> {
    let mut bands = Vec::new();
    for seg in raw.split([';', '\n']).filter(|s| !s.trim().is_empty()) {
        let (l, r) = seg.split_once(':').ok_or_else(|| {
            err(
                format!(
                    "mức «{}» cần dạng «tỷ lệ: điểm», ví dụ «95: 1».",
                    seg.trim()
                ),
                format!(
                    "band “{}” needs the form “rate: points”, e.g. “95: 1”.",
                    seg.trim()
                ),
            )
        })?;
        let below = l.contains('<') || fold(l).starts_with("duoi");
        let min = if below {
            Some(0.0)
        } else {
            parse_points(&l.replace(['≥', '>', '=', '%'], "").replace("từ", ""))
        };
        match (min, parse_points(r)) {
            (Some(min), Some(points)) => bands.push(PointBand { min, points }),
            _ => {
                return Err(err(
                    format!("mức «{}» không đọc được.", seg.trim()),
                    format!("band “{}” cannot be read.", seg.trim()),
                ))
            }
        }
    }
    if bands.is_empty() {
        return Err(err(
            "cột Mức cần các mức «tỷ lệ: điểm».",
            "the Mức column needs “rate: points” bands.",
        ));
    }
    bands.sort_by(|a, b| b.min.total_cmp(&a.min));
    Ok(bands)
}

/// "Có kế hoạch: 0,25; Đúng hạn: 0,25; Đủ nội dung: 0,5": sub-items the officer ticks.
pub(crate) fn parts(raw: &str) -> Result<Vec<Part>, Text> {
    let mut out = Vec::new();
    for (i, seg) in raw
        .split([';', '\n'])
        .filter(|s| !s.trim().is_empty())
        .enumerate()
    {
        let (label, pts) = seg
            .rsplit_once(':')
            .and_then(|(l, r)| Some((l.trim(), parse_points(r)?)))
            .ok_or_else(|| {
                err(
                    format!("ý «{}» cần dạng «nội dung: điểm».", seg.trim()),
                    format!("sub-item “{}” needs the form “label: points”.", seg.trim()),
                )
            })?;
        out.push(Part {
            id: format!("y{}", i + 1),
            label: Text::new(label, ""),
            points: pts,
            cell: None,
        });
    }
    if out.is_empty() {
        return Err(err(
            "cột Mức cần các ý «nội dung: điểm».",
            "the Mức column needs “label: points” sub-items.",
        ));
    }
    Ok(out)
}

/// A ratio named by a rate (id or label), a percent cell (id or label), or
/// "a + b / c + d" over count cells.
fn resolve_ratio(raw: &str, a: &Appendix) -> Result<RatioSource, Text> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(err(
            "cần cột «Số liệu» (tỷ lệ hoặc ô của phụ lục).",
            "needs the Số liệu column (a rate or appendix cells).",
        ));
    }
    // A whole label first: "Tỷ lệ đúng tiến độ (QĐ 766/QĐ-TTg)" has a slash of its own.
    if let Ok(whole) = resolve_named_ratio(raw, a) {
        return Ok(whole);
    }
    if let Some((num, den)) = raw.split_once('/') {
        let list = |s: &str| -> Result<Vec<String>, Text> {
            s.split('+')
                .map(|t| resolve_cell(t, a, &[CellKind::Count, CellKind::Money, CellKind::Decimal]))
                .collect()
        };
        return Ok(RatioSource::Cells {
            num: list(num)?,
            den: list(den)?,
        });
    }
    resolve_named_ratio(raw, a)
}

/// A rate by id or label, or a percent cell by id or label.
fn resolve_named_ratio(raw: &str, a: &Appendix) -> Result<RatioSource, Text> {
    let key = unquote(raw);
    let f = fold(key);
    if let Some(r) = a
        .template
        .rates
        .iter()
        .find(|r| r.id == key || fold(&r.label.vi) == f)
    {
        return Ok(RatioSource::Rate(r.id.clone()));
    }
    resolve_cell(raw, a, &[CellKind::Percent]).map(RatioSource::Cell)
}

fn unquote(s: &str) -> &str {
    s.trim().trim_matches(['«', '»', '"', '“', '”']).trim()
}

/// A cell by its id, or by its label (accent- and case-insensitive) when exactly one cell of
/// a wanted kind has it.
fn resolve_cell(raw: &str, a: &Appendix, kinds: &[CellKind]) -> Result<String, Text> {
    let key = unquote(raw);
    if let Some(ix) = a.cell(key) {
        return Ok(a.cells[ix].id.clone());
    }
    let f = fold(key);
    let found: Vec<usize> = (0..a.cells.len())
        .filter(|&ix| kinds.contains(&a.cells[ix].kind))
        .filter(|&ix| {
            let p = a.cells[ix].pos;
            let row = &a.template.sections[p.section].tables[p.table].rows[p.row];
            fold(&a.cell_label(ix).vi) == f || (p.col.is_none() && fold(&row.label.vi) == f)
        })
        .collect();
    match found.as_slice() {
        [ix] => Ok(a.cells[*ix].id.clone()),
        [] => Err(err(
            format!("phụ lục không có ô «{key}»."),
            format!("the appendix has no cell “{key}”."),
        )),
        _ => Err(err(
            format!("nhiều ô của phụ lục mang nhãn «{key}»: hãy ghi mã ô."),
            format!("several appendix cells are labelled “{key}”: give the cell id."),
        )),
    }
}

/// Where Cao Bằng's bands come from: DOMAIN.md §4. The file does not hold bands, so these
/// stand in and are noted.
pub(crate) fn default_bands() -> Vec<Band> {
    let b = |vi: &str, en: &str, from: f64, to: Option<f64>| Band {
        label: Text::new(vi, en),
        from,
        to,
    };
    vec![
        b("Tốt", "Good", 90.0, None),
        b("Khá", "Fair", 70.0, Some(90.0)),
        b("Trung bình", "Average", 50.0, Some(70.0)),
        b("Kém", "Poor", 0.0, Some(50.0)),
    ]
}

fn area_kind(title: &str) -> AreaKind {
    let t = fold(title);
    if t.contains("dieu tra xa hoi hoc") || t.contains("dtxhh") {
        AreaKind::Survey
    } else if t.contains("diem thuong") || t.contains("diem cong") {
        AreaKind::Bonus
    } else if t.contains("diem tru") {
        AreaKind::Penalty
    } else {
        AreaKind::Regular
    }
}

/// Reads a criteria table. `Err` only when the file has no recognisable header or no rows;
/// every other fault is a note, and the set is returned for the editor to finish.
pub fn import_criteria(
    sheet: &[Vec<String>],
    appendix: &Appendix,
    meta: SetMeta,
) -> Result<CriteriaImport, Text> {
    let (header, cols) = find_header(sheet).ok_or_else(|| {
        err(
            "Không tìm thấy dòng tiêu đề có các cột «STT», «Nội dung/Tiêu chí» và «Điểm tối đa».",
            "No header row with the columns STT, Nội dung/Tiêu chí and Điểm tối đa was found.",
        )
    })?;
    let mut b = Builder {
        appendix,
        meta: &meta,
        notes: Vec::new(),
        ids: Vec::new(),
        prefix: String::new(),
    };
    // Rows, merged continuations folded into the row above.
    let mut lines: Vec<Line> = Vec::new();
    let mut declared_total = None;
    for (ri, cells) in sheet.iter().enumerate().skip(header + 1) {
        let line = Line::read(ri + 1, cells, &cols);
        if line.is_blank() {
            continue;
        }
        if is_total(&line.title) {
            declared_total = parse_points(&line.max);
            b.note(
                line.row,
                NoteKind::Skipped,
                "Dòng tổng cộng: không phải tiêu chí, dùng để đối chiếu thang điểm.".into(),
                "A total row: not a criterion, used to check the scale.".into(),
            );
            continue;
        }
        if classify(&line.stt) == Stt::Empty && line.max.is_empty() && !is_area_title(&line.title) {
            match lines.last_mut() {
                Some(prev) => {
                    prev.absorb(&line);
                    let stt = prev.stt.clone();
                    b.note(
                        line.row,
                        NoteKind::Structure,
                        format!("STT trống, không có điểm: nối vào dòng «{stt}» ở trên (ô gộp)."),
                        format!("Empty number and no points: joined to row “{stt}” above (a merged cell)."),
                    );
                }
                None => b.note(
                    line.row,
                    NoteKind::Skipped,
                    "Dòng không có STT, không có điểm, trước mọi tiêu chí: bỏ qua.".into(),
                    "A row with no number and no points before any criterion: left out.".into(),
                ),
            }
            continue;
        }
        lines.push(line);
    }
    // Levels: Roman numerals and "Lĩnh vực" rows are areas (0). Without them the top
    // arabic number is the area.
    let has_roman = lines
        .iter()
        .any(|l| classify(&l.stt) == Stt::Roman || is_area_title(&l.title));
    let mut nodes: Vec<Node> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    // Lettered points ("a)", "-") sit one level under the last numbered row, however many
    // of them follow each other.
    let mut numbered_level: Option<usize> = None;
    for line in lines {
        let prev_level = stack.last().map(|&i| nodes[i].level);
        let level = match classify(&line.stt) {
            _ if is_area_title(&line.title) => 0,
            Stt::Roman => 0,
            Stt::Number(n) => {
                if has_roman {
                    n
                } else {
                    n - 1
                }
            }
            Stt::Sub | Stt::Empty => numbered_level.or(prev_level).map_or(0, |l| l + 1),
            Stt::Other => {
                b.note(
                    line.row,
                    NoteKind::Structure,
                    format!("STT «{}» không theo dạng I, 1, 1.1: coi là cùng cấp với dòng trên.", line.stt),
                    format!("The number “{}” is not of the form I, 1, 1.1: read at the level of the row above.", line.stt),
                );
                prev_level.unwrap_or(0)
            }
        };
        if !matches!(classify(&line.stt), Stt::Sub | Stt::Empty) || is_area_title(&line.title) {
            numbered_level = Some(level);
        }
        while stack.last().is_some_and(|&i| nodes[i].level >= level) {
            stack.pop();
        }
        let ix = nodes.len();
        if level > 0 && stack.is_empty() {
            b.note(
                line.row,
                NoteKind::Structure,
                "Tiêu chí đứng trước mọi lĩnh vực: xếp vào lĩnh vực «Tiêu chí chung».".into(),
                "A criterion before any area: put in an area “Tiêu chí chung”.".into(),
            );
            nodes.push(Node {
                line: Line {
                    row: line.row,
                    title: "Tiêu chí chung".into(),
                    ..Line::default()
                },
                level: 0,
                children: Vec::new(),
            });
            roots.push(ix);
            stack.push(ix);
        }
        let ix = nodes.len();
        match stack.last() {
            Some(&parent) => nodes[parent].children.push(ix),
            None => roots.push(ix),
        }
        nodes.push(Node {
            line,
            level,
            children: Vec::new(),
        });
        stack.push(ix);
    }
    if roots.is_empty() {
        return Err(err(
            "Bảng không có dòng tiêu chí nào dưới dòng tiêu đề.",
            "The table has no criteria rows under its header.",
        ));
    }
    let mut areas = Vec::new();
    for (n, &root) in roots.iter().enumerate() {
        let stt = clean_stt(&nodes[root].line.stt);
        b.prefix = if has_roman && !stt.is_empty() {
            format!("{stt}.")
        } else {
            String::new()
        };
        areas.push(build_area(&mut b, &nodes, root, n + 1));
    }
    let scale: f64 = areas
        .iter()
        .filter(|a| matches!(a.kind, AreaKind::Regular | AreaKind::Survey))
        .map(|a| a.max)
        .sum();
    if let Some(total) = declared_total {
        if (total - scale).abs() > 1e-9 {
            b.note(
                0,
                NoteKind::Points,
                format!(
                    "Dòng tổng cộng ghi {} điểm nhưng các lĩnh vực cộng lại {} điểm.",
                    crate::number::format_trimmed(total, 2),
                    crate::number::format_trimmed(scale, 2)
                ),
                format!(
                    "The total row says {} but the areas add up to {}.",
                    crate::number::format_trimmed(total, 2),
                    crate::number::format_trimmed(scale, 2)
                ),
            );
        }
    }
    b.note(
        0,
        NoteKind::Default,
        "Bảng không ghi khoảng xếp loại: tạm dùng Tốt ≥ 90, Khá 70–<90, Trung bình 50–<70, Kém < 50; hãy sửa theo quyết định của tỉnh.".into(),
        "The table gives no classification bands: Tốt ≥ 90, Khá 70–<90, Trung bình 50–<70, Kém < 50 stand in; set the province's.".into(),
    );
    let template = CriteriaTemplate {
        id: meta.id.clone(),
        version: meta.version,
        title: meta.title.clone(),
        sample: false,
        source: meta.source.clone(),
        appendix: appendix.template.id.clone(),
        // The scale is what the areas add up to; the total row, when given, was compared.
        scale: declared_total.unwrap_or(scale),
        step: meta.step,
        no_evidence_scores_zero: false,
        bands: default_bands(),
        areas,
    };
    let problem = Criteria::compile(template.clone(), appendix).err();
    let mut notes = b.notes;
    notes.sort_by_key(|n| n.row);
    Ok(CriteriaImport {
        template,
        notes,
        problem,
    })
}

fn build_area(b: &mut Builder, nodes: &[Node], root: usize, n: usize) -> Area {
    let node = &nodes[root];
    let line = &node.line;
    let kind = area_kind(&line.title);
    let own = match clean_stt(&line.stt) {
        s if s.is_empty() => n.to_string(),
        s => s,
    };
    let id = b.id(line.row, &format!("lv{own}"));
    let mut criteria = Vec::new();
    if node.children.is_empty() && kind != AreaKind::Survey {
        // An area scored as one whole: one criterion holding one item, the row itself.
        let cid = b.id(line.row, &format!("tc{own}"));
        let iid = b.id(line.row, &own);
        let item = b.item(line, iid, "");
        criteria.push(Criterion {
            id: cid,
            stt: clean_stt(&line.stt),
            title: Text::new(line.title.clone(), ""),
            max: item.max,
            items: vec![item],
        });
    } else if kind == AreaKind::Survey && !node.children.is_empty() {
        b.note(
            line.row,
            NoteKind::Structure,
            "Lĩnh vực điều tra xã hội học không tự chấm: các dòng con chỉ để tham khảo, không nhập.".into(),
            "The survey area is not self-scored: its rows are left out.".into(),
        );
    } else {
        for (ci, &child) in node.children.iter().enumerate() {
            criteria.push(build_criterion(b, nodes, child, ci + 1));
        }
    }
    let sum = (!criteria.is_empty()).then(|| criteria.iter().map(|c| c.max).sum());
    let max = match kind {
        // A cap: its items may offer more than it allows.
        AreaKind::Bonus | AreaKind::Penalty => {
            parse_points(&line.max).unwrap_or_else(|| sum.unwrap_or(0.0))
        }
        _ => b.max_of(line, sum),
    };
    Area {
        id,
        stt: clean_stt(&line.stt),
        title: Text::new(line.title.clone(), ""),
        kind,
        max,
        criteria,
    }
}

fn build_criterion(b: &mut Builder, nodes: &[Node], ix: usize, n: usize) -> Criterion {
    let node = &nodes[ix];
    let line = &node.line;
    let base = b.stt_id(line, format!("tc{n}"));
    if node.children.is_empty() {
        let cid = b.id(line.row, &format!("tc{base}"));
        let iid = b.id(line.row, &base);
        let item = b.item(line, iid, "");
        return Criterion {
            id: cid,
            stt: clean_stt(&line.stt),
            title: Text::new(line.title.clone(), ""),
            max: item.max,
            items: vec![item],
        };
    }
    let id = b.id(line.row, &base);
    let mut items = Vec::new();
    for &child in &node.children {
        leaves(b, nodes, child, "", &mut items);
    }
    let sum = items.iter().map(|i| i.max).sum();
    let max = b.max_of(line, Some(sum));
    Criterion {
        id,
        stt: clean_stt(&line.stt),
        title: Text::new(line.title.clone(), ""),
        max,
        items,
    }
}

/// The items under a criterion: its children, and where a child has children of its own (a
/// fourth level), their leaves, titled with the child's title in front.
fn leaves(b: &mut Builder, nodes: &[Node], ix: usize, prefix: &str, out: &mut Vec<Item>) {
    let node = &nodes[ix];
    let line = &node.line;
    if node.children.is_empty() {
        let id = b.stt_id(line, format!("y{}", line.row));
        let id = b.id(line.row, &id);
        out.push(b.item(line, id, prefix));
        return;
    }
    b.note(
        line.row,
        NoteKind::Structure,
        format!("«{}» có cấp con sâu hơn tiêu chí thành phần: các dòng con được chấm như tiêu chí thành phần, tên ghép với «{}».", line.stt, one_line(&line.title)),
        format!("“{}” has a level below sub-criteria: its rows are scored as sub-criteria, titled after it.", line.stt),
    );
    let declared = parse_points(&line.max);
    let start = out.len();
    let title = match prefix {
        "" => one_line(&line.title),
        p => format!("{p} — {}", one_line(&line.title)),
    };
    for &child in &node.children {
        leaves(b, nodes, child, &title, out);
    }
    let sum: f64 = out[start..].iter().map(|i| i.max).sum();
    if let Some(d) = declared {
        if (d - sum).abs() > 1e-9 {
            b.max_of(line, Some(sum));
        }
    }
}
