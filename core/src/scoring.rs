//! PAR-Index self-scoring: points per sub-criterion by its rule, totals per area, the index and
//! its band. Numeric rules read the computed appendix, so a figure is typed once.
//!
//! Ratios and the index are compared with their thresholds at the displayed two decimals
//! (rounded half-up), so what the officer reads is what was compared: 99,996 % shows and
//! scores as 100,00 %.

use crate::compute::Computed;
use crate::number::{self, format_decimal, format_percent, round_half_up, NumberKind};
use crate::report::{Assessment, Report};
use crate::template::compile::{Criteria, ItemIx, Ratio, ScoringRule};
use crate::template::criteria::{AreaKind, WhenEmpty};
use crate::text::{Lang, Text};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemStatus {
    Scored,
    /// Declared not applicable, or a ratio with a zero denominator under `when_empty: na`:
    /// the item leaves both the points and the applicable maximum.
    NotApplicable,
    /// Not scored yet: no answer, no score, or the appendix cells it reads are empty.
    Pending,
    /// The officer's score cannot be read or breaks the maximum or step.
    Invalid,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ItemScore {
    /// The item in `Criteria::items` (its area, criterion and template item are there).
    pub item: ItemIx,
    pub max: f64,
    pub status: ItemStatus,
    /// Points achieved, 0 unless scored.
    pub points: f64,
    /// Computed from the appendix (the officer does not type the score).
    pub auto: bool,
    /// One line saying how the points came about: "Tỷ lệ 99,89% ≥ 95% → 1,00 điểm".
    pub explanation: Text,
    pub warnings: Vec<Text>,
}

impl ItemScore {
    /// Points lost against the maximum, for items that count.
    pub fn lost(&self) -> f64 {
        match self.status {
            ItemStatus::NotApplicable => 0.0,
            _ => self.max - self.points,
        }
    }

    pub fn missing_evidence(&self) -> bool {
        !self.warnings.is_empty()
    }

    /// Still to score, or scored with something that cannot be read (see `Scorecard::pending`).
    pub fn is_open(&self) -> bool {
        matches!(self.status, ItemStatus::Pending | ItemStatus::Invalid)
    }
}

/// Why a ratio has no value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoValue {
    /// The denominator is 0: nothing to count (no dossier, no petition).
    ZeroDenominator,
    /// A side of the ratio, or the typed percentage, is not filled yet.
    NotFilled,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AreaScore {
    pub kind: AreaKind,
    pub max: f64,
    /// The maximum less not-applicable items.
    pub applicable_max: f64,
    /// For bonus and penalty areas, capped at the area's maximum. `None` for the survey.
    pub points: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scorecard {
    pub items: Vec<ItemScore>,
    pub areas: Vec<AreaScore>,
    /// Self-scored points of regular areas.
    pub achieved: f64,
    pub bonus: f64,
    pub penalty: f64,
    /// achieved + bonus − penalty, never below 0.
    pub total: f64,
    /// The self-scored maximum less not-applicable items (the survey is apart).
    pub applicable_max: f64,
    pub survey_max: f64,
    /// total ÷ applicable maximum × 100, at most 100; `None` when nothing applies.
    pub index: Option<f64>,
    /// Index into the template's bands.
    pub band: Option<usize>,
    /// The items still to do, by position in `items`: see `pending_items`.
    pending: Vec<usize>,
}

impl Scorecard {
    /// Scored items of regular areas that lost points, most lost first (an item not scored
    /// yet has lost nothing: it is still to do).
    pub fn losses(&self, criteria: &Criteria) -> Vec<&ItemScore> {
        let mut v: Vec<&ItemScore> = self
            .items
            .iter()
            .filter(|s| {
                criteria
                    .items
                    .get(s.item)
                    .is_some_and(|i| i.area_kind == AreaKind::Regular)
                    && s.status == ItemStatus::Scored
                    && s.lost() > 1e-9
            })
            .collect();
        v.sort_by(|a, b| b.lost().total_cmp(&a.lost()));
        v
    }

    /// The items still to do: those of regular areas not scored yet or whose score cannot be
    /// read, in template order. Bonus and penalty items are optional and the survey is not
    /// self-scored, so they are never "still to do". The one definition of the to-do list and
    /// of its count.
    pub fn pending_items(&self) -> impl Iterator<Item = &ItemScore> + '_ {
        self.pending.iter().filter_map(|&i| self.items.get(i))
    }

    /// How many items `pending_items` lists.
    pub fn pending_count(&self) -> usize {
        self.pending.len()
    }

    /// The scores of the items of one criterion, in order.
    pub fn items_in<'a>(
        &'a self,
        criteria: &'a Criteria,
        area: usize,
        criterion: usize,
    ) -> impl Iterator<Item = &'a ItemScore> + 'a {
        self.items.iter().filter(move |s| {
            criteria
                .items
                .get(s.item)
                .is_some_and(|i| i.area == area && i.criterion == criterion)
        })
    }
}

fn pts(x: f64) -> String {
    format!("{} điểm", format_decimal(x, 2))
}

/// Figures stay Vietnamese in English text too, as everywhere in the app: "1,00 pts".
fn pts_en(x: f64) -> String {
    format!("{} pts", format_decimal(x, 2))
}

/// Scores every item of `criteria` for `report`, each with the line explaining its points.
pub fn score(criteria: &Criteria, computed: &Computed, report: &Report) -> Scorecard {
    score_with(criteria, computed, report, true)
}

/// Where a report stands: its index and band, scored exactly as [`score`] does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Standing {
    pub index: Option<f64>,
    pub band: Option<usize>,
}

/// The index and band alone, without the line explaining each item's points: the roll-up
/// scores a thousand reports and shows only these, and writing the figures of those lines
/// was half of its scoring time.
pub fn standing(criteria: &Criteria, computed: &Computed, report: &Report) -> Standing {
    let card = score_with(criteria, computed, report, false);
    Standing {
        index: card.index,
        band: card.band,
    }
}

fn score_with(
    criteria: &Criteria,
    computed: &Computed,
    report: &Report,
    explain: bool,
) -> Scorecard {
    let t = &criteria.template;
    let empty = Assessment::default();
    let mut items: Vec<ItemScore> = Vec::with_capacity(criteria.items.len());
    for (ix, ci) in criteria.items.iter().enumerate() {
        let def = criteria.def(ix);
        let a = report.assessments.get(&def.id).unwrap_or(&empty);
        let of = Of {
            item: ix,
            max: def.max,
            explain,
        };
        let mut s = score_item(of, def.na_allowed, &ci.rule, a, computed);
        if s.status == ItemStatus::Scored && ci.area_kind != AreaKind::Penalty && !a.has_evidence()
        {
            s.warnings.push(Text::new(
                "Chưa có tài liệu kiểm chứng.",
                "No evidence document yet.",
            ));
            if t.no_evidence_scores_zero && s.points > 0.0 {
                if explain {
                    s.explanation.vi += &format!(
                        " — 0 điểm vì chưa có tài liệu kiểm chứng (mất {}).",
                        pts(s.points)
                    );
                    s.explanation.en += &format!(
                        " — 0 because no evidence is attached (loses {}).",
                        pts_en(s.points)
                    );
                }
                s.points = 0.0;
            }
        }
        items.push(s);
    }
    let areas: Vec<AreaScore> = t
        .areas
        .iter()
        .enumerate()
        .map(|(ai, area)| {
            let own = || {
                items
                    .iter()
                    .filter(move |s| criteria.items.get(s.item).is_some_and(|i| i.area == ai))
            };
            let sum: f64 = own().map(|s| s.points).sum();
            let applicable: f64 = own()
                .filter(|s| s.status != ItemStatus::NotApplicable)
                .map(|s| s.max)
                .sum();
            let points = match area.kind {
                AreaKind::Survey => None,
                AreaKind::Regular => Some(sum),
                AreaKind::Bonus | AreaKind::Penalty => Some(sum.min(area.max)),
            };
            let applicable_max = if area.kind == AreaKind::Survey {
                area.max
            } else {
                applicable
            };
            AreaScore {
                kind: area.kind,
                max: area.max,
                applicable_max,
                points,
            }
        })
        .collect();
    let of = |k: AreaKind| areas.iter().filter(move |a| a.kind == k);
    let achieved: f64 = of(AreaKind::Regular).filter_map(|a| a.points).sum();
    let bonus: f64 = of(AreaKind::Bonus).filter_map(|a| a.points).sum();
    let penalty: f64 = of(AreaKind::Penalty).filter_map(|a| a.points).sum();
    let applicable_max: f64 = of(AreaKind::Regular).map(|a| a.applicable_max).sum();
    let survey_max = criteria.max_of(AreaKind::Survey);
    let total = (achieved + bonus - penalty).max(0.0);
    let index = (applicable_max > 0.0).then(|| (total / applicable_max * 100.0).min(100.0));
    let band = index.and_then(|i| band_of(criteria, i));
    let pending = items
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.is_open()
                && criteria
                    .items
                    .get(s.item)
                    .is_some_and(|i| i.area_kind == AreaKind::Regular)
        })
        .map(|(i, _)| i)
        .collect();
    Scorecard {
        items,
        areas,
        achieved,
        bonus,
        penalty,
        total,
        applicable_max,
        survey_max,
        index,
        band,
        pending,
    }
}

/// The band of an index, compared at its displayed two decimals.
pub fn band_of(criteria: &Criteria, index: f64) -> Option<usize> {
    let shown = round_half_up(index, 2);
    criteria
        .template
        .bands
        .iter()
        .position(|b| shown >= b.from && b.to.is_none_or(|to| shown < to))
}

/// A ratio's value, or why it has none.
pub fn ratio_value(ratio: &Ratio, c: &Computed) -> Result<f64, NoValue> {
    match ratio {
        Ratio::Typed(ix) => c.number(*ix).ok_or(NoValue::NotFilled),
        Ratio::Cells { num, den } => match (c.sum(num), c.sum(den)) {
            (_, Some(0.0)) => Err(NoValue::ZeroDenominator),
            (Some(n), Some(d)) => Ok(n / d * 100.0),
            _ => Err(NoValue::NotFilled),
        },
    }
}

/// The item being scored: every score of it names it and its maximum, and says how its points
/// came about when asked to.
#[derive(Clone, Copy)]
struct Of {
    item: ItemIx,
    max: f64,
    explain: bool,
}

impl Of {
    /// A score; `why` (the explanation in Vietnamese and English) is only written when the
    /// score is to be explained.
    fn score(
        self,
        status: ItemStatus,
        points: f64,
        auto: bool,
        why: impl FnOnce() -> (String, String),
    ) -> ItemScore {
        let explanation = if self.explain {
            let (vi, en) = why();
            Text::new(vi, en)
        } else {
            Text::default()
        };
        ItemScore {
            item: self.item,
            max: self.max,
            status,
            points,
            auto,
            explanation,
            warnings: Vec::new(),
        }
    }

    fn scored(self, points: f64, auto: bool, why: impl FnOnce() -> (String, String)) -> ItemScore {
        self.score(ItemStatus::Scored, points, auto, why)
    }

    fn pending(self, auto: bool, vi: &str, en: &str) -> ItemScore {
        self.score(ItemStatus::Pending, 0.0, auto, || (vi.into(), en.into()))
    }
}

fn score_item(
    of: Of,
    na_allowed: bool,
    rule: &ScoringRule,
    a: &Assessment,
    c: &Computed,
) -> ItemScore {
    let max = of.max;
    if na_allowed && a.not_applicable {
        return of.score(ItemStatus::NotApplicable, 0.0, false, || {
            ("Không áp dụng.".into(), "Not applicable.".into())
        });
    }
    let no_figures = || {
        of.pending(
            true,
            "Chưa có số liệu ở phụ lục.",
            "The appendix figures are not filled yet.",
        )
    };
    let on_empty = |when: WhenEmpty| match when {
        WhenEmpty::NotApplicable => of.score(ItemStatus::NotApplicable, 0.0, true, || {
            (
                "Không phát sinh (mẫu số bằng 0): không áp dụng.".into(),
                "Nothing to count (zero denominator): not applicable.".into(),
            )
        }),
        WhenEmpty::Full => of.scored(max, true, || {
            (
                format!("Không phát sinh (mẫu số bằng 0) → {}.", pts(max)),
                format!("Nothing to count → {}.", pts_en(max)),
            )
        }),
        WhenEmpty::Zero => of.scored(0.0, true, || {
            (
                format!("Không phát sinh (mẫu số bằng 0) → {}.", pts(0.0)),
                format!("Nothing to count → {}.", pts_en(0.0)),
            )
        }),
    };
    // A ratio rule: its points from the rate, or what a rate with no value means.
    let by_ratio =
        |ratio: &Ratio, when: WhenEmpty, points: &dyn Fn(f64) -> ItemScore| match ratio_value(
            ratio, c,
        ) {
            Ok(r) => points(r),
            Err(NoValue::ZeroDenominator) => on_empty(when),
            Err(NoValue::NotFilled) => no_figures(),
        };
    let answer = |yes: bool, auto: bool| {
        let p = if yes { max } else { 0.0 };
        let (vi, en) = if yes {
            ("Có", "Yes")
        } else {
            ("Không", "No")
        };
        of.scored(p, auto, || {
            (
                format!("{vi} → {}.", pts(p)),
                format!("{en} → {}.", pts_en(p)),
            )
        })
    };
    match rule {
        ScoringRule::Manual { step } => manual(of, *step, &a.score),
        ScoringRule::AnswerCell(cell) => match c.answer(*cell) {
            Some(yes) => answer(yes, true),
            None => no_figures(),
        },
        ScoringRule::Answer => match a.answer {
            Some(yes) => answer(yes, false),
            None => of.pending(false, "Chưa trả lời Có/Không.", "Not answered yet."),
        },
        ScoringRule::RatioBands {
            ratio,
            bands,
            when_empty,
        } => by_ratio(ratio, *when_empty, &|r| {
            let shown = round_half_up(r, 2);
            let at = bands.iter().position(|b| shown >= b.min);
            let p = at.map_or(0.0, |i| bands[i].points);
            of.scored(p, true, || {
                let rs = format_percent(Some(r));
                // Say the threshold that decided: reached ("≥ 95,00%"), or, at the floor band
                // (or under every band), missed ("< 80,00%").
                let (op, threshold) = match at {
                    Some(i) if bands[i].min > 0.0 || i == 0 => ("≥", bands[i].min),
                    Some(i) => ("<", bands[i - 1].min),
                    None => ("<", bands.last().map_or(0.0, |b| b.min)),
                };
                let ms = format_percent(Some(threshold));
                (
                    format!("Tỷ lệ {rs} {op} {ms} → {}.", pts(p)),
                    format!("Rate {rs} {op} {ms} → {}.", pts_en(p)),
                )
            })
        }),
        ScoringRule::ProportionalInBand {
            ratio,
            min_percent,
            when_empty,
        } => by_ratio(ratio, *when_empty, &|r| {
            let reached = round_half_up(r, 2) >= *min_percent;
            let p = if reached {
                max * r.min(100.0) / 100.0
            } else {
                0.0
            };
            of.scored(p, true, || {
                let rs = format_percent(Some(r));
                let ms = format_percent(Some(*min_percent));
                if reached {
                    let m = number::format_trimmed(max, 2);
                    (
                        format!("Tỷ lệ {rs} ≥ {ms}: {rs} × {m} → {}.", pts(p)),
                        format!("Rate {rs} ≥ {ms}: {rs} × {m} → {}.", pts_en(p)),
                    )
                } else {
                    (
                        format!("Tỷ lệ {rs} < {ms} → {}.", pts(p)),
                        format!("Rate {rs} < {ms} → {}.", pts_en(p)),
                    )
                }
            })
        }),
        ScoringRule::Threshold {
            ratio,
            threshold,
            when_empty,
        } => by_ratio(ratio, *when_empty, &|r| {
            // Compared as shown, like every threshold: 79,996 % reads 80,00 % and reaches 80.
            let reached = round_half_up(r, 2) >= *threshold;
            let p = if reached {
                max
            } else {
                max * r.max(0.0) / threshold
            };
            of.scored(p, true, || {
                let rs = format_percent(Some(r));
                let ts = format_percent(Some(*threshold));
                if reached {
                    (
                        format!("Tỷ lệ {rs} ≥ {ts} → {}.", pts(p)),
                        format!("Rate {rs} ≥ {ts} → {}.", pts_en(p)),
                    )
                } else {
                    let m = number::format_trimmed(max, 2);
                    (
                        format!("Tỷ lệ {rs} < {ts}: {rs} × {m} ÷ {ts} → {}.", pts(p)),
                        format!("Rate {rs} < {ts}: {rs} × {m} ÷ {ts} → {}.", pts_en(p)),
                    )
                }
            })
        }),
        ScoringRule::Proportional { ratio, when_empty } => by_ratio(ratio, *when_empty, &|r| {
            let p = max * r.clamp(0.0, 100.0) / 100.0;
            of.scored(p, true, || {
                let rs = format_percent(Some(r));
                let m = number::format_trimmed(max, 2);
                (
                    format!("Tỷ lệ {rs} × {m} → {}.", pts(p)),
                    format!("Rate {rs} × {m} → {}.", pts_en(p)),
                )
            })
        }),
        ScoringRule::Additive { parts } => {
            let mut any = false;
            let mut p = 0.0;
            let mut met = Vec::new();
            for part in parts {
                let yes = match &part.cell {
                    Some(cell) => c.answer(*cell),
                    None => Some(a.parts.contains(&part.id)).filter(|&t| t || !a.parts.is_empty()),
                };
                any |= yes.is_some();
                if yes == Some(true) {
                    p += part.points;
                    met.push(part.points);
                }
            }
            if !any && a.answer.is_none() {
                return of.pending(false, "Chưa đánh dấu ý nào.", "No sub-item ticked yet.");
            }
            of.scored(p, false, || {
                let sum = if met.is_empty() {
                    "0".to_owned()
                } else {
                    let met: Vec<String> =
                        met.iter().map(|&x| number::format_trimmed(x, 2)).collect();
                    met.join(" + ")
                };
                (
                    format!("Đạt {}/{} ý: {sum} → {}.", met.len(), parts.len(), pts(p)),
                    format!(
                        "{}/{} sub-items met: {sum} → {}.",
                        met.len(),
                        parts.len(),
                        pts_en(p)
                    ),
                )
            })
        }
        ScoringRule::Deduction { cell, per_case } | ScoringRule::PerCase { cell, per_case } => {
            let Some(typed) = c.number(*cell) else {
                return no_figures();
            };
            // A count read from a difference can be negative (quota − staff present = −5):
            // fewer than no cases is no case, so the points stay within 0 and the maximum.
            let n = typed.max(0.0);
            let cases = n * per_case;
            // A deduction takes cases off the maximum; a per-case bonus or penalty counts
            // cases up to it.
            let deduction = matches!(rule, ScoringRule::Deduction { .. });
            let p = if deduction {
                (max - cases).max(0.0)
            } else {
                cases.min(max)
            };
            of.scored(p, true, || {
                let (ns, per, m, lost) = (
                    number::format_integer(n),
                    number::format_trimmed(*per_case, 2),
                    number::format_trimmed(max, 2),
                    number::format_trimmed(cases, 2),
                );
                let (vi, en) = if deduction {
                    (
                        format!("{ns} trường hợp × {per} điểm: {m} − {lost} → {}.", pts(p)),
                        format!("{ns} cases × {per}: {m} − {lost} → {}.", pts_en(p)),
                    )
                } else {
                    (
                        format!("{ns} trường hợp × {per} điểm (tối đa {m}) → {}.", pts(p)),
                        format!("{ns} cases × {per} (at most {m}) → {}.", pts_en(p)),
                    )
                };
                if typed < 0.0 {
                    let t = number::format_integer(typed);
                    (
                        format!("Số trường hợp âm ({t}) được tính là 0. {vi}"),
                        format!("A negative count ({t}) counts as 0. {en}"),
                    )
                } else {
                    (vi, en)
                }
            })
        }
    }
}

/// A score the officer typed: a number from 0 to the maximum, in steps of `step`.
fn manual(of: Of, step: f64, raw: &str) -> ItemScore {
    let max = of.max;
    if raw.trim().is_empty() {
        return of.pending(false, "Chưa chấm điểm.", "Not scored yet.");
    }
    let invalid =
        |why: &dyn Fn() -> (String, String)| of.score(ItemStatus::Invalid, 0.0, false, why);
    let v = match number::parse(raw, NumberKind::Decimal) {
        Ok(v) => v,
        Err(e) => {
            return invalid(&|| {
                (
                    format!("Điểm «{raw}» không đọc được: {}", e.message_vi()),
                    format!("Score “{raw}” cannot be read: {}", e.message_en()),
                )
            })
        }
    };
    let (m, s) = (
        || number::format_trimmed(max, 2),
        || number::format_trimmed(step, 2),
    );
    if v > max + 1e-9 {
        return invalid(&|| {
            let v = number::format_trimmed(v, 2);
            (
                format!("Điểm {v} vượt điểm tối đa {}.", m()),
                format!("Score {v} exceeds the maximum {}.", m()),
            )
        });
    }
    if ((v / step).round() * step - v).abs() > 1e-9 {
        return invalid(&|| {
            let (s, m) = (s(), m());
            (
                format!("Điểm phải theo bước {s} (ví dụ 0; {s}; …; {m})."),
                format!("Scores go in steps of {s}."),
            )
        });
    }
    of.scored(v, false, || {
        (
            format!("Tự chấm {}.", pts(v)),
            format!("Self-scored {}.", pts_en(v)),
        )
    })
}

/// The band label of a scorecard in `lang`, "—" when there is no index.
pub fn band_label(criteria: &Criteria, card: &Scorecard, lang: Lang) -> String {
    card.band
        .map(|b| criteria.template.bands[b].label.get(lang).to_owned())
        .unwrap_or_else(|| number::NO_VALUE.to_owned())
}
