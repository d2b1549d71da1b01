//! The PAR-Index criteria set as written in JSON (`templates/*.tieuchi.json`): areas →
//! criteria → sub-criteria, each sub-criterion with a maximum and a scoring rule.

use serde::{Deserialize, Serialize};

use crate::text::Text;

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriteriaTemplate {
    pub id: String,
    pub version: u32,
    pub title: Text,
    /// A sample set, not a province's official one: the UI says so.
    #[serde(default)]
    pub sample: bool,
    /// Where the set comes from (decision number, date) or why it is a sample.
    #[serde(default)]
    pub source: Text,
    /// The appendix template whose cells the numeric rules read.
    pub appendix: String,
    /// The scale of the index: regular areas plus the survey add up to it (100).
    pub scale: f64,
    /// Default score step for manual items (0,25).
    pub step: f64,
    /// A scored item with no evidence document scores 0 (several provinces' rule).
    #[serde(default)]
    pub no_evidence_scores_zero: bool,
    /// Classification by index %, compared at the displayed two decimals.
    pub bands: Vec<Band>,
    pub areas: Vec<Area>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub label: Text,
    /// Inclusive lower bound, in %.
    pub from: f64,
    /// Exclusive upper bound, in %; `None` for the top band (which includes 100).
    #[serde(default)]
    pub to: Option<f64>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    /// Self-scored points counted in the index.
    #[default]
    Regular,
    /// Points from the sociological survey (ĐTXHH): the commune cannot self-score them.
    Survey,
    /// Added to the points achieved, at most `max`.
    Bonus,
    /// Subtracted from the points achieved, at most `max`.
    Penalty,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub stt: String,
    pub title: Text,
    #[serde(default)]
    pub kind: AreaKind,
    pub max: f64,
    #[serde(default)]
    pub criteria: Vec<Criterion>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub stt: String,
    pub title: Text,
    pub max: f64,
    pub items: Vec<Item>,
}

/// A sub-criterion (tiêu chí thành phần): the unit that is scored.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub stt: String,
    pub title: Text,
    pub max: f64,
    pub rule: Rule,
    /// What evidence the council expects (tài liệu kiểm chứng).
    #[serde(default)]
    pub evidence_hint: Text,
    /// How the province says the item is scored (cách chấm), as published: what the officer
    /// reads to score a manual item, kept by the spreadsheet import.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub guide: Text,
    /// The officer may declare the item not applicable to the commune.
    #[serde(default)]
    pub na_allowed: bool,
}

/// How an item is scored. Numeric rules name appendix cells, so nothing is typed twice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// The officer gives a score from 0 to the maximum in steps of `step` (or the set's).
    Manual {
        #[serde(default)]
        step: Option<f64>,
    },
    /// Full points for "có", 0 for "không". With `cell`, the answer is that yes/no cell.
    YesNo {
        #[serde(default)]
        cell: Option<String>,
    },
    /// Points by the band the ratio falls in: the first band whose `min` the ratio reaches.
    RatioBands {
        ratio: RatioSource,
        bands: Vec<PointBand>,
        #[serde(default)]
        when_empty: WhenEmpty,
    },
    /// max × ratio when the ratio reaches `min_percent`, else 0 (Xuân Lộc's 90–100 % rule).
    ProportionalInBand {
        ratio: RatioSource,
        min_percent: f64,
        #[serde(default)]
        when_empty: WhenEmpty,
    },
    /// Full points when the ratio reaches `threshold` (in %), else max × ratio ÷ threshold
    /// (Bộ chỉ số 766: "đạt từ 80 % trở lên được điểm tối đa").
    Threshold {
        ratio: RatioSource,
        threshold: f64,
        #[serde(default)]
        when_empty: WhenEmpty,
    },
    /// max × ratio, the ratio capped at 100 %.
    Proportional {
        ratio: RatioSource,
        #[serde(default)]
        when_empty: WhenEmpty,
    },
    /// Sub-items each worth some points; the officer ticks those met (or a yes/no cell says).
    Additive { parts: Vec<Part> },
    /// max less `per_case` for each counted case, never below 0.
    Deduction { cell: String, per_case: f64 },
    /// `per_case` for each counted case, at most the maximum (bonus or penalty areas).
    PerCase { cell: String, per_case: f64 },
}

/// Where a ratio comes from: a named rate of the appendix, or cells.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum RatioSource {
    Rate(String),
    Cell(String),
    Cells { num: Vec<String>, den: Vec<String> },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointBand {
    /// Inclusive lower bound of the ratio, in %.
    pub min: f64,
    pub points: f64,
}

/// What a ratio rule gives when its denominator is empty or zero (no dossiers, no petitions).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WhenEmpty {
    /// The item leaves both the points achieved and the applicable maximum.
    #[default]
    NotApplicable,
    /// Full points ("no petition in the year → 2 points").
    Full,
    Zero,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub id: String,
    pub label: Text,
    pub points: f64,
    #[serde(default)]
    pub cell: Option<String>,
}
