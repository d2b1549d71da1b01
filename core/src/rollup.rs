//! The province's roll-up (Tổng hợp nhiều đơn vị): many commune reports read at once, the
//! unusable ones set aside with a reason, the rest added up into one appendix (every ratio
//! recomputed from the summed figures, never an average of percentages), one row per commune
//! scored against the criteria set in use, counts per band and per kind of finding, and an
//! export that is itself a roll-up input (an aggregate counts as its members).

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::checks::{self, FindingKind, Severity};
use crate::compute::{self, Computed};
use crate::exchange::{self, ImportError, FORMAT};
use crate::number::format_percent;
use crate::period::PeriodKind;
use crate::report::{Identity, Report, TemplateRef, SCHEMA};
use crate::scoring;
use crate::template::compile::{Appendix, CellIx, Check, Expr};
use crate::text::{Lang, Text};
use crate::workspace::{sum_computed, Templates};

/// The `kind` of a roll-up document; a single report's export has no `kind`.
pub const AGGREGATE: &str = "aggregate";

/// One thing to roll up: a file's text as picked or dropped, or a report saved in the app.
#[derive(Clone, Debug)]
pub struct Input {
    /// The file name, or the saved report's title: how the officer recognises it.
    pub name: String,
    pub body: Body,
}

#[derive(Clone, Debug)]
pub enum Body {
    /// Shared, so that rolling up again (another period chosen, a file added) copies nothing.
    Json(Rc<str>),
    Saved {
        report: Box<Report>,
        /// When it was last saved, in ms since the epoch.
        saved_at: Option<f64>,
    },
    /// A file larger than [`exchange::MAX_IMPORT_BYTES`], refused by its size: the browser
    /// does not read it at all.
    TooLarge { bytes: usize },
    /// A file already read ([`Input::read`]): the reports it holds, or why it holds none.
    /// Shared, so that rolling up again copies no file.
    Read(Rc<FileRead>),
}

/// What reading one file gave: each report it holds, or why that report was set aside; or
/// why the file itself could not be read.
pub type FileRead = Result<Vec<Result<Member, Rejected>>, ImportError>;

impl Input {
    pub fn file(name: impl Into<String>, text: impl Into<Rc<str>>) -> Self {
        Input {
            name: name.into(),
            body: Body::Json(text.into()),
        }
    }

    /// The same input with a file's text read into the reports it holds, and the text let
    /// go: what the roll-up does first with every file, done as soon as the file is there
    /// (the browser reads a thousand files in batches; each batch is read into reports while
    /// the next is still being fetched). Anything else is returned as it is.
    pub fn read(self) -> Self {
        match self.body {
            Body::Json(text) => Input::read_text(self.name, &text),
            _ => self,
        }
    }

    /// A file's text read at once into the reports it holds, as [`Input::read`] does, with
    /// no copy of the text kept (it may be a slice of a batch of files read together).
    pub fn read_text(name: impl Into<String>, text: &str) -> Self {
        Input::read_bytes(name, text.as_bytes())
    }

    /// A file's bytes read at once into the reports it holds, as [`Input::read_text`] reads
    /// its text (malformed UTF-8 read as U+FFFD): see [`read_file`].
    pub fn read_bytes(name: impl Into<String>, bytes: &[u8]) -> Self {
        let name = name.into();
        let read = read_file(&name, bytes);
        Input {
            name,
            body: Body::Read(Rc::new(read)),
        }
    }

    /// A picked file of `bytes` bytes, larger than a report can be
    /// ([`exchange::MAX_IMPORT_BYTES`]): refused unread, so that one huge file among many is
    /// not read into memory to be turned away.
    pub fn too_large(name: impl Into<String>, bytes: usize) -> Self {
        Input {
            name: name.into(),
            body: Body::TooLarge { bytes },
        }
    }

    pub fn saved(name: impl Into<String>, report: Report, saved_at: Option<f64>) -> Self {
        Input {
            name: name.into(),
            body: Body::Saved {
                report: Box::new(report),
                saved_at,
            },
        }
    }
}

/// A period and year, the unit a roll-up is made for.
pub type Period = (PeriodKind, i32);

pub fn period_label(p: Period) -> Text {
    let l = p.0.label();
    Text::new(format!("{} {}", l.vi, p.1), format!("{} {}", l.en, p.1))
}

/// A report taken into the roll-up, with where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// "xa-tan-ha.json", or "tong-hop.json › xã Tân Hà" for a member of an aggregate file.
    pub source: String,
    /// Shared: a roll-up done again (another period chosen, a file added) copies no report.
    pub report: Rc<Report>,
    /// When it was exported or saved (ms since the epoch), to tell the newer of two copies.
    pub time: Option<f64>,
}

impl Member {
    /// The moment that decides which of two copies is newer: the export or save time, else
    /// the report's own date.
    fn stamp(&self) -> Option<f64> {
        self.time.or_else(|| {
            self.report
                .identity
                .date
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|d| d.and_utc().timestamp_millis() as f64)
        })
    }
}

/// Why a file or a report of it was not used.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    NotReport(ImportError),
    /// An aggregate file with no member report in it.
    EmptyAggregate,
    /// Filled on another appendix template, or another version of it.
    Template {
        found: TemplateRef,
        expected: TemplateRef,
    },
    /// Another period than the roll-up's.
    Period {
        found: Period,
        expected: Period,
        basis: Basis,
    },
    /// The same commune again; `kept` is the source of the copy kept.
    Duplicate {
        commune: String,
        kept: String,
        why: Kept,
    },
}

/// How the roll-up's period was fixed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Basis {
    /// The officer chose it.
    Chosen,
    /// Most reports are for it (`count` of `of`).
    Majority { count: usize, of: usize },
    /// No period has most reports: the first report read sets it.
    First,
}

/// Why one copy of a commune's report was kept over another.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kept {
    /// The kept copy is newer: exported or saved at this moment (ms since the epoch).
    Newer { kept: f64, dropped: Option<f64> },
    /// Neither copy says when it was made, or both say the same moment: the first read stays.
    FirstRead,
}

impl Reason {
    pub fn message(&self) -> Text {
        match self {
            Reason::NotReport(e) => e.message(),
            Reason::EmptyAggregate => Text::new(
                "Tệp tổng hợp không có báo cáo đơn vị nào.",
                "The roll-up file holds no unit report.",
            ),
            Reason::Template { found, expected } => Text::new(
                format!(
                    "Báo cáo lập theo mẫu phụ lục «{}» phiên bản {}, khác mẫu đang dùng «{}» phiên bản {}: không cộng được.",
                    found.id, found.version, expected.id, expected.version
                ),
                format!(
                    "The report is on appendix template “{}” version {}, not the one in use, “{}” version {}: it cannot be added up.",
                    found.id, found.version, expected.id, expected.version
                ),
            ),
            Reason::Period {
                found,
                expected,
                basis,
            } => {
                let (why_vi, why_en) = match basis {
                    Basis::Chosen => ("kỳ đã chọn".to_owned(), "the chosen period".to_owned()),
                    Basis::Majority { count, of } => (
                        format!("kỳ của {count}/{of} báo cáo"),
                        format!("the period of {count} of {of} reports"),
                    ),
                    Basis::First => (
                        "kỳ của báo cáo đọc đầu tiên".to_owned(),
                        "the period of the first report read".to_owned(),
                    ),
                };
                let (f, e) = (period_label(*found), period_label(*expected));
                Text::new(
                    format!(
                        "Báo cáo kỳ {}, khác kỳ tổng hợp {} ({why_vi}).",
                        f.vi, e.vi
                    ),
                    format!(
                        "The report is for {}, not the roll-up's period {} ({why_en}).",
                        f.en, e.en
                    ),
                )
            }
            Reason::Duplicate { commune, kept, why } => match why {
                Kept::Newer { kept: at, dropped } => {
                    let this = dropped.map_or_else(
                        || Text::new("bản này không ghi thời điểm", "this copy has no time"),
                        |d| {
                            Text::new(
                                format!("bản này lúc {}", local_time(d)),
                                format!("this copy at {}", local_time(d)),
                            )
                        },
                    );
                    Text::new(
                        format!(
                            "Trùng {commune} với «{kept}»; giữ «{kept}» vì mới hơn (lúc {}; {}).",
                            local_time(*at),
                            this.vi
                        ),
                        format!(
                            "The same unit ({commune}) as “{kept}”; “{kept}” is kept as the newer copy (at {}; {}).",
                            local_time(*at),
                            this.en
                        ),
                    )
                }
                Kept::FirstRead => Text::new(
                    format!(
                        "Trùng {commune} với «{kept}»; không rõ bản nào mới hơn nên giữ «{kept}» (đọc trước)."
                    ),
                    format!(
                        "The same unit ({commune}) as “{kept}”; neither copy says which is newer, so “{kept}” (read first) is kept."
                    ),
                ),
            },
        }
    }
}

/// "20/06/2026 08:05", in Vietnam's time (UTC+7), the only time zone of the reports.
pub fn local_time(ms: f64) -> String {
    let vn = FixedOffset::east_opt(7 * 3600);
    match (DateTime::from_timestamp_millis(ms as i64), vn) {
        (Some(t), Some(vn)) => t.with_timezone(&vn).format("%d/%m/%Y %H:%M").to_string(),
        _ => crate::number::NO_VALUE.to_owned(),
    }
}

fn iso_time(ms: f64) -> Option<String> {
    DateTime::from_timestamp_millis(ms as i64)
        .map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true))
}

fn parse_time(s: &str) -> Option<f64> {
    DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|t| t.timestamp_millis() as f64)
}

/// A file or report set aside, with the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    pub source: String,
    /// "xã Tân Hà" when the file could be read as a report.
    pub commune: Option<String>,
    pub reason: Reason,
}

/// One commune in the roll-up's table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub member: Member,
    /// "xã Tân Hà"
    pub name: String,
    pub period: Period,
    pub index: Option<f64>,
    pub band: Option<usize>,
    pub errors: usize,
    pub warnings: usize,
    /// The template's named rates, in its order (`RollUp::rates`).
    pub rates: Vec<Option<f64>>,
    /// The finding types this report has (`RollUp::finding_types`), each once, ascending.
    pub types: Vec<usize>,
}

/// A kind of finding, as counted across communes: "(3) ≠ (7) + (11)".
#[derive(Clone, Debug, PartialEq)]
pub struct FindingType {
    pub label: Text,
    pub severity: Severity,
    /// How many communes have it at least once.
    pub communes: usize,
}

/// A named rate of the appendix template, as a column of the commune table.
#[derive(Clone, Debug, PartialEq)]
pub struct RateColumn {
    pub id: String,
    pub label: Text,
    pub definition: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RollUp {
    /// The period rolled up; `None` when no report could be used.
    pub period: Option<Period>,
    pub basis: Option<Basis>,
    /// One per commune, worst first.
    pub rows: Vec<Row>,
    pub rejected: Vec<Rejected>,
    /// The summed appendix, every derived cell computed from the sums.
    pub computed: Computed,
    /// Communes per band of the criteria set, in its order.
    pub bands: Vec<usize>,
    /// Communes without an index (nothing scored yet).
    pub unscored: usize,
    /// Kinds of finding present in at least one report, most widespread first.
    pub finding_types: Vec<FindingType>,
    pub rates: Vec<RateColumn>,
}

impl RollUp {
    /// "xã" when every member is a commune, "phường" when every one is a ward, else "đơn vị":
    /// the word a summary counts with ("16 xã xếp loại Khá").
    pub fn unit_word(&self) -> Text {
        let mut kinds = self
            .rows
            .iter()
            .map(|r| r.member.report.identity.commune_kind);
        match kinds.next() {
            Some(k) if kinds.all(|o| o == k) => k.label(),
            _ => Text::new("đơn vị", "units"),
        }
    }

    /// "16 xã xếp loại Khá, 3 xã xếp loại Trung bình": the bands that have communes, in the
    /// criteria set's order, then those not scored.
    pub fn band_summary(&self, t: &Templates, lang: Lang) -> String {
        let unit = self.unit_word();
        let unit = unit.get(lang);
        let mut parts: Vec<String> = t
            .criteria
            .template
            .bands
            .iter()
            .zip(&self.bands)
            .filter(|(_, &n)| n > 0)
            .map(|(b, n)| match lang {
                Lang::Vi => format!("{n} {unit} xếp loại {}", b.label.vi),
                Lang::En => format!("{n} {unit} rated {}", b.label.get(lang)),
            })
            .collect();
        if self.unscored > 0 {
            parts.push(match lang {
                Lang::Vi => format!("{} {unit} chưa có chỉ số", self.unscored),
                Lang::En => format!("{} {unit} without an index", self.unscored),
            });
        }
        parts.join(", ")
    }

    /// "7 xã có (3) ≠ (7) + (11)" for a finding type.
    pub fn finding_line(&self, ty: usize, lang: Lang) -> String {
        let Some(f) = self.finding_types.get(ty) else {
            return String::new();
        };
        let unit = self.unit_word();
        match lang {
            Lang::Vi => format!("{} {} có {}", f.communes, unit.vi, f.label.vi),
            Lang::En => format!(
                "{} {} with {}",
                f.communes,
                unit.get(lang),
                f.label.get(lang)
            ),
        }
    }
}

/// What the officer chose before rolling up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// The period to roll up; `None` takes the period most reports are for.
    pub period: Option<Period>,
}

/// The head of a document, read without building what a roll-up ignores (the computed
/// results, most of a file's size).
#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    schema: Option<u64>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    exported_at: Option<String>,
    #[serde(default)]
    report: Option<Value>,
    #[serde(default)]
    members: Option<Vec<Value>>,
}

/// A document of the current schema read straight into reports, the quick way for the files
/// a roll-up mostly gets; anything else goes the careful way (`Head`), which migrates older
/// schemas and says where a bad file goes wrong.
#[derive(Deserialize)]
struct Current {
    format: String,
    #[serde(default)]
    schema: Option<u64>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    exported_at: Option<String>,
    #[serde(default)]
    report: Option<Report>,
    #[serde(default)]
    members: Option<Vec<MemberDoc<Report>>>,
}

fn read_current(name: &str, json: &[u8]) -> Option<Vec<Result<Member, Rejected>>> {
    let doc: Current = serde_json::from_slice(json).ok()?;
    if doc.format != FORMAT || doc.schema.unwrap_or(1) != u64::from(SCHEMA) {
        return None;
    }
    // A report out of range (a year 2147483647) takes the careful way, which says so.
    let in_range = |r: &Report| r.identity.check_range().is_ok();
    if !doc.report.iter().all(in_range)
        || !doc.members.iter().flatten().all(|m| in_range(&m.report))
    {
        return None;
    }
    let time = doc.exported_at.as_deref().and_then(parse_time);
    match (doc.kind.as_deref(), doc.report, doc.members) {
        (None | Some("report"), Some(r), _) => Some(vec![Ok(single(name, r, time))]),
        (Some(AGGREGATE), _, Some(members)) => Some(
            members
                .into_iter()
                .map(|m| {
                    Ok(Member {
                        source: format!("{name} › {}", m.source),
                        time: m.time.as_deref().and_then(parse_time),
                        report: Rc::new(m.report),
                    })
                })
                .collect(),
        ),
        _ => None,
    }
}

/// Sorts what a file gave into the members and the set-aside.
fn take_read(
    name: String,
    read: FileRead,
    members: &mut Vec<Member>,
    rejected: &mut Vec<Rejected>,
) {
    match read {
        Ok(list) if list.is_empty() => rejected.push(Rejected {
            source: name,
            commune: None,
            reason: Reason::EmptyAggregate,
        }),
        Ok(list) => {
            for m in list {
                match m {
                    Ok(m) => members.push(m),
                    Err(r) => rejected.push(r),
                }
            }
        }
        Err(e) => rejected.push(Rejected {
            source: name,
            commune: None,
            reason: Reason::NotReport(e),
        }),
    }
}

/// The reports a file holds: one for a report's export, its members for an aggregate. A
/// current export is read from the bytes as they are: its JSON reader checks the UTF-8 of
/// each string it keeps, so the whole file is not checked first (a tenth of the reading of a
/// thousand files). Anything else is read the careful way from its text, malformed UTF-8 as
/// U+FFFD.
fn read_file(name: &str, bytes: &[u8]) -> FileRead {
    let mut bytes = bytes;
    while let Some(rest) = bytes.strip_prefix("\u{feff}".as_bytes()) {
        bytes = rest;
    }
    if let Some(read) = read_current(name, bytes) {
        return Ok(read);
    }
    let text = String::from_utf8_lossy(bytes);
    let text = text.as_ref();
    let head: Head = match serde_json::from_str(text) {
        Ok(h) => h,
        // Not JSON, or a field of the wrong shape: the single-report reader says which.
        Err(_) => return exchange::import(text).map(|r| vec![Ok(single(name, r, None))]),
    };
    if head.format.as_deref() != Some(FORMAT) {
        // A bare report (another tool's), or not ours at all.
        return exchange::import(text).map(|r| vec![Ok(single(name, r, None))]);
    }
    let time = head.exported_at.as_deref().and_then(parse_time);
    match head.kind.as_deref() {
        None | Some("report") => {
            let report = head.report.ok_or(ImportError::NotOurs)?;
            let r = exchange::report_from_value(head.schema, report)?;
            Ok(vec![Ok(single(name, r, time))])
        }
        Some(AGGREGATE) => {
            let members = head.members.unwrap_or_default();
            Ok(members
                .into_iter()
                .enumerate()
                .map(|(i, m)| member_of(name, i, head.schema, m))
                .collect())
        }
        Some(other) => Err(ImportError::Invalid {
            path: "kind".into(),
            detail: Text::new(
                format!(
                    "loại tài liệu «{}» không đọc được",
                    crate::json::excerpt(other)
                ),
                format!(
                    "the document kind “{}” cannot be read",
                    crate::json::excerpt(other)
                ),
            ),
        }),
    }
}

fn single(name: &str, report: Report, time: Option<f64>) -> Member {
    Member {
        source: name.to_owned(),
        report: Rc::new(report),
        time,
    }
}

#[derive(Serialize, Deserialize)]
struct MemberDoc<R> {
    source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    time: Option<String>,
    report: R,
}

fn member_of(file: &str, i: usize, schema: Option<u64>, doc: Value) -> Result<Member, Rejected> {
    let fallback = format!("{file} › #{}", i + 1);
    let doc: MemberDoc<Value> = serde_json::from_value(doc).map_err(|e| Rejected {
        source: fallback.clone(),
        commune: None,
        reason: Reason::NotReport(ImportError::Invalid {
            path: format!("members[{i}]"),
            detail: crate::json::describe(&e),
        }),
    })?;
    let source = format!("{file} › {}", doc.source);
    let report = exchange::report_from_value(schema, doc.report).map_err(|e| Rejected {
        source: source.clone(),
        commune: None,
        reason: Reason::NotReport(e),
    })?;
    Ok(Member {
        source,
        report: Rc::new(report),
        time: doc.time.as_deref().and_then(parse_time),
    })
}

/// "xã Tân Hà"; a report without a name says so.
pub fn commune_name(id: &Identity) -> String {
    let name = id.commune.trim();
    if name.is_empty() {
        format!("{} (chưa ghi tên)", id.commune_kind.label().vi)
    } else {
        format!("{} {name}", id.commune_kind.label().vi)
    }
}

/// What makes two reports the same commune's: its kind and its name, in lower case with the
/// spaces evened out (diacritics kept: Tân Hà and Tân Hạ are two communes). `None` for a
/// report without a name, which is never taken for another.
pub fn commune_key(id: &Identity) -> Option<String> {
    let name = id
        .commune
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (!name.is_empty()).then(|| format!("{}:{name}", id.commune_kind.code()))
}

/// Reads, sorts out and adds up `inputs` against the templates in use.
pub fn roll_up(t: &Templates, inputs: Vec<Input>, opts: &Options) -> RollUp {
    let mut rejected = Vec::new();
    let mut members = Vec::new();
    for input in inputs {
        match input.body {
            Body::Json(text) => {
                let read = read_file(&input.name, text.as_bytes());
                take_read(input.name, read, &mut members, &mut rejected)
            }
            Body::Read(read) => {
                // Shared when the file was read for an earlier roll-up (another period
                // chosen, a file added): cloned then (its reports are shared, not copied),
                // taken as it is otherwise.
                let read = Rc::try_unwrap(read).unwrap_or_else(|shared| (*shared).clone());
                take_read(input.name, read, &mut members, &mut rejected)
            }
            Body::TooLarge { bytes } => rejected.push(Rejected {
                source: input.name,
                commune: None,
                reason: Reason::NotReport(ImportError::TooLarge { bytes }),
            }),
            Body::Saved { report, saved_at } => members.push(Member {
                source: input.name,
                report: Rc::new(*report),
                time: saved_at,
            }),
        }
    }
    let reject = |m: Member, reason: Reason| Rejected {
        commune: Some(commune_name(&m.report.identity)),
        source: m.source,
        reason,
    };

    // The appendix in use is the only one the figures can be added on.
    let expected = t.appendix_ref();
    let (same, other): (Vec<Member>, Vec<Member>) = members
        .into_iter()
        .partition(|m| m.report.appendix == expected);
    for m in other {
        let found = m.report.appendix.clone();
        rejected.push(reject(
            m,
            Reason::Template {
                found,
                expected: expected.clone(),
            },
        ));
    }

    // One period: the chosen one, else the one most reports are for.
    let period_of = |m: &Member| (m.report.identity.period, m.report.identity.year);
    let (period, basis) = match opts.period {
        Some(p) => (Some(p), Some(Basis::Chosen)),
        None => {
            let mut counts: Vec<(Period, usize)> = Vec::new();
            for m in &same {
                let p = period_of(m);
                match counts.iter_mut().find(|(q, _)| *q == p) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((p, 1)),
                }
            }
            let best = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
            let leaders: Vec<&(Period, usize)> =
                counts.iter().filter(|(_, n)| *n == best).collect();
            match leaders.as_slice() {
                [] => (None, None),
                [(p, n)] => (
                    Some(*p),
                    Some(Basis::Majority {
                        count: *n,
                        of: same.len(),
                    }),
                ),
                [(p, _), ..] => (Some(*p), Some(Basis::First)),
            }
        }
    };
    let mut in_period = Vec::new();
    for m in same {
        match (period, basis) {
            (Some(p), Some(b)) if period_of(&m) != p => {
                let found = period_of(&m);
                rejected.push(reject(
                    m,
                    Reason::Period {
                        found,
                        expected: p,
                        basis: b,
                    },
                ))
            }
            _ => in_period.push(m),
        }
    }

    // One report per commune: the newest copy, else the first read.
    let mut groups: Vec<Vec<Member>> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for m in in_period {
        match commune_key(&m.report.identity) {
            Some(key) => match by_key.get(&key) {
                Some(&g) => groups[g].push(m),
                None => {
                    by_key.insert(key, groups.len());
                    groups.push(vec![m]);
                }
            },
            None => groups.push(vec![m]),
        }
    }
    let mut kept = Vec::with_capacity(groups.len());
    for group in groups {
        let mut winner = 0;
        for (i, m) in group.iter().enumerate().skip(1) {
            if newer(m.stamp(), group[winner].stamp()) {
                winner = i;
            }
        }
        let mut group = group;
        let w = group.remove(winner);
        for m in group {
            let why = match (w.stamp(), m.stamp()) {
                (Some(kept), dropped) if dropped.is_none_or(|d| kept > d) => {
                    Kept::Newer { kept, dropped }
                }
                _ => Kept::FirstRead,
            };
            let commune = commune_name(&m.report.identity);
            rejected.push(reject(
                m,
                Reason::Duplicate {
                    commune,
                    kept: w.source.clone(),
                    why,
                },
            ));
        }
        kept.push(w);
    }

    // Score and sum what is left.
    let types = TypeIndex::new(&t.appendix);
    let rates: Vec<RateColumn> = t
        .appendix
        .template
        .rates
        .iter()
        .map(|r| RateColumn {
            id: r.id.clone(),
            label: r.label.clone(),
            definition: r.definition.clone(),
        })
        .collect();
    let rate_cells: Vec<Option<(Vec<CellIx>, Vec<CellIx>)>> = rates
        .iter()
        .map(|r| {
            t.appendix
                .rate(&r.id)
                .map(|r| (r.num.clone(), r.den.clone()))
        })
        .collect();
    let mut type_communes = vec![0usize; types.types.len()];
    let mut computed = Vec::with_capacity(kept.len());
    let mut rows = Vec::with_capacity(kept.len());
    for m in kept {
        // What the table shows of each report: its figures, findings and standing; not the
        // lines explaining each item's points, which only its own screens show.
        let computed_one = compute::compute(&t.appendix, &m.report);
        let findings = checks::findings(&t.appendix, &m.report, &computed_one);
        let standing = scoring::standing(&t.criteria, &computed_one, &m.report);
        let mut present: Vec<usize> = findings.iter().map(|f| types.of(f)).collect();
        present.sort_unstable();
        present.dedup();
        for &ty in &present {
            if let Some(n) = type_communes.get_mut(ty) {
                *n += 1;
            }
        }
        let rates = rate_cells
            .iter()
            .map(|rc| rc.as_ref().and_then(|(n, d)| computed_one.ratio(n, d)))
            .collect();
        rows.push(Row {
            name: commune_name(&m.report.identity),
            period: period_of(&m),
            index: standing.index,
            band: standing.band,
            errors: findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count(),
            warnings: findings
                .iter()
                .filter(|f| f.severity == Severity::Warning)
                .count(),
            rates,
            types: present,
            member: m,
        });
        computed.push(computed_one);
    }
    let sum = sum_computed(&t.appendix, &computed);
    let mut bands = vec![0; t.criteria.template.bands.len()];
    let mut unscored = 0;
    for r in &rows {
        match r.band.and_then(|b| bands.get_mut(b)) {
            Some(n) => *n += 1,
            None => unscored += 1,
        }
    }

    // Only the types that occur, most widespread first; rows renumbered to match.
    let mut order: Vec<usize> = (0..types.types.len())
        .filter(|&i| type_communes[i] > 0)
        .collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(type_communes[i]), types.types[i].1, i));
    let mut renumber = vec![usize::MAX; types.types.len()];
    for (new, &old) in order.iter().enumerate() {
        renumber[old] = new;
    }
    let finding_types = order
        .iter()
        .map(|&i| FindingType {
            label: types.types[i].0.clone(),
            severity: types.types[i].1,
            communes: type_communes[i],
        })
        .collect();
    for r in &mut rows {
        for ty in &mut r.types {
            *ty = renumber[*ty];
        }
        r.types.sort_unstable();
    }
    sort(&mut rows, SortBy::Worst, false);

    RollUp {
        period,
        basis,
        rows,
        rejected,
        computed: sum,
        bands,
        unscored,
        finding_types,
        rates,
    }
}

/// Whether a copy made at `a` is newer than one made at `b`; a copy with a time is newer than
/// one without.
fn newer(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a > b,
        (Some(_), None) => true,
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Finding types
// ---------------------------------------------------------------------------------------------

/// Tells which template check a finding came from, by its kind and the cells it names (the
/// same cells, in the same order, `checks` reports), and gives the check a short label. Row
/// checks of a grid share one label across rows: "(3) ≠ (7) + (11)".
struct TypeIndex {
    by_cells: HashMap<(FindingKind, Vec<CellIx>), usize>,
    by_kind: HashMap<FindingKind, usize>,
    types: Vec<(Text, Severity)>,
}

impl TypeIndex {
    fn new(a: &Appendix) -> Self {
        let mut me = TypeIndex {
            by_cells: HashMap::new(),
            by_kind: HashMap::new(),
            types: Vec::new(),
        };
        let mut by_label: HashMap<String, usize> = HashMap::new();
        let mut add = |me: &mut TypeIndex, kind, cells: Vec<CellIx>, label: Text, sev| {
            let ty = *by_label.entry(label.vi.clone()).or_insert_with(|| {
                me.types.push((label, sev));
                me.types.len() - 1
            });
            me.by_cells.insert((kind, cells), ty);
        };
        for check in &a.checks {
            match check {
                Check::SumEquals { total, parts } => {
                    let mut cells = parts.clone();
                    cells.push(*total);
                    let label = if a.cells[*total].pos.col.is_some() {
                        joined(a, &[*total], parts, " ≠ ")
                    } else {
                        let t = a.cell_label(*total);
                        Text::new(
                            format!("«{}» khác tổng các phần", t.vi),
                            format!("“{}” differs from the sum of its parts", t.get(Lang::En)),
                        )
                    };
                    add(
                        &mut me,
                        FindingKind::SumMismatch,
                        cells,
                        label,
                        Severity::Error,
                    );
                }
                Check::PartsWithin { whole, parts } => {
                    let mut cells = parts.clone();
                    cells.push(*whole);
                    let label = joined(a, parts, &[*whole], " > ");
                    add(
                        &mut me,
                        FindingKind::PartExceedsWhole,
                        cells,
                        label,
                        Severity::Error,
                    );
                }
                Check::Equals { left, right, .. } => {
                    let mut cells = left.clone();
                    cells.extend(right);
                    let label = joined(a, left, right, " ≠ ");
                    add(
                        &mut me,
                        FindingKind::Equation,
                        cells,
                        label,
                        Severity::Error,
                    );
                }
                Check::TypedPercent { cell, num, den } => {
                    let mut cells = vec![*cell];
                    cells.extend(num);
                    cells.extend(den);
                    let l = a.cell_label(*cell);
                    let label = Text::new(
                        format!("tỷ lệ nhập «{}» lệch với số liệu", l.vi),
                        format!(
                            "a typed “{}” that disagrees with the figures",
                            l.get(Lang::En)
                        ),
                    );
                    add(
                        &mut me,
                        FindingKind::TypedPercentMismatch,
                        cells,
                        label,
                        Severity::Warning,
                    );
                }
            }
        }
        for &ix in &a.eval_order {
            if let Some(Expr::Ratio {
                num,
                den,
                share: true,
            }) = &a.cells[ix].formula
            {
                let mut cells = num.clone();
                cells.extend(den);
                cells.push(ix);
                let l = a.cell_label(ix);
                let label = Text::new(
                    format!("«{}» vượt 100%", l.vi),
                    format!("“{}” over 100 %", l.get(Lang::En)),
                );
                add(
                    &mut me,
                    FindingKind::PartExceedsWhole,
                    cells,
                    label,
                    Severity::Error,
                );
            }
        }
        for (kind, label, sev) in [
            (
                FindingKind::InvalidInput,
                Text::new("ô nhập không đọc được", "entries that cannot be read"),
                Severity::Error,
            ),
            (
                FindingKind::PeriodReversed,
                Text::new("kỳ số liệu bị đảo ngày", "a reversed data window"),
                Severity::Error,
            ),
            (
                FindingKind::PeriodOutsideYear,
                Text::new("ngày ngoài năm báo cáo", "dates outside the report year"),
                Severity::Warning,
            ),
            (
                FindingKind::ReportBeforePeriodEnd,
                Text::new(
                    "ngày báo cáo trước khi hết kỳ số liệu",
                    "a report dated before its window ends",
                ),
                Severity::Warning,
            ),
        ] {
            me.types.push((label, sev));
            me.by_kind.insert(kind, me.types.len() - 1);
        }
        me
    }

    fn of(&self, f: &crate::checks::Finding) -> usize {
        if let Some(&ty) = self.by_cells.get(&(f.kind, f.cells.clone())) {
            return ty;
        }
        if let Some(&ty) = self.by_kind.get(&f.kind) {
            return ty;
        }
        // A kind with no label of its own (one added later): its first cell's check.
        self.by_kind
            .get(&FindingKind::InvalidInput)
            .copied()
            .unwrap_or(0)
    }
}

/// "(3) ≠ (7) + (11)" in a grid; "«Đã xử lý» > «Tiếp nhận»" in a list.
fn joined(a: &Appendix, left: &[CellIx], right: &[CellIx], op: &str) -> Text {
    let side = |cells: &[CellIx], lang: Lang| {
        cells
            .iter()
            .map(|&c| {
                let cell = &a.cells[c];
                match cell.pos.col {
                    Some(col) => a.table_of(c).columns[col].number.clone(),
                    None => match lang {
                        Lang::Vi => format!("«{}»", a.cell_label(c).vi),
                        Lang::En => format!("“{}”", a.cell_label(c).get(lang)),
                    },
                }
            })
            .collect::<Vec<_>>()
            .join(" + ")
    };
    Text::new(
        format!("{}{op}{}", side(left, Lang::Vi), side(right, Lang::Vi)),
        format!("{}{op}{}", side(left, Lang::En), side(right, Lang::En)),
    )
}

// ---------------------------------------------------------------------------------------------
// The commune table: sorting and filtering
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Lowest index first (no index counts as lowest), then most errors, then most warnings.
    #[default]
    Worst,
    Name,
    Index,
    Errors,
    Warnings,
    /// A named rate, by its place in `RollUp::rates`; no value sorts first.
    Rate(usize),
}

/// Sorts rows by `by`; `reverse` turns the order round. Ties keep the commune names in order.
pub fn sort(rows: &mut [Row], by: SortBy, reverse: bool) {
    rows.sort_by(|a, b| compare(a, b, by, reverse));
}

/// The order of two rows of the commune table.
pub fn compare(a: &Row, b: &Row, by: SortBy, reverse: bool) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let opt = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    let primary = match by {
        SortBy::Worst => opt(a.index, b.index)
            .then(b.errors.cmp(&a.errors))
            .then(b.warnings.cmp(&a.warnings)),
        SortBy::Name => Ordering::Equal,
        SortBy::Index => opt(a.index, b.index),
        SortBy::Errors => a.errors.cmp(&b.errors),
        SortBy::Warnings => a.warnings.cmp(&b.warnings),
        SortBy::Rate(i) => opt(
            a.rates.get(i).copied().flatten(),
            b.rates.get(i).copied().flatten(),
        ),
    };
    let o = primary.then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()));
    if reverse {
        o.reverse()
    } else {
        o
    }
}

/// Which communes the table shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Part of the name, any case.
    pub text: String,
    pub band: Option<BandFilter>,
    /// Only communes with this finding type (`RollUp::finding_types`).
    pub finding_type: Option<usize>,
    pub with_errors: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandFilter {
    Band(usize),
    Unscored,
}

impl Filter {
    pub fn fits(&self, row: &Row) -> bool {
        let text = self.text.trim().to_lowercase();
        (text.is_empty() || row.name.to_lowercase().contains(&text))
            && match self.band {
                None => true,
                Some(BandFilter::Band(b)) => row.band == Some(b),
                Some(BandFilter::Unscored) => row.band.is_none(),
            }
            && self.finding_type.is_none_or(|t| row.types.contains(&t))
            && (!self.with_errors || row.errors > 0)
    }
}

/// The indices of the rows to show, in the order asked.
pub fn view(rollup: &RollUp, by: SortBy, reverse: bool, filter: &Filter) -> Vec<usize> {
    let rows = &rollup.rows;
    let mut idx: Vec<usize> = (0..rows.len()).filter(|&i| filter.fits(&rows[i])).collect();
    idx.sort_by(|&a, &b| compare(&rows[a], &rows[b], by, reverse));
    idx
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

#[derive(Serialize)]
struct AggregateDoc<'a> {
    format: &'static str,
    schema: u32,
    kind: &'static str,
    exported_at: &'a str,
    appendix_title: &'a str,
    criteria_title: &'a str,
    criteria_is_sample: bool,
    aggregate: Head2<'a>,
    /// Every member report as typed: what a later roll-up reads.
    members: Vec<MemberDoc<&'a Report>>,
    /// For readers without the app; a roll-up recomputes all of it from the members.
    computed: ComputedOut<'a>,
}

#[derive(Serialize)]
struct Head2<'a> {
    receiving_body: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    period_shown: String,
    units: usize,
    rejected: Vec<RejectedOut>,
}

#[derive(Serialize)]
struct RejectedOut {
    source: String,
    reason: String,
}

#[derive(Serialize)]
struct ComputedOut<'a> {
    cells: Vec<CellOut<'a>>,
    communes: Vec<CommuneOut<'a>>,
    bands: Vec<BandOut>,
    finding_types: Vec<TypeOut>,
}

#[derive(Serialize)]
struct CellOut<'a> {
    id: &'a str,
    label: String,
    derived: bool,
    value: f64,
    shown: String,
}

#[derive(Serialize)]
struct CommuneOut<'a> {
    name: &'a str,
    source: &'a str,
    period: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<f64>,
    index_shown: String,
    band: String,
    errors: usize,
    warnings: usize,
    rates: HashMap<&'a str, Option<f64>>,
}

#[derive(Serialize)]
struct BandOut {
    band: String,
    units: usize,
}

#[derive(Serialize)]
struct TypeOut {
    finding: String,
    units: usize,
}

/// The roll-up as JSON in the app's format, marked `"kind": "aggregate"`: every member report
/// as typed (so a later roll-up counts it as its members) and, for readers, the summed
/// appendix, the commune table and the counts.
pub fn export(t: &Templates, r: &RollUp, receiving_body: &str, exported_at: &str) -> String {
    let a = &t.appendix;
    let cells = a
        .cells
        .iter()
        .enumerate()
        .filter_map(|(ix, cell)| {
            let v = r.computed.number(ix)?;
            Some(CellOut {
                id: &cell.id,
                label: a.cell_label(ix).vi,
                derived: !cell.is_input(),
                value: v,
                shown: crate::present::value::number(cell.kind, v),
            })
        })
        .collect();
    let band_label = |b: Option<usize>| {
        b.and_then(|b| t.criteria.template.bands.get(b))
            .map_or_else(
                || crate::number::NO_VALUE.to_owned(),
                |b| b.label.vi.clone(),
            )
    };
    let communes = r
        .rows
        .iter()
        .map(|row| CommuneOut {
            name: &row.name,
            source: &row.member.source,
            period: period_label(row.period).vi,
            index: row.index.map(|i| crate::number::round_half_up(i, 6)),
            index_shown: format_percent(row.index),
            band: band_label(row.band),
            errors: row.errors,
            warnings: row.warnings,
            rates: r
                .rates
                .iter()
                .zip(&row.rates)
                .map(|(c, v)| (c.id.as_str(), *v))
                .collect(),
        })
        .collect();
    let mut bands: Vec<BandOut> = t
        .criteria
        .template
        .bands
        .iter()
        .zip(&r.bands)
        .map(|(b, &n)| BandOut {
            band: b.label.vi.clone(),
            units: n,
        })
        .collect();
    bands.push(BandOut {
        band: "Chưa có chỉ số".into(),
        units: r.unscored,
    });
    let doc = AggregateDoc {
        format: FORMAT,
        schema: SCHEMA,
        kind: AGGREGATE,
        exported_at,
        appendix_title: &a.template.title.vi,
        criteria_title: &t.criteria.template.title.vi,
        criteria_is_sample: t.criteria.template.sample,
        aggregate: Head2 {
            receiving_body,
            period: r.period.map(|p| p.0.code()),
            year: r.period.map(|p| p.1),
            period_shown: r.period.map(|p| period_label(p).vi).unwrap_or_default(),
            units: r.rows.len(),
            rejected: r
                .rejected
                .iter()
                .map(|x| RejectedOut {
                    source: x.source.clone(),
                    reason: x.reason.message().vi,
                })
                .collect(),
        },
        members: r
            .rows
            .iter()
            .map(|row| MemberDoc {
                source: row.member.source.clone(),
                time: row.member.time.and_then(iso_time),
                report: &*row.member.report,
            })
            .collect(),
        computed: ComputedOut {
            cells,
            communes,
            bands,
            finding_types: r
                .finding_types
                .iter()
                .map(|f| TypeOut {
                    finding: f.label.vi.clone(),
                    units: f.communes,
                })
                .collect(),
        },
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// The printed roll-up's title, issued by the receiving body: "Tổng hợp số liệu cải cách
/// hành chính và kết quả tự chấm điểm của các xã 6 tháng năm 2026".
pub fn document_subject(r: &RollUp) -> String {
    let unit = r.unit_word().vi;
    let unit = if unit == "đơn vị" {
        "xã, phường".to_owned()
    } else {
        unit
    };
    let period = r
        .period
        .map(|(p, y)| format!(" {}", crate::present::document::period_phrase(p, y)))
        .unwrap_or_default();
    format!(
        "Tổng hợp số liệu cải cách hành chính và kết quả tự chấm điểm Chỉ số cải cách hành chính của các {unit}{period}"
    )
}

/// "tong-hop_6thang_2026.json"
pub fn file_name(r: &RollUp) -> String {
    match r.period {
        Some((p, y)) => format!("phuluc-cchc_tong-hop_{}_{y}.json", p.code()),
        None => "phuluc-cchc_tong-hop.json".to_owned(),
    }
}

/// The band label of a row, "—" without an index.
pub fn band_label(t: &Templates, row: &Row, lang: Lang) -> String {
    row.band
        .and_then(|b| t.criteria.template.bands.get(b))
        .map_or_else(
            || crate::number::NO_VALUE.to_owned(),
            |b| b.label.get(lang).to_owned(),
        )
}
