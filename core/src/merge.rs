//! Three-way merge of a report changed in two places at once (two tabs of one browser): `base`
//! is the copy both started from, `mine` the one open here, `theirs` the one saved elsewhere.
//!
//! Each part of a report merges on its own, field by field: a field changed on one side only
//! takes that change; changed the same way on both, it is no conflict; changed differently on
//! both, it keeps `mine` and is listed as a [`Field`] in conflict for the officer to settle
//! ([`Field::copy`] takes the other side's value). Cells, identity fields, and each part of a
//! self-assessment (score, answer, not applicable, explanation, the list of evidence) are
//! fields of their own; the sub-items ticked and the optional sections are sets, merged member
//! by member, so they never conflict. A list of evidence merges as one field: its rows have no
//! identity of their own (an index moves when a row is removed), so merging them row by row
//! could pair unrelated documents.

use std::collections::{BTreeMap, BTreeSet};

use crate::prose::draft::Segment;
use crate::report::{Assessment, Evidence, Identity, Report};
use crate::text::Text;
use crate::workspace::Templates;

/// A place in a report that can be in conflict.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The appendix template the report is filled on.
    Appendix,
    /// The criteria set it is scored against.
    Criteria,
    Identity(IdentityField),
    /// What was typed into an appendix cell, by cell id.
    Value(String),
    /// A part of the self-assessment of a sub-criterion.
    Assessment {
        item: String,
        part: AssessmentField,
    },
    /// The narrative of a section, by section id.
    Narrative(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IdentityField {
    CommuneKind,
    Commune,
    Province,
    ReceivingBody,
    Period,
    Year,
    From,
    To,
    Number,
    Date,
    Place,
    Signer,
    SignerTitle,
    Recipients,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AssessmentField {
    Score,
    Answer,
    NotApplicable,
    Explanation,
    Evidence,
}

/// The merged report, and the fields changed differently on both sides (where it holds `mine`).
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub report: Report,
    pub conflicts: Vec<Field>,
}

/// Merges `mine` and `theirs`, both changed from `base`. The result keeps `mine`'s id.
pub fn merge(base: &Report, mine: &Report, theirs: &Report) -> Merged {
    let mut conflicts = Vec::new();
    let mut report = mine.clone();
    report.appendix = pick(
        &base.appendix,
        &mine.appendix,
        &theirs.appendix,
        &mut conflicts,
        || Field::Appendix,
    );
    report.criteria = pick(
        &base.criteria,
        &mine.criteria,
        &theirs.criteria,
        &mut conflicts,
        || Field::Criteria,
    );
    report.identity = merge_identity(
        &base.identity,
        &mine.identity,
        &theirs.identity,
        &mut conflicts,
    );
    report.values = merge_map(
        &base.values,
        &mine.values,
        &theirs.values,
        &mut conflicts,
        |cell, b, m, t, c| {
            pick(&b.cloned(), &m.cloned(), &t.cloned(), c, || {
                Field::Value(cell.to_owned())
            })
        },
    );
    report.assessments = merge_map(
        &base.assessments,
        &mine.assessments,
        &theirs.assessments,
        &mut conflicts,
        |item, b, m, t, c| {
            let default = Assessment::default();
            let merged = merge_assessment(
                item,
                b.unwrap_or(&default),
                m.unwrap_or(&default),
                t.unwrap_or(&default),
                c,
            );
            // A default assessment is kept or left out as the presence of the entry merges,
            // so that two identical sides give exactly that side.
            let keep = merged != default
                || pick_silent(&b.is_some(), &m.is_some(), &t.is_some()).unwrap_or(m.is_some());
            keep.then_some(merged)
        },
    );
    report.optional_sections = merge_set(
        &base.optional_sections,
        &mine.optional_sections,
        &theirs.optional_sections,
    );
    report.narrative = merge_map(
        &base.narrative,
        &mine.narrative,
        &theirs.narrative,
        &mut conflicts,
        |section, b, m, t, c| {
            pick(&b.cloned(), &m.cloned(), &t.cloned(), c, || {
                Field::Narrative(section.to_owned())
            })
        },
    );
    Merged { report, conflicts }
}

/// The three-way rule for one value: `None` when both sides changed it differently.
fn pick_silent<T: PartialEq + Clone>(base: &T, mine: &T, theirs: &T) -> Option<T> {
    if mine == theirs || theirs == base {
        Some(mine.clone())
    } else if mine == base {
        Some(theirs.clone())
    } else {
        None
    }
}

/// The three-way rule for one field; a conflict keeps `mine` and is recorded.
fn pick<T: PartialEq + Clone>(
    base: &T,
    mine: &T,
    theirs: &T,
    conflicts: &mut Vec<Field>,
    field: impl FnOnce() -> Field,
) -> T {
    pick_silent(base, mine, theirs).unwrap_or_else(|| {
        conflicts.push(field());
        mine.clone()
    })
}

/// Merges maps key by key (absent on a side is `None` there); `None` from `one` leaves the key
/// out.
fn merge_map<V: Clone>(
    base: &BTreeMap<String, V>,
    mine: &BTreeMap<String, V>,
    theirs: &BTreeMap<String, V>,
    conflicts: &mut Vec<Field>,
    mut one: impl FnMut(&str, Option<&V>, Option<&V>, Option<&V>, &mut Vec<Field>) -> Option<V>,
) -> BTreeMap<String, V> {
    let keys: BTreeSet<&String> = base
        .keys()
        .chain(mine.keys())
        .chain(theirs.keys())
        .collect();
    keys.into_iter()
        .filter_map(|k| {
            one(k, base.get(k), mine.get(k), theirs.get(k), conflicts).map(|v| (k.clone(), v))
        })
        .collect()
}

/// Merges sets member by member: a member added or removed on one side is added or removed.
fn merge_set(
    base: &BTreeSet<String>,
    mine: &BTreeSet<String>,
    theirs: &BTreeSet<String>,
) -> BTreeSet<String> {
    base.iter()
        .chain(mine)
        .chain(theirs)
        .filter(|k| {
            let (b, m, t) = (base.contains(*k), mine.contains(*k), theirs.contains(*k));
            // Membership is yes or no: if both changed it, they changed it the same way.
            pick_silent(&b, &m, &t).unwrap_or(m)
        })
        .cloned()
        .collect()
}

fn merge_assessment(
    item: &str,
    base: &Assessment,
    mine: &Assessment,
    theirs: &Assessment,
    conflicts: &mut Vec<Field>,
) -> Assessment {
    let field = |part| {
        move || Field::Assessment {
            item: item.to_owned(),
            part,
        }
    };
    Assessment {
        score: pick(
            &base.score,
            &mine.score,
            &theirs.score,
            conflicts,
            field(AssessmentField::Score),
        ),
        answer: pick(
            &base.answer,
            &mine.answer,
            &theirs.answer,
            conflicts,
            field(AssessmentField::Answer),
        ),
        parts: merge_set(&base.parts, &mine.parts, &theirs.parts),
        not_applicable: pick(
            &base.not_applicable,
            &mine.not_applicable,
            &theirs.not_applicable,
            conflicts,
            field(AssessmentField::NotApplicable),
        ),
        explanation: pick(
            &base.explanation,
            &mine.explanation,
            &theirs.explanation,
            conflicts,
            field(AssessmentField::Explanation),
        ),
        evidence: pick(
            &base.evidence,
            &mine.evidence,
            &theirs.evidence,
            conflicts,
            field(AssessmentField::Evidence),
        ),
    }
}

fn merge_identity(
    base: &Identity,
    mine: &Identity,
    theirs: &Identity,
    conflicts: &mut Vec<Field>,
) -> Identity {
    let mut out = mine.clone();
    for f in IdentityField::ALL {
        let mut b = IdentityValue::of(base, f);
        let (m, t) = (IdentityValue::of(mine, f), IdentityValue::of(theirs, f));
        b = pick(&b, &m, &t, conflicts, || Field::Identity(f));
        b.put(&mut out, f);
    }
    out
}

impl IdentityField {
    pub const ALL: [IdentityField; 14] = [
        IdentityField::CommuneKind,
        IdentityField::Commune,
        IdentityField::Province,
        IdentityField::ReceivingBody,
        IdentityField::Period,
        IdentityField::Year,
        IdentityField::From,
        IdentityField::To,
        IdentityField::Number,
        IdentityField::Date,
        IdentityField::Place,
        IdentityField::Signer,
        IdentityField::SignerTitle,
        IdentityField::Recipients,
    ];

    /// The field's name, as on the identity screen.
    pub fn label(self) -> Text {
        match self {
            IdentityField::CommuneKind => Text::new("Loại đơn vị", "Kind of unit"),
            IdentityField::Commune => Text::new("Tên đơn vị", "Name of the unit"),
            IdentityField::Province => Text::new("Tỉnh, thành phố", "Province or city"),
            IdentityField::ReceivingBody => Text::new("Nơi nhận báo cáo", "Receiving body"),
            IdentityField::Period => Text::new("Kỳ báo cáo", "Reporting period"),
            IdentityField::Year => Text::new("Năm", "Year"),
            IdentityField::From => Text::new("Số liệu từ ngày", "Data from"),
            IdentityField::To => Text::new("Số liệu đến ngày", "Data until"),
            IdentityField::Number => Text::new("Số văn bản", "Document number"),
            IdentityField::Date => Text::new("Ngày ban hành", "Date of issue"),
            IdentityField::Place => Text::new("Địa danh", "Place"),
            IdentityField::Signer => Text::new("Người ký", "Signed by"),
            IdentityField::SignerTitle => Text::new("Chức vụ người ký", "Signer's title"),
            IdentityField::Recipients => Text::new("Nơi nhận", "Recipients"),
        }
    }
}

/// One identity field's value, whatever its type, so the fields merge in one loop.
#[derive(Clone, Debug, PartialEq)]
enum IdentityValue {
    Kind(crate::report::CommuneKind),
    Text(String),
    Period(crate::period::PeriodKind),
    Year(i32),
    Date(Option<chrono::NaiveDate>),
}

impl IdentityValue {
    fn of(id: &Identity, f: IdentityField) -> Self {
        use IdentityValue as V;
        match f {
            IdentityField::CommuneKind => V::Kind(id.commune_kind),
            IdentityField::Commune => V::Text(id.commune.clone()),
            IdentityField::Province => V::Text(id.province.clone()),
            IdentityField::ReceivingBody => V::Text(id.receiving_body.clone()),
            IdentityField::Period => V::Period(id.period),
            IdentityField::Year => V::Year(id.year),
            IdentityField::From => V::Date(id.from),
            IdentityField::To => V::Date(id.to),
            IdentityField::Number => V::Text(id.number.clone()),
            IdentityField::Date => V::Date(id.date),
            IdentityField::Place => V::Text(id.place.clone()),
            IdentityField::Signer => V::Text(id.signer.clone()),
            IdentityField::SignerTitle => V::Text(id.signer_title.clone()),
            IdentityField::Recipients => V::Text(id.recipients.clone()),
        }
    }

    /// Writes the value into its field (a value of another type than the field's is ignored:
    /// `of` never makes one).
    fn put(self, id: &mut Identity, f: IdentityField) {
        use IdentityValue as V;
        match (f, self) {
            (IdentityField::CommuneKind, V::Kind(k)) => id.commune_kind = k,
            (IdentityField::Commune, V::Text(s)) => id.commune = s,
            (IdentityField::Province, V::Text(s)) => id.province = s,
            (IdentityField::ReceivingBody, V::Text(s)) => id.receiving_body = s,
            (IdentityField::Period, V::Period(p)) => id.period = p,
            (IdentityField::Year, V::Year(y)) => id.year = y,
            (IdentityField::From, V::Date(d)) => id.from = d,
            (IdentityField::To, V::Date(d)) => id.to = d,
            (IdentityField::Number, V::Text(s)) => id.number = s,
            (IdentityField::Date, V::Date(d)) => id.date = d,
            (IdentityField::Place, V::Text(s)) => id.place = s,
            (IdentityField::Signer, V::Text(s)) => id.signer = s,
            (IdentityField::SignerTitle, V::Text(s)) => id.signer_title = s,
            (IdentityField::Recipients, V::Text(s)) => id.recipients = s,
            _ => {}
        }
    }

    fn show(&self) -> Text {
        match self {
            IdentityValue::Kind(k) => k.label(),
            IdentityValue::Text(s) => Text::from(s.as_str()),
            IdentityValue::Period(p) => p.label(),
            IdentityValue::Year(y) => Text::from(y.to_string().as_str()),
            IdentityValue::Date(d) => Text::from(
                d.map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default()
                    .as_str(),
            ),
        }
    }
}

impl Field {
    /// The field's name for the officer: the cell's row and column, the sub-criterion's
    /// number and title, the identity field's label.
    pub fn label(&self, templates: &Templates) -> Text {
        match self {
            Field::Appendix => Text::new("Mẫu phụ lục", "Appendix template"),
            Field::Criteria => Text::new("Bộ tiêu chí chấm điểm", "Criteria set"),
            Field::Identity(f) => f.label(),
            Field::Value(cell) => match templates.appendix.cell(cell) {
                Some(ix) => templates.appendix.cell_label(ix),
                None => Text::from(cell.as_str()),
            },
            Field::Assessment { item, part } => {
                let c = &templates.criteria;
                let name = (0..c.items.len())
                    .map(|ix| c.def(ix))
                    .find(|d| d.id == *item)
                    .map(|d| Text {
                        vi: format!("{} {}", d.stt, d.title.vi),
                        en: format!("{} {}", d.stt, d.title.get(crate::text::Lang::En)),
                    })
                    .unwrap_or_else(|| Text::from(item.as_str()));
                let part = match part {
                    AssessmentField::Score => Text::new("điểm tự chấm", "self-score"),
                    AssessmentField::Answer => Text::new("trả lời", "answer"),
                    AssessmentField::NotApplicable => Text::new("áp dụng", "applicability"),
                    AssessmentField::Explanation => Text::new("giải trình", "explanation"),
                    AssessmentField::Evidence => {
                        Text::new("tài liệu kiểm chứng", "evidence documents")
                    }
                };
                Text {
                    vi: format!("{} — {}", name.vi, part.vi),
                    en: format!(
                        "{} — {}",
                        name.get(crate::text::Lang::En),
                        part.get(crate::text::Lang::En)
                    ),
                }
            }
            Field::Narrative(section) => Text::new(
                format!("Lời văn, phần {section}"),
                format!("Narrative, part {section}"),
            ),
        }
    }

    /// Sets this field of `into` to its value in `from`: how a conflict is settled for the
    /// other side.
    pub fn copy(&self, from: &Report, into: &mut Report) {
        match self {
            Field::Appendix => into.appendix = from.appendix.clone(),
            Field::Criteria => into.criteria = from.criteria.clone(),
            Field::Identity(f) => IdentityValue::of(&from.identity, *f).put(&mut into.identity, *f),
            Field::Value(cell) => into.set_value(cell, from.value(cell)),
            Field::Assessment { item, part } => {
                let source = from.assessments.get(item).cloned().unwrap_or_default();
                let a = into.assessments.entry(item.clone()).or_default();
                match part {
                    AssessmentField::Score => a.score = source.score,
                    AssessmentField::Answer => a.answer = source.answer,
                    AssessmentField::NotApplicable => a.not_applicable = source.not_applicable,
                    AssessmentField::Explanation => a.explanation = source.explanation,
                    AssessmentField::Evidence => a.evidence = source.evidence,
                }
            }
            Field::Narrative(section) => match from.narrative.get(section) {
                Some(s) => {
                    into.narrative.insert(section.clone(), s.clone());
                }
                None => {
                    into.narrative.remove(section);
                }
            },
        }
    }

    /// The field's value in `report`, as the officer would read it; empty when there is none.
    pub fn show(&self, report: &Report) -> Text {
        match self {
            Field::Appendix => template_ref(&report.appendix),
            Field::Criteria => template_ref(&report.criteria),
            Field::Identity(f) => IdentityValue::of(&report.identity, *f).show(),
            Field::Value(cell) => Text::from(report.value(cell)),
            Field::Assessment { item, part } => {
                let default = Assessment::default();
                let a = report.assessments.get(item).unwrap_or(&default);
                match part {
                    AssessmentField::Score => Text::from(a.score.as_str()),
                    AssessmentField::Answer => match a.answer {
                        Some(true) => Text::new("Có", "Yes"),
                        Some(false) => Text::new("Không", "No"),
                        None => Text::from(""),
                    },
                    AssessmentField::NotApplicable if a.not_applicable => {
                        Text::new("Không áp dụng", "Not applicable")
                    }
                    AssessmentField::NotApplicable => Text::new("Có áp dụng", "Applicable"),
                    AssessmentField::Explanation => Text::from(a.explanation.as_str()),
                    AssessmentField::Evidence => evidence(&a.evidence),
                }
            }
            Field::Narrative(section) => match report.narrative.get(section) {
                Some(segments) => narrative(segments),
                None => Text::new(
                    "(lời văn soạn từ số liệu)",
                    "(narrative drafted from the figures)",
                ),
            },
        }
    }
}

fn template_ref(r: &crate::report::TemplateRef) -> Text {
    Text::new(
        format!("«{}», phiên bản {}", r.id, r.version),
        format!("“{}”, version {}", r.id, r.version),
    )
}

/// "Kế hoạch CCHC 15/KH-UBND; Báo cáo 20/BC-UBND".
fn evidence(list: &[Evidence]) -> Text {
    let one = |e: &Evidence| {
        [
            e.title.trim(),
            e.number.trim(),
            e.date.trim(),
            e.location.trim(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
    };
    Text::from(
        list.iter()
            .map(one)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; ")
            .as_str(),
    )
}

/// The narrative's words, a figure bound to cells standing as "[…]".
fn narrative(segments: &[Segment]) -> Text {
    let text = |fig: &str| {
        segments
            .iter()
            .map(|s| match s {
                Segment::Text(t) | Segment::Typed { text: t, .. } => t.as_str(),
                Segment::Figure(_) => fig,
            })
            .collect::<String>()
    };
    Text::new(text("[số liệu]"), text("[figure]"))
}
