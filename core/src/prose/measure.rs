//! Quantities the text names in words, so that two mentions of the same one can be compared
//! with each other and with the appendix: dossiers received, resolved, pending (Biểu 06) and
//! the on-time rate. The phrases are few and unambiguous on purpose: a mention that might be
//! another quantity ("hồ sơ mới tiếp nhận", "hồ sơ trực tuyến", "hồ sơ đã có kết quả") is not
//! read, so no false alarm comes from here.

use std::collections::BTreeMap;

use super::lex::{Range, Role, Token};
use super::read::{judge, n, pct, Judgement, Qualifier, Sentence};
use super::{Flag, Severity, Span, Statement, StatementKind};
use crate::report::Report;
use crate::text::Text;
use crate::workspace::{Evaluation, Templates};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Measure {
    /// Biểu 06 (3): dossiers received in the period, new and carried over.
    Received,
    /// Biểu 06 (7).
    Resolved,
    /// Biểu 06 (11).
    Pending,
    /// Dossiers resolved on time or early, in percent.
    OnTimeRate,
}

impl Measure {
    pub fn label(self) -> Text {
        match self {
            Measure::Received => Text::new("số hồ sơ tiếp nhận", "dossiers received"),
            Measure::Resolved => Text::new("số hồ sơ đã giải quyết", "dossiers resolved"),
            Measure::Pending => Text::new("số hồ sơ đang giải quyết", "dossiers pending"),
            Measure::OnTimeRate => Text::new(
                "tỷ lệ hồ sơ giải quyết đúng hạn",
                "share of dossiers resolved on time",
            ),
        }
    }

    /// The cell of the built-in appendix that holds this quantity.
    pub fn cell(self) -> &'static str {
        match self {
            Measure::Received => "hs_tong.c3",
            Measure::Resolved => "hs_tong.c7",
            Measure::Pending => "hs_tong.c11",
            Measure::OnTimeRate => "hs_ty_le_dung_han",
        }
    }
}

/// The words right after token `k`, lowercased.
fn words_after(toks: &[Token], k: usize) -> Vec<&str> {
    toks.get(k + 1..)
        .unwrap_or(&[])
        .iter()
        .map_while(Token::word)
        .collect()
}

/// The words right before token `k`, in reading order, across a ":" ("Tổng số hồ sơ tiếp
/// nhận: 1.794 hồ sơ").
fn words_before(toks: &[Token], k: usize) -> Vec<&str> {
    let mut w: Vec<&str> = toks[..k]
        .iter()
        .rev()
        .filter(|t| !t.is_punct(':'))
        .map_while(Token::word)
        .collect();
    w.reverse();
    w
}

/// The words of the ten tokens before `k`, back to a ";" or a sentence mark.
fn clause_before(toks: &[Token], k: usize) -> String {
    let mut w: Vec<&str> = toks[k.saturating_sub(10)..k]
        .iter()
        .rev()
        .take_while(|t| !(t.is_punct(';') || t.is_punct('.')))
        .filter_map(Token::word)
        .collect();
    w.reverse();
    w.join(" ")
}

fn ends_with(w: &[&str], tail: &[&str]) -> bool {
    w.len() >= tail.len() && &w[w.len() - tail.len()..] == tail
}

/// Every quantity of `s` named by a known phrase, with its token.
pub fn mentions(s: &Sentence) -> Vec<(Measure, usize)> {
    let toks = &s.toks;
    let all_words: Vec<&str> = toks.iter().filter_map(Token::word).collect();
    let joined = all_words.join(" ");
    let about_feedback = ["phản ánh", "kiến nghị", "pakn"]
        .iter()
        .any(|w| joined.contains(w));
    let mut out = Vec::new();
    for k in 0..toks.len() {
        let after = words_after(toks, k);
        let before = words_before(toks, k);
        if let Some(v) = toks[k].count() {
            if v.fract() != 0.0 {
                continue;
            }
            let dossiers = after.starts_with(&["hồ", "sơ"]);
            let rest = after.get(2..).unwrap_or(&[]);
            let online = rest
                .iter()
                .take(4)
                .any(|w| matches!(*w, "trực" | "dịch" | "qua" | "mức"));
            let newly = before.contains(&"mới");
            let clause = before.join(" ");
            let received = dossiers
                && !online
                && !newly
                && (rest.starts_with(&["tiếp", "nhận"])
                    || ends_with(&before, &["tiếp", "nhận"])
                    || (clause.contains("tổng số hồ sơ")
                        && !clause.contains("đã giải quyết")
                        && !clause.contains("đang")));
            let resolved = dossiers
                && (ends_with(&before, &["đã", "giải", "quyết"])
                    || (rest.starts_with(&["đã", "giải", "quyết"])
                        && !rest
                            .get(3)
                            .is_some_and(|w| matches!(*w, "đúng" | "quá" | "trước" | "trễ"))));
            let pending = dossiers && rest.starts_with(&["đang", "giải", "quyết"]);
            if received {
                out.push((Measure::Received, k));
            } else if resolved {
                out.push((Measure::Resolved, k));
            } else if pending {
                out.push((Measure::Pending, k));
            }
        } else if toks[k].percent().is_some() && !about_feedback {
            let next: String = after.iter().take(6).copied().collect::<Vec<_>>().join(" ");
            let prev = clause_before(toks, k);
            let on_time = (next.contains("đúng hạn") && !next.contains("quá hạn"))
                || (prev.contains("đúng hạn") && !prev.contains("quá hạn"));
            if on_time {
                out.push((Measure::OnTimeRate, k));
            }
        }
    }
    out
}

/// The period a sentence speaks of: "năm 2016", "3 tháng năm 2020".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Period {
    months: Option<u32>,
    year: i32,
}

impl Period {
    fn label(self) -> Text {
        match self.months {
            Some(m) => Text::new(
                format!("{m} tháng năm {}", self.year),
                format!("{m} months of {}", self.year),
            ),
            None => Text::new(format!("năm {}", self.year), format!("year {}", self.year)),
        }
    }
}

fn years(s: &Sentence) -> Vec<i32> {
    let mut ys: Vec<i32> = s
        .toks
        .iter()
        .filter_map(Token::num)
        .filter(|x| x.role == Role::Year)
        .map(|x| x.value as i32)
        .collect();
    ys.sort_unstable();
    ys.dedup();
    ys
}

fn period(s: &Sentence) -> Option<Period> {
    let [year] = years(s)[..] else {
        return None;
    };
    let months = s.toks.windows(2).find_map(|w| {
        w[1].is_word("tháng")
            .then(|| w[0].count())
            .flatten()
            .filter(|m| m.fract() == 0.0 && (1.0..=12.0).contains(m))
            .map(|m| m as u32)
    });
    Some(Period { months, year })
}

fn span_of(text: &str, s: &Sentence, k: usize) -> (Span, Span) {
    let r = s.toks[k].range;
    (
        Span::of(
            text,
            Range {
                start: r.start,
                end: r.end,
            },
        ),
        Span::of(text, s.range),
    )
}

/// The same quantity of the same period given more than once: each later mention is a
/// statement, flagged where the values differ.
pub fn repeats(text: &str, sentences: &[Sentence]) -> Vec<Statement> {
    // (sentence, token, value) of each mention, by quantity and period.
    type Mentions = Vec<(usize, usize, f64)>;
    let mut groups: BTreeMap<(Measure, Period), Mentions> = BTreeMap::new();
    for (si, s) in sentences.iter().enumerate() {
        let Some(p) = period(s) else { continue };
        for (m, k) in mentions(s) {
            if m == Measure::OnTimeRate {
                continue;
            }
            if let Some(v) = s.toks[k].count() {
                groups.entry((m, p)).or_default().push((si, k, v));
            }
        }
    }
    let mut out = Vec::new();
    for ((measure, period), list) in groups {
        if list.len() < 2 {
            continue;
        }
        for (idx, &(si, k, v)) in list.iter().enumerate() {
            let other = list.iter().find(|&&(_, _, w)| w != v);
            let (span, sentence) = span_of(text, &sentences[si], k);
            let flag = other.map(|&(_, _, w)| {
                let (label, when) = (measure.label(), period.label());
                Flag {
                    severity: Severity::Error,
                    message: Text::new(
                        format!(
                            "Cùng một số liệu ({}, {}) được ghi hai giá trị khác nhau: {} ở đây, {} ở câu khác.",
                            label.vi,
                            when.vi,
                            n(v),
                            n(w)
                        ),
                        format!(
                            "The same figure ({}, {}) is given two different values: {} here, {} elsewhere.",
                            label.en,
                            when.en,
                            n(v),
                            n(w)
                        ),
                    ),
                    correct: None,
                }
            });
            // The first of agreeing mentions states the figure; the later ones repeat it.
            if flag.is_some() || idx > 0 {
                out.push(Statement {
                    kind: StatementKind::Repeat,
                    span,
                    sentence,
                    flag,
                });
            }
        }
    }
    out
}

/// Mentions of a quantity the open report's appendix holds, compared with it. A sentence about
/// another year than the report's is left alone.
pub fn against(
    text: &str,
    sentences: &[Sentence],
    templates: &Templates,
    report: &Report,
    evaluation: &Evaluation,
) -> Vec<Statement> {
    let mut out = Vec::new();
    for s in sentences {
        let ys = years(s);
        if !ys.is_empty() && !ys.contains(&report.identity.year) {
            continue;
        }
        for (m, k) in mentions(s) {
            let Some(ix) = templates.appendix.cell(m.cell()) else {
                continue;
            };
            let Some(value) = evaluation.computed.number(ix) else {
                continue;
            };
            let Some(stated) = s.toks[k].num() else {
                continue;
            };
            let written = Span::of(text, s.toks[k].range).slice(text).to_owned();
            let label = m.label();
            let place = templates.appendix.cell_label(ix).vi;
            let (shown, judgement) = if m == Measure::OnTimeRate {
                (pct(value), judge(value, stated, Qualifier::Exact))
            } else if (stated.value - value).abs() < 1e-9 {
                (n(value), Judgement::Right)
            } else {
                (n(value), Judgement::Wrong)
            };
            let flag = match judgement {
                Judgement::Right => None,
                j => Some(Flag {
                    severity: if j == Judgement::Wrong {
                        Severity::Error
                    } else {
                        Severity::Note
                    },
                    message: Text::new(
                        format!(
                            "Phụ lục ghi {} là {shown} ({place}); câu này ghi {written}.",
                            label.vi
                        ),
                        format!(
                            "The appendix gives {} as {shown}; this sentence says {written}.",
                            label.en
                        ),
                    ),
                    correct: Some(shown.clone()),
                }),
            };
            let (span, sentence) = span_of(text, s, k);
            out.push(Statement {
                kind: StatementKind::Appendix,
                span,
                sentence,
                flag,
            });
        }
    }
    out
}
