//! The compiled criteria set: every sub-criterion in one flat list, in template order, each
//! knowing its area, criterion and rule, the rule resolved once to appendix cell indices. A set
//! that compiles can be scored without looking a cell up by name.

use std::collections::HashMap;

use super::appendix::{Appendix, CellIx, Expr};
use super::{Numeric, EPS};
use crate::template::criteria::{
    Area, AreaKind, CriteriaTemplate, Criterion, Item, PointBand, RatioSource, Rule, WhenEmpty,
};
use crate::template::error::TemplateError;
use crate::text::Text;

/// The index of a sub-criterion in `Criteria::items`.
pub type ItemIx = usize;

/// A criteria set checked against the appendix it reads.
#[derive(Clone, Debug)]
pub struct Criteria {
    pub template: CriteriaTemplate,
    /// Every sub-criterion of every area (survey, bonus and penalty included), in template
    /// order: areas, then criteria, then items.
    pub items: Vec<CriteriaItem>,
}

/// One sub-criterion of the flat list.
#[derive(Clone, Debug, PartialEq)]
pub struct CriteriaItem {
    /// Indices into the template: `areas[area].criteria[criterion].items[index]`.
    pub area: usize,
    pub criterion: usize,
    pub index: usize,
    pub area_kind: AreaKind,
    pub rule: ScoringRule,
}

/// A rule with its cells and rates resolved to indices.
#[derive(Clone, Debug, PartialEq)]
pub enum ScoringRule {
    /// A score typed by the officer, in steps of `step` (the item's or the set's).
    Manual {
        step: f64,
    },
    /// The officer's yes/no answer.
    Answer,
    /// A yes/no cell of the appendix.
    AnswerCell(CellIx),
    RatioBands {
        ratio: Ratio,
        bands: Vec<PointBand>,
        when_empty: WhenEmpty,
    },
    ProportionalInBand {
        ratio: Ratio,
        min_percent: f64,
        when_empty: WhenEmpty,
    },
    Proportional {
        ratio: Ratio,
        when_empty: WhenEmpty,
    },
    Additive {
        parts: Vec<ScoringPart>,
    },
    Deduction {
        cell: CellIx,
        per_case: f64,
    },
    PerCase {
        cell: CellIx,
        per_case: f64,
    },
}

/// A sub-item of an additive rule: ticked by the officer, or read from a yes/no cell.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoringPart {
    pub id: String,
    pub points: f64,
    pub cell: Option<CellIx>,
}

/// Where a ratio's value comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Ratio {
    /// sum(num) ÷ sum(den) × 100: a named rate, cells, or a derived ratio cell's own formula
    /// (so that a zero denominator is told apart from an empty one).
    Cells { num: Vec<CellIx>, den: Vec<CellIx> },
    /// A percentage the officer typed.
    Typed(CellIx),
}

impl Criteria {
    pub fn from_json(json: &str, appendix: &Appendix) -> Result<Self, TemplateError> {
        let template: CriteriaTemplate = crate::template::error::read_json(json, "bộ tiêu chí")?;
        Self::compile(template, appendix)
    }

    pub fn compile(template: CriteriaTemplate, appendix: &Appendix) -> Result<Self, TemplateError> {
        if template.appendix != appendix.template.id {
            return Err(TemplateError::WrongAppendix {
                criteria: template.id.clone(),
                expected: template.appendix.clone(),
                found: appendix.template.id.clone(),
            });
        }
        let mut ids = HashMap::new();
        let mut claim = |id: &str| match ids.insert(id.to_owned(), ()) {
            Some(()) => Err(TemplateError::DuplicateId { id: id.to_owned() }),
            None => Ok(()),
        };
        claim(&template.id)?;
        let mut items = Vec::new();
        let mut scale_sum = 0.0;
        for (ai, area) in template.areas.iter().enumerate() {
            claim(&area.id)?;
            // Every maximum is a number of points a commune can get (or, for a penalty, lose):
            // below 0 it would turn a penalty into a bonus.
            if area.max < 0.0 {
                return Err(TemplateError::NegativeMax {
                    at: area.id.clone(),
                    max: area.max,
                });
            }
            if matches!(area.kind, AreaKind::Regular | AreaKind::Survey) {
                scale_sum += area.max;
            }
            let mut area_sum = 0.0;
            for (ci, c) in area.criteria.iter().enumerate() {
                claim(&c.id)?;
                area_sum += c.max;
                let mut crit_sum = 0.0;
                for (ii, item) in c.items.iter().enumerate() {
                    claim(&item.id)?;
                    crit_sum += item.max;
                    items.push(CriteriaItem {
                        area: ai,
                        criterion: ci,
                        index: ii,
                        area_kind: area.kind,
                        rule: compile_rule(item, appendix, template.step)?,
                    });
                }
                if (crit_sum - c.max).abs() > EPS {
                    return Err(TemplateError::MaxMismatch {
                        at: c.id.clone(),
                        declared: c.max,
                        sum: crit_sum,
                    });
                }
            }
            // A bonus or penalty area's max is a cap: its items may offer more than it allows.
            // A survey area may list no criteria: its points come from the survey.
            let capped = matches!(area.kind, AreaKind::Bonus | AreaKind::Penalty)
                || (area.kind == AreaKind::Survey && area.criteria.is_empty());
            if !capped && (area_sum - area.max).abs() > EPS {
                return Err(TemplateError::MaxMismatch {
                    at: area.id.clone(),
                    declared: area.max,
                    sum: area_sum,
                });
            }
        }
        if (scale_sum - template.scale).abs() > EPS {
            return Err(TemplateError::ScaleMismatch {
                scale: template.scale,
                sum: scale_sum,
            });
        }
        check_bands(&template)?;
        Ok(Criteria { template, items })
    }

    /// The template's sub-criterion of item `ix`.
    pub fn def(&self, ix: ItemIx) -> &Item {
        let i = &self.items[ix];
        &self.template.areas[i.area].criteria[i.criterion].items[i.index]
    }

    /// The criterion item `ix` belongs to.
    pub fn criterion_of(&self, ix: ItemIx) -> &Criterion {
        let i = &self.items[ix];
        &self.template.areas[i.area].criteria[i.criterion]
    }

    /// The area item `ix` belongs to.
    pub fn area_of(&self, ix: ItemIx) -> &Area {
        &self.template.areas[self.items[ix].area]
    }

    /// The items of criterion `criterion` of area `area`, in order.
    pub fn items_in(&self, area: usize, criterion: usize) -> impl Iterator<Item = ItemIx> + '_ {
        self.items
            .iter()
            .enumerate()
            .filter(move |(_, i)| i.area == area && i.criterion == criterion)
            .map(|(ix, _)| ix)
    }

    /// The maxima of the areas of one kind added up: the self-scored maximum (regular), the
    /// survey's points, the bonus cap, the penalty cap.
    pub fn max_of(&self, kind: AreaKind) -> f64 {
        self.template
            .areas
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| a.max)
            .sum()
    }
}

fn check_bands(t: &CriteriaTemplate) -> Result<(), TemplateError> {
    let mut bands: Vec<_> = t.bands.iter().collect();
    bands.sort_by(|a, b| a.from.total_cmp(&b.from));
    let Some(first) = bands.first() else {
        return Err(TemplateError::Empty {
            what: Text::new("Khoảng xếp loại (bands)", "The classification bands"),
        });
    };
    if first.from != 0.0 {
        return Err(TemplateError::BandEnds {
            message: Text::new(
                "khoảng thấp nhất phải bắt đầu từ 0%.",
                "the lowest band must start at 0 %.",
            ),
        });
    }
    for pair in bands.windows(2) {
        let end = pair[0]
            .to
            .ok_or_else(|| TemplateError::BandOverlap { at: pair[1].from })?;
        if end > pair[1].from + EPS {
            return Err(TemplateError::BandOverlap { at: pair[1].from });
        }
        if end < pair[1].from - EPS {
            return Err(TemplateError::BandGap {
                after: end,
                next: pair[1].from,
            });
        }
    }
    if bands.last().and_then(|b| b.to).is_some() {
        return Err(TemplateError::BandEnds {
            message: Text::new(
                "khoảng cao nhất phải để trống cận trên.",
                "the top band must have no upper bound.",
            ),
        });
    }
    Ok(())
}

/// Checks an item's rule against the appendix and its maximum, and resolves its cells.
fn compile_rule(item: &Item, a: &Appendix, set_step: f64) -> Result<ScoringRule, TemplateError> {
    let at = item.id.as_str();
    let cell = |id: &str, want: Numeric| -> Result<CellIx, TemplateError> {
        let ix = a.cell(id).ok_or_else(|| TemplateError::UnknownCell {
            at: at.into(),
            cell: id.into(),
        })?;
        if want.accepts(a.cells[ix].kind) {
            Ok(ix)
        } else {
            Err(TemplateError::WrongKind {
                at: at.into(),
                cell: id.into(),
                expected: want.name(),
            })
        }
    };
    let cells = |ids: &[String]| -> Result<Vec<CellIx>, TemplateError> {
        ids.iter().map(|id| cell(id, Numeric::Quantity)).collect()
    };
    let ratio = |r: &RatioSource| -> Result<Ratio, TemplateError> {
        match r {
            RatioSource::Rate(name) => {
                let rate = a.rate(name).ok_or_else(|| TemplateError::UnknownRate {
                    at: at.into(),
                    rate: name.clone(),
                })?;
                Ok(Ratio::Cells {
                    num: rate.num.clone(),
                    den: rate.den.clone(),
                })
            }
            RatioSource::Cell(id) => {
                let ix = cell(id, Numeric::Percent)?;
                Ok(match &a.cells[ix].formula {
                    Some(Expr::Ratio { num, den, .. }) => Ratio::Cells {
                        num: num.clone(),
                        den: den.clone(),
                    },
                    _ => Ratio::Typed(ix),
                })
            }
            RatioSource::Cells { num, den } => Ok(Ratio::Cells {
                num: cells(num)?,
                den: cells(den)?,
            }),
        }
    };
    let bad = |vi: String, en: String| TemplateError::RulePoints {
        item: at.into(),
        message: Text::new(vi, en),
    };
    if item.max <= 0.0 {
        return Err(bad(
            "điểm tối đa phải lớn hơn 0.".into(),
            "the maximum must be above 0.".into(),
        ));
    }
    Ok(match &item.rule {
        Rule::Manual { step } => {
            let step = step.unwrap_or(set_step);
            if step <= 0.0 || ((item.max / step).round() * step - item.max).abs() > EPS {
                return Err(bad(
                    format!("điểm tối đa {} không chia hết cho bước {step}.", item.max),
                    format!(
                        "the maximum {} is not a multiple of the step {step}.",
                        item.max
                    ),
                ));
            }
            ScoringRule::Manual { step }
        }
        Rule::YesNo { cell: Some(id) } => ScoringRule::AnswerCell(cell(id, Numeric::YesNo)?),
        Rule::YesNo { cell: None } => ScoringRule::Answer,
        Rule::RatioBands {
            ratio: r,
            bands,
            when_empty,
        } => {
            let ratio = ratio(r)?;
            if bands.is_empty()
                || bands
                    .iter()
                    .any(|b| b.points > item.max + EPS || b.points < 0.0)
            {
                return Err(bad(
                    "mỗi mức điểm phải từ 0 đến điểm tối đa.".into(),
                    "every band's points must be from 0 to the maximum.".into(),
                ));
            }
            if bands.windows(2).any(|w| w[0].min <= w[1].min) {
                return Err(bad(
                    "các mức tỷ lệ phải xếp giảm dần, không trùng nhau.".into(),
                    "the ratio bands must be in strictly descending order.".into(),
                ));
            }
            ScoringRule::RatioBands {
                ratio,
                bands: bands.clone(),
                when_empty: *when_empty,
            }
        }
        Rule::ProportionalInBand {
            ratio: r,
            min_percent,
            when_empty,
        } => {
            let ratio = ratio(r)?;
            if !(0.0..=100.0).contains(min_percent) {
                return Err(bad(
                    "ngưỡng tỷ lệ phải từ 0% đến 100%.".into(),
                    "the threshold must be from 0 % to 100 %.".into(),
                ));
            }
            ScoringRule::ProportionalInBand {
                ratio,
                min_percent: *min_percent,
                when_empty: *when_empty,
            }
        }
        Rule::Proportional {
            ratio: r,
            when_empty,
        } => ScoringRule::Proportional {
            ratio: ratio(r)?,
            when_empty: *when_empty,
        },
        Rule::Additive { parts } => {
            // A part worth less than 0 would let the ticked parts add up past the maximum.
            if parts.iter().any(|p| p.points < 0.0) {
                return Err(bad(
                    "mỗi ý phải có số điểm từ 0 trở lên.".into(),
                    "every sub-item must be worth 0 points or more.".into(),
                ));
            }
            let mut seen = std::collections::HashSet::new();
            if let Some(p) = parts.iter().find(|p| !seen.insert(p.id.as_str())) {
                return Err(TemplateError::DuplicateId { id: p.id.clone() });
            }
            let sum: f64 = parts.iter().map(|p| p.points).sum();
            if (sum - item.max).abs() > EPS {
                return Err(bad(
                    format!("các ý cộng lại {sum} điểm, khác điểm tối đa {}.", item.max),
                    format!(
                        "the sub-items add up to {sum}, not the maximum {}.",
                        item.max
                    ),
                ));
            }
            let parts = parts
                .iter()
                .map(|p| {
                    Ok(ScoringPart {
                        id: p.id.clone(),
                        points: p.points,
                        cell: p
                            .cell
                            .as_deref()
                            .map(|id| cell(id, Numeric::YesNo))
                            .transpose()?,
                    })
                })
                .collect::<Result<_, TemplateError>>()?;
            ScoringRule::Additive { parts }
        }
        Rule::Deduction { cell: id, per_case } | Rule::PerCase { cell: id, per_case } => {
            let ix = cell(id, Numeric::Quantity)?;
            if *per_case <= 0.0 {
                return Err(bad(
                    "số điểm mỗi trường hợp phải lớn hơn 0.".into(),
                    "the points per case must be above 0.".into(),
                ));
            }
            let per_case = *per_case;
            if matches!(item.rule, Rule::Deduction { .. }) {
                ScoringRule::Deduction { cell: ix, per_case }
            } else {
                ScoringRule::PerCase { cell: ix, per_case }
            }
        }
    })
}
