//! The filled report: who reports, for which period, what the officer typed and how they
//! self-scored. Only what the officer typed is here; every figure derived from it is computed
//! (`compute`, `checks`, `scoring`), never stored.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::period::PeriodKind;
use crate::prose::draft::Segment;
use crate::text::Text;

/// The version of this document's JSON shape; `exchange::import` migrates older ones.
pub const SCHEMA: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub id: String,
    pub identity: Identity,
    pub appendix: TemplateRef,
    pub criteria: TemplateRef,
    /// What the officer typed, by cell id, exactly as typed: an entry that does not parse is
    /// kept and flagged, never dropped. An absent cell is empty, which is not zero.
    #[serde(default, deserialize_with = "values_from_any")]
    pub values: BTreeMap<String, String>,
    /// Self-scoring, by sub-criterion id.
    #[serde(default)]
    pub assessments: BTreeMap<String, Assessment>,
    /// Optional sections the officer chose to include (VIII in newer outlines).
    #[serde(default)]
    pub optional_sections: BTreeSet<String>,
    /// The covering report's narrative as the officer edited it, by section id: text whose
    /// figures stay bound to their cells (`prose::draft`). A section absent here is drafted
    /// afresh from the figures. Older saves have none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub narrative: BTreeMap<String, Vec<Segment>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateRef {
    pub id: String,
    pub version: u32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommuneKind {
    #[default]
    Xa,
    Phuong,
    DacKhu,
}

impl CommuneKind {
    pub const ALL: [CommuneKind; 3] = [CommuneKind::Xa, CommuneKind::Phuong, CommuneKind::DacKhu];

    /// "xã", "phường", "đặc khu": as it stands before the name.
    pub fn label(self) -> Text {
        match self {
            CommuneKind::Xa => Text::new("xã", "commune"),
            CommuneKind::Phuong => Text::new("phường", "ward"),
            CommuneKind::DacKhu => Text::new("đặc khu", "special zone"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            CommuneKind::Xa => "xa",
            CommuneKind::Phuong => "phuong",
            CommuneKind::DacKhu => "dac_khu",
        }
    }
}

/// Who reports to whom, for which period. Since 1 July 2025 there is no district: the receiving
/// body is free text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Identity {
    pub commune_kind: CommuneKind,
    pub commune: String,
    pub province: String,
    pub receiving_body: String,
    pub period: PeriodKind,
    pub year: i32,
    /// The officer's own data window; `None` means the decree's window for period and year.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// "15/BC-UBND"
    pub number: String,
    pub date: Option<NaiveDate>,
    /// The place in the date line ("Đức Thọ, ngày …"); the commune's name when empty.
    pub place: String,
    pub signer: String,
    /// "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    pub signer_title: String,
    /// "Nơi nhận:" one recipient per line.
    pub recipients: String,
}

impl Default for Identity {
    fn default() -> Self {
        Identity {
            commune_kind: CommuneKind::Xa,
            commune: String::new(),
            province: String::new(),
            receiving_body: String::new(),
            period: PeriodKind::Year,
            year: 2026,
            from: None,
            to: None,
            number: String::new(),
            date: None,
            place: String::new(),
            signer: String::new(),
            signer_title: "CHỦ TỊCH".into(),
            recipients: String::new(),
        }
    }
}

/// The years a report can be for: the decree on data windows is of 2019, and a year beyond
/// 2100 is a typing or tool error. Imports refuse a year outside, which also keeps period
/// arithmetic far from `i32`'s ends.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

impl Identity {
    /// Whether the year and dates are within reason: the year in `YEARS`, each date within a
    /// year of them. Returns the field at fault and what is wrong.
    pub fn check_range(&self) -> Result<(), (&'static str, Text)> {
        if !YEARS.contains(&self.year) {
            return Err((
                "year",
                Text::new(
                    format!(
                        "năm {} nằm ngoài khoảng {}–{}",
                        self.year,
                        YEARS.start(),
                        YEARS.end()
                    ),
                    format!(
                        "the year {} is outside {}–{}",
                        self.year,
                        YEARS.start(),
                        YEARS.end()
                    ),
                ),
            ));
        }
        let (lo, hi) = (YEARS.start() - 1, YEARS.end() + 1);
        for (field, d) in [("from", self.from), ("to", self.to), ("date", self.date)] {
            if let Some(d) = d.filter(|d| !(lo..=hi).contains(&d.year())) {
                let d = d.format("%Y-%m-%d");
                return Err((
                    field,
                    Text::new(
                        format!("ngày {d} nằm ngoài khoảng năm {lo}–{hi}"),
                        format!("the date {d} is outside the years {lo}–{hi}"),
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The data window in force: the officer's dates where given, the decree's otherwise.
    pub fn window(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let rule = self.period.window(self.year);
        (
            self.from.or(rule.map(|w| w.0)),
            self.to.or(rule.map(|w| w.1)),
        )
    }

    /// The receiving body, or the default one of the post-2025 two-tier system.
    pub fn receiving_body_or_default(&self) -> String {
        match self.receiving_body.trim() {
            "" if self.province.trim().is_empty() => "Sở Nội vụ".to_owned(),
            "" => format!("Sở Nội vụ tỉnh {}", self.province.trim()),
            s => s.to_owned(),
        }
    }
}

/// One sub-criterion's self-assessment. The score is kept as typed, like the appendix values.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assessment {
    /// The officer's score for a manual item, as typed ("0,75").
    pub score: String,
    /// The officer's answer to a yes/no item without an appendix cell. For an additive item,
    /// `Some(false)` records "none of the sub-items is met", which is an answer too.
    pub answer: Option<bool>,
    /// The sub-items ticked in an additive item.
    pub parts: BTreeSet<String>,
    pub not_applicable: bool,
    /// Giải trình.
    pub explanation: String,
    /// Tài liệu kiểm chứng.
    pub evidence: Vec<Evidence>,
}

impl Assessment {
    /// The evidence documents that name a document: the one definition of "evidence is
    /// present", for the scoring's warning and for every view that lists documents.
    pub fn documents(&self) -> impl Iterator<Item = &Evidence> + '_ {
        self.evidence.iter().filter(|e| e.names_a_document())
    }

    pub fn has_evidence(&self) -> bool {
        self.documents().next().is_some()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evidence {
    pub title: String,
    /// Số, ký hiệu: "15/KH-UBND".
    pub number: String,
    /// As typed, dd/mm/yyyy.
    pub date: String,
    /// Trang, mục.
    pub location: String,
}

impl Evidence {
    /// A document is named by its title or its number; a date or a page alone names none.
    pub fn names_a_document(&self) -> bool {
        !self.title.trim().is_empty() || !self.number.trim().is_empty()
    }
}

/// Values written by another tool may be JSON numbers or booleans; keep them as text like
/// everything typed, so one path parses them all. A JSON number is written the Vietnamese way
/// (decimal comma, no grouping), so that it reads back as the number it is: 1.794 → "1,794",
/// not one thousand seven hundred and ninety-four.
fn values_from_any<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    let raw: BTreeMap<String, serde_json::Value> = BTreeMap::deserialize(d)?;
    raw.into_iter()
        .filter_map(|(k, v)| {
            let s = match v {
                serde_json::Value::Null => return None,
                serde_json::Value::String(s) => s,
                serde_json::Value::Bool(true) => "có".into(),
                serde_json::Value::Bool(false) => "không".into(),
                serde_json::Value::Number(n) => json_number_as_typed(&n),
                _ => {
                    let k = crate::json::excerpt(&k);
                    return Some(Err(crate::json::custom_error(
                        &format!("ô «{k}» có giá trị không phải chữ hay số"),
                        &format!(
                            "the cell “{k}” holds something that is neither text nor a number"
                        ),
                    )));
                }
            };
            Some(Ok((k, s)))
        })
        .collect()
}

/// A JSON number as an officer would type it: "1794", "1,794", "-5", "0,0000001".
pub fn json_number_as_typed(n: &serde_json::Number) -> String {
    if n.is_i64() || n.is_u64() {
        return n.to_string();
    }
    // serde_json writes the shortest text that reads back as the same f64 ("1.794", "1e-7",
    // "1.5e20"); move the point by the exponent on the digits, so nothing is rounded.
    let text = n.to_string();
    let (mantissa, exp) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text.as_str(), 0),
    };
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    // The position of the decimal point within `digits`, after the exponent.
    let point = i64::from(exp) + int.len() as i64;
    let (int, frac) = if point <= 0 {
        let zeros = "0".repeat(usize::try_from(-point).unwrap_or(0));
        ("0".to_owned(), format!("{zeros}{digits}"))
    } else {
        let p = usize::try_from(point).unwrap_or(usize::MAX);
        if p >= digits.len() {
            (
                format!("{digits}{}", "0".repeat(p - digits.len())),
                String::new(),
            )
        } else {
            (digits[..p].to_owned(), digits[p..].to_owned())
        }
    };
    let int = match int.trim_start_matches('0') {
        "" => "0",
        i => i,
    };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int},{frac}")
    }
}

impl Report {
    /// A blank report on the given templates.
    pub fn new(id: impl Into<String>, appendix: TemplateRef, criteria: TemplateRef) -> Self {
        Report {
            id: id.into(),
            appendix,
            criteria,
            ..Default::default()
        }
    }

    /// The raw text of a cell, "" when empty.
    pub fn value(&self, cell: &str) -> &str {
        self.values.get(cell).map(String::as_str).unwrap_or("")
    }

    /// Sets what the officer typed; an empty entry removes the cell (empty is not zero).
    pub fn set_value(&mut self, cell: &str, raw: &str) {
        if raw.trim().is_empty() {
            self.values.remove(cell);
        } else {
            self.values.insert(cell.to_owned(), raw.to_owned());
        }
    }
}
