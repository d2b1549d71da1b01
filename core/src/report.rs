//! The filled report: who reports, for which period, what the officer typed and how they
//! self-scored. Only what the officer typed is here; every figure derived from it is computed
//! (`compute`, `checks`, `scoring`), never stored.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::period::PeriodKind;
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

impl Identity {
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
    pub fn has_evidence(&self) -> bool {
        self.evidence
            .iter()
            .any(|e| !e.title.trim().is_empty() || !e.number.trim().is_empty())
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

/// Values written by another tool may be JSON numbers or booleans; keep them as text like
/// everything typed, so one path parses them all.
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
                serde_json::Value::Number(n) => n.to_string(),
                other => {
                    return Some(Err(serde::de::Error::custom(format!(
                        "ô «{k}»: giá trị không hợp lệ {other}"
                    ))))
                }
            };
            Some(Ok((k, s)))
        })
        .collect()
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
