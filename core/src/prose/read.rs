//! Statement shapes within a sentence: shares, changes, totals and parts, percentages beside
//! their own numbers. Each is recomputed and judged (see the module docs of `prose`).

use std::collections::BTreeSet;

use super::lex::{self, Num, Range, Token};
use super::{Flag, Severity, Span, Statement, StatementKind};
use crate::number::{format_percent, format_trimmed, round_half_up};
use crate::text::Text;

/// A sentence and its tokens.
pub struct Sentence {
    pub range: Range,
    pub toks: Vec<Token>,
}

pub fn read_text(text: &str) -> Vec<Sentence> {
    lex::sentences(text)
        .into_iter()
        .map(|range| Sentence {
            range,
            toks: lex::tokens(text, range),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Judging a written percentage
// ---------------------------------------------------------------------------------------------

/// How a percentage is qualified in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    /// "trên 30%", "hơn 30%", "từ 25% trở lên"
    Above,
    /// "dưới 10%"
    Below,
    /// "khoảng 30%", "gần 30%", "xấp xỉ 30%"
    Approx,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Judgement {
    Right,
    /// Right at the places written, which are fewer than the two of the convention.
    Rounded,
    /// The exact value cut at the places written instead of rounded half-up.
    Cut,
    Wrong,
}

const EPS: f64 = 1e-9;

pub fn judge(exact: f64, stated: &Num, q: Qualifier) -> Judgement {
    if !exact.is_finite() {
        return Judgement::Wrong;
    }
    let v = stated.value;
    match q {
        Qualifier::Above if exact + EPS >= v => return Judgement::Right,
        Qualifier::Below if exact <= v + EPS => return Judgement::Right,
        Qualifier::Approx if (exact - v).abs() <= 1.0 => return Judgement::Right,
        Qualifier::Above | Qualifier::Below | Qualifier::Approx => return Judgement::Wrong,
        Qualifier::Exact => {}
    }
    let d = stated.decimals.min(6);
    if (round_half_up(exact, d) - v).abs() < EPS {
        return if d >= 2 || (round_half_up(exact, 2) - v).abs() < EPS {
            Judgement::Right
        } else {
            Judgement::Rounded
        };
    }
    let scale = 10f64.powi(d as i32);
    // Snap away binary noise before cutting, so 0,285 × 100 cuts to 28,5, not 28,49.
    let cut = round_half_up(exact * scale, 6).floor() / scale;
    if (cut - v).abs() < EPS {
        return Judgement::Cut;
    }
    Judgement::Wrong
}

fn qualifier(toks: &[Token], p: usize) -> Qualifier {
    let before = p.checked_sub(1).and_then(|i| toks[i].word());
    let after = (
        toks.get(p + 1).and_then(Token::word),
        toks.get(p + 2).and_then(Token::word),
    );
    match before {
        Some("trên" | "hơn") => Qualifier::Above,
        Some("từ") if after == (Some("trở"), Some("lên")) => Qualifier::Above,
        Some("dưới") => Qualifier::Below,
        Some("khoảng" | "gần" | "xỉ" | "chừng") => Qualifier::Approx,
        _ => Qualifier::Exact,
    }
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

pub(crate) fn n(x: f64) -> String {
    format_trimmed(x, 6)
}

pub(crate) fn pct(x: f64) -> String {
    format_percent(Some(x))
}

fn places(d: u32) -> (String, String) {
    match d {
        0 => (
            "làm tròn đến hàng đơn vị".into(),
            "rounded to a whole number".into(),
        ),
        1 => (
            "làm tròn một chữ số thập phân".into(),
            "rounded to one decimal".into(),
        ),
        d => (
            format!("làm tròn {d} chữ số thập phân"),
            format!("rounded to {d} decimals"),
        ),
    }
}

/// The flag for a percentage `written` against its `exact` value `what` ("1.779/1.781").
fn percent_flag(
    j: Judgement,
    what: &str,
    exact: f64,
    written: &str,
    stated: &Num,
    q: Qualifier,
) -> Option<Flag> {
    let e = pct(exact);
    let (message, severity) = match j {
        Judgement::Right => return None,
        Judgement::Rounded => {
            let (vi, en) = places(stated.decimals);
            (
                Text::new(
                    format!("{what} = {e}: {written} đúng khi {vi}; báo cáo ghi hai chữ số thập phân."),
                    format!("{what} = {e}: {written} is right {en}; reports write two decimals."),
                ),
                Severity::Note,
            )
        }
        Judgement::Cut => (
            Text::new(
                format!("{what} = {e}: {written} là số bị cắt bớt, chưa làm tròn (làm tròn nửa lên: {e})."),
                format!("{what} = {e}: {written} is cut off, not rounded half-up."),
            ),
            Severity::Note,
        ),
        Judgement::Wrong => {
            let (vi, en) = match q {
                Qualifier::Above => ("không trên", "not above"),
                Qualifier::Below => ("không dưới", "not below"),
                Qualifier::Approx => ("không xấp xỉ", "not about"),
                Qualifier::Exact => ("không phải", "not"),
            };
            (
                Text::new(
                    format!("{what} = {e}, {vi} {written}."),
                    format!("{what} = {e}, {en} {written}."),
                ),
                Severity::Error,
            )
        }
    };
    Some(Flag {
        severity,
        message,
        correct: Some(e),
    })
}

fn statement(
    text: &str,
    s: &Sentence,
    kind: StatementKind,
    from: usize,
    to: usize,
    flag: Option<Flag>,
) -> Statement {
    let (a, b) = (from.min(to), from.max(to));
    let range = Range {
        start: s.toks[a].range.start,
        end: s.toks[b].range.end,
    };
    Statement {
        kind,
        span: Span::of(text, range),
        sentence: Span::of(text, s.range),
        flag,
    }
}

// ---------------------------------------------------------------------------------------------
// Statements of one sentence
// ---------------------------------------------------------------------------------------------

const CHANGE_WORDS: [&str; 3] = ["tăng", "vượt", "giảm"];

struct Frac {
    a: f64,
    b: f64,
    ia: usize,
    ib: usize,
}

fn fractions(toks: &[Token]) -> Vec<Frac> {
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let Some(a) = toks[i].count() else { continue };
        if i > 0 && toks[i - 1].is_punct('/') {
            continue;
        }
        // "850 phiếu /5.658 hồ sơ": a unit may stand between the numerator and the bar.
        let mut j = i + 1;
        while j < toks.len() && j - i <= 2 && toks[j].word().is_some() {
            j += 1;
        }
        if !toks.get(j).is_some_and(|t| t.is_punct('/')) {
            continue;
        }
        let Some(b) = toks.get(j + 1).and_then(Token::count) else {
            continue;
        };
        if toks.get(j + 2).is_some_and(|t| t.is_punct('/')) {
            continue;
        }
        out.push(Frac {
            a,
            b,
            ia: i,
            ib: j + 1,
        });
    }
    out
}

/// Whether the sentence speaks of a share ("tỷ lệ"), so that a part above its whole is wrong.
fn share_context(toks: &[Token]) -> bool {
    toks.windows(2)
        .any(|w| matches!(w[0].word(), Some("tỷ" | "tỉ")) && w[1].is_word("lệ"))
}

/// Every statement of sentence `i` of `all`.
pub fn statements(text: &str, all: &[Sentence], i: usize) -> Vec<Statement> {
    let Some(s) = all.get(i) else {
        return Vec::new();
    };
    let toks = &s.toks;
    let mut out = Vec::new();
    let mut used: BTreeSet<usize> = BTreeSet::new();

    // Shares and changes written as fractions.
    let fracs = fractions(toks);
    let in_fraction: BTreeSet<usize> = fracs.iter().flat_map(|f| [f.ia, f.ib]).collect();
    for f in &fracs {
        let what = format!("{}/{}", n(f.a), n(f.b));
        let mut attached: Option<(usize, Option<&str>)> = None;
        if f.ia >= 2 && toks[f.ia - 1].is_punct('(') && toks[f.ia - 2].percent().is_some() {
            attached = Some((f.ia - 2, None));
        } else {
            let mut change = None;
            for (m, t) in toks.iter().enumerate().skip(f.ib + 1).take(14) {
                if t.is_punct(';') || t.is_punct('/') || t.count().is_some() {
                    break;
                }
                if let Some(w) = t.word().filter(|w| CHANGE_WORDS.contains(w)) {
                    change = Some(w);
                }
                if t.percent().is_some() {
                    attached = Some((m, change));
                    break;
                }
            }
        }
        match attached {
            Some((p, change)) => {
                // The statement runs from its first token to its last, whichever comes first.
                let to = if p < f.ia { f.ib } else { p };
                used.insert(p);
                let Some(stated) = toks[p].percent() else {
                    continue;
                };
                let written = Span::of(text, toks[p].range).slice(text).to_owned();
                let q = qualifier(toks, p);
                if let Some(word) = change {
                    if f.b == 0.0 {
                        continue;
                    }
                    let ratio = f.a / f.b;
                    let exact = if word == "giảm" {
                        (1.0 - ratio) * 100.0
                    } else {
                        (ratio - 1.0) * 100.0
                    };
                    let j = judge(exact, stated, q);
                    let flag = change_flag(j, f, word, exact, &written, stated, q);
                    out.push(statement(text, s, StatementKind::Change, f.ia, to, flag));
                } else {
                    if f.b == 0.0 {
                        continue;
                    }
                    let exact = f.a / f.b * 100.0;
                    let j = judge(exact, stated, q);
                    let mut flag = percent_flag(j, &what, exact, &written, stated, q);
                    if let Some(fl) = flag.as_mut().filter(|_| f.a > f.b && stated.value <= 100.0) {
                        fl.message
                            .vi
                            .push_str(" Tử số lớn hơn mẫu số: phần không thể lớn hơn tổng.");
                        fl.message.en.push_str(
                            " The numerator is larger than the denominator: a part cannot exceed its whole.",
                        );
                    }
                    out.push(statement(
                        text,
                        s,
                        StatementKind::Share,
                        p.min(f.ia),
                        to,
                        flag,
                    ));
                }
            }
            None if f.a > f.b && f.b > 0.0 && share_context(toks) => {
                let exact = f.a / f.b * 100.0;
                let inv = f.b / f.a * 100.0;
                let (e, i) = (pct(exact), pct(inv));
                let flag = Flag {
                    severity: Severity::Error,
                    message: Text::new(
                        format!(
                            "{what} = {e}: một tỷ lệ không thể vượt 100%. Có thể tử số và mẫu số bị đảo: {}/{} = {i}.",
                            n(f.b),
                            n(f.a)
                        ),
                        format!(
                            "{what} = {e}: a share cannot exceed 100%. Numerator and denominator may be swapped: {}/{} = {i}.",
                            n(f.b),
                            n(f.a)
                        ),
                    ),
                    correct: Some(i),
                };
                out.push(statement(
                    text,
                    s,
                    StatementKind::Share,
                    f.ia,
                    f.ib,
                    Some(flag),
                ));
            }
            None if f.a <= f.b => {
                out.push(statement(text, s, StatementKind::Share, f.ia, f.ib, None));
            }
            None => {}
        }
    }

    out.extend(sums(text, all, i, &in_fraction));

    // Percentages beside their own numbers.
    let counts: Vec<usize> = (0..toks.len())
        .filter(|&k| toks[k].count().is_some_and(|v| v.fract() == 0.0) && !in_fraction.contains(&k))
        .collect();
    for p in 0..toks.len() {
        let Some(stated) = toks[p].percent() else {
            continue;
        };
        if used.contains(&p) || qualifier(toks, p) != Qualifier::Exact {
            continue;
        }
        let written = Span::of(text, toks[p].range).slice(text).to_owned();
        let change = toks[p.saturating_sub(4)..p]
            .iter()
            .find_map(|t| t.word().filter(|w| CHANGE_WORDS.contains(w)));
        let mut best: Option<(Judgement, usize, usize, f64)> = None;
        for &x in &counts {
            for &y in &counts {
                let (Some(a), Some(b)) = (toks[x].count(), toks[y].count()) else {
                    continue;
                };
                if x == y || b == 0.0 {
                    continue;
                }
                let exact = match change {
                    Some("giảm") => (1.0 - a / b) * 100.0,
                    Some(_) => (a / b - 1.0) * 100.0,
                    None if a <= b => a / b * 100.0,
                    None => continue,
                };
                let j = judge(exact, stated, Qualifier::Exact);
                let rank = |j: Judgement| match j {
                    Judgement::Right => 0,
                    Judgement::Cut => 1,
                    Judgement::Rounded => 2,
                    Judgement::Wrong => 3,
                };
                if j != Judgement::Wrong && best.is_none_or(|b| rank(j) < rank(b.0)) {
                    best = Some((j, x, y, exact));
                }
            }
        }
        if let Some((j, x, y, exact)) = best {
            let (a, b) = (
                toks[x].count().unwrap_or(0.0),
                toks[y].count().unwrap_or(0.0),
            );
            let what = format!("{}/{}", n(a), n(b));
            let flag = percent_flag(j, &what, exact, &written, stated, Qualifier::Exact);
            let kind = if change.is_some() {
                StatementKind::Change
            } else {
                StatementKind::Share
            };
            let from = x.min(y).min(p);
            let to = x.max(y).max(p);
            out.push(statement(text, s, kind, from, to, flag));
        }
    }
    out
}

fn change_flag(
    j: Judgement,
    f: &Frac,
    word: &str,
    exact: f64,
    written: &str,
    stated: &Num,
    q: Qualifier,
) -> Option<Flag> {
    let what = format!("{}/{}", n(f.a), n(f.b));
    if j != Judgement::Wrong {
        return percent_flag(j, &what, exact, written, stated, q);
    }
    let (dir_vi, dir_en, size) = if f.a >= f.b {
        ("tăng", "a rise", (f.a / f.b - 1.0) * 100.0)
    } else {
        ("giảm", "a fall", (1.0 - f.a / f.b) * 100.0)
    };
    let _ = word;
    let e = pct(size);
    Some(Flag {
        severity: Severity::Error,
        message: Text::new(
            format!(
                "{} so với {} là {dir_vi} {e}, không phải {written}.",
                n(f.a),
                n(f.b)
            ),
            format!(
                "{} against {} is {dir_en} of {e}, not {written}.",
                n(f.a),
                n(f.b)
            ),
        ),
        correct: Some(e),
    })
}

// ---------------------------------------------------------------------------------------------
// Totals and parts
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Listing {
    /// "trong đó": of which; may list only some parts.
    OfWhich,
    /// "gồm", "bao gồm": consists of; lists every part.
    ConsistsOf,
    /// "a người (b người; c người)": a breakdown in brackets.
    Bracket,
    /// "a = b + c"
    Equation,
}

/// The keyword at `k`, with the index of its last token.
fn keyword(toks: &[Token], k: usize) -> Option<(Listing, usize)> {
    let w = toks[k].word()?;
    match w {
        "trong" if toks.get(k + 1).is_some_and(|t| t.is_word("đó")) => {
            Some((Listing::OfWhich, k + 1))
        }
        "gồm" => {
            let end = if toks.get(k + 1).is_some_and(|t| t.is_word("có")) {
                k + 1
            } else {
                k
            };
            Some((Listing::ConsistsOf, end))
        }
        _ => None,
    }
}

/// The words of tokens `from..to`, lowercased and joined, for meaning tests.
fn words(toks: &[Token], from: usize, to: usize) -> String {
    toks[from.min(toks.len())..to.min(toks.len())]
        .iter()
        .filter_map(Token::word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parts that make the whole by their meaning: on time and late, new and carried over.
fn exhaustive(labels: &str) -> bool {
    let has = |w: &[&str]| w.iter().any(|w| labels.contains(w));
    (has(&["đúng hạn", "trước hạn", "trong hạn", "chưa đến hạn"]) && has(&["quá hạn", "trễ hạn"]))
        || (has(&["kỳ trước", "chuyển qua", "chuyển sang"]) && has(&["mới"]))
}

fn sums(text: &str, all: &[Sentence], i: usize, in_fraction: &BTreeSet<usize>) -> Vec<Statement> {
    let s = &all[i];
    let toks = &s.toks;
    let mut out = Vec::new();
    let is_count = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.count().is_some() && !in_fraction.contains(&k))
    };

    // "a = b + c" and "b + c = a"
    for k in 0..toks.len() {
        if !is_count(k) || (k > 0 && (toks[k - 1].is_punct('+') || toks[k - 1].is_punct('='))) {
            continue;
        }
        let mut terms = vec![k];
        let mut ops = Vec::new();
        let mut m = k + 1;
        while m + 1 < toks.len()
            && (toks[m].is_punct('+') || toks[m].is_punct('='))
            && is_count(m + 1)
        {
            ops.push(toks[m].is_punct('='));
            terms.push(m + 1);
            m += 2;
        }
        let eqs = ops.iter().filter(|&&e| e).count();
        if terms.len() < 3 || eqs != 1 {
            continue;
        }
        let at = ops.iter().position(|&e| e).unwrap_or(0);
        let vals: Vec<f64> = terms.iter().filter_map(|&t| toks[t].count()).collect();
        let (total, parts): (f64, Vec<f64>) = if at == 0 {
            (vals[0], vals[1..].to_vec())
        } else if at == ops.len() - 1 {
            (vals[vals.len() - 1], vals[..vals.len() - 1].to_vec())
        } else {
            continue;
        };
        let flag = sum_flag(total, &parts, Listing::Equation);
        out.push(statement(
            text,
            s,
            StatementKind::Sum,
            k,
            *terms.last().unwrap_or(&k),
            flag.flatten(),
        ));
    }

    // "a …, trong đó: b …; c …", "a … gồm: b …, c …"
    for k in 0..toks.len() {
        let Some((listing, kend)) = keyword(toks, k) else {
            continue;
        };
        let depth = toks[k].depth;
        // The whole: the count before the keyword at its depth, or before the bracket it opens.
        let mut whole: Option<(usize, Option<usize>)> = None; // (sentence, token)
        let opens_bracket = k > 0 && toks[k - 1].is_punct('(');
        if opens_bracket {
            whole = count_before_bracket(toks, k - 1, in_fraction).map(|w| (i, Some(w)));
        } else {
            let mut seen = 0;
            for p in (0..k).rev() {
                if toks[p].depth > depth {
                    continue;
                }
                if toks[p].depth < depth || toks[p].is_punct('.') {
                    break;
                }
                seen += 1;
                if seen > 14 {
                    break;
                }
                if is_count(p) {
                    whole = Some((i, Some(p)));
                    break;
                }
                if keyword(toks, p).is_some() {
                    break;
                }
            }
            let leads = toks[..k]
                .iter()
                .all(|t| t.word().is_none() && t.num().is_none());
            if whole.is_none() && leads && i > 0 {
                whole = Some((i - 1, None));
            }
        }
        let Some(whole) = whole else { continue };

        // The parts: counts at the keyword's depth up to the next keyword or the bracket's end.
        let mut parts: Vec<usize> = Vec::new();
        let mut end = toks.len();
        for (m, t) in toks.iter().enumerate().skip(kend + 1) {
            if t.depth < depth {
                end = m;
                break;
            }
            if t.depth > depth {
                continue;
            }
            if keyword(toks, m).is_some() {
                // The count just before the next keyword is that keyword's whole.
                if let Some(&last) = parts.last() {
                    if (last + 1..m).all(|q| toks[q].word().is_some() || toks[q].is_punct(',')) {
                        parts.pop();
                    }
                }
                end = m;
                break;
            }
            if is_count(m) && !toks.get(m + 1).is_some_and(|t| t.is_punct('/')) {
                parts.push(m);
            }
        }
        let whole_unit = whole.1.and_then(|w| lex::unit_after(toks, w));
        // "gồm" lists things of other names ("16 đơn vị gồm: 12 xã, 4 phường"); "trong đó"
        // runs on into other quantities, so there a part must be counted like its whole.
        if listing == Listing::OfWhich && !opens_bracket && whole_unit.is_some() {
            parts.retain(|&p| {
                let u = lex::unit_after(toks, p);
                u.is_none() || lex::same_unit(&u, &whole_unit)
            });
        }
        if parts.len() < 2 {
            continue;
        }
        let vals: Vec<f64> = parts.iter().filter_map(|&p| toks[p].count()).collect();
        let sum: f64 = vals.iter().sum();
        let labels = words(toks, kend + 1, end);
        let listing = if listing == Listing::OfWhich && exhaustive(&labels) {
            Listing::ConsistsOf
        } else {
            listing
        };
        let last = *parts.last().unwrap_or(&k);
        match whole {
            (_, Some(w)) => {
                let total = toks[w].count().unwrap_or(f64::NAN);
                if let Some(flag) = sum_flag(total, &vals, listing) {
                    out.push(statement(text, s, StatementKind::Sum, w, last, flag));
                }
            }
            (prev, None) => {
                // "… 427 dịch vụ công … . Trong đó: 377; 35; 15": the whole is the previous
                // sentence's count that the parts add up to, else one in the parts' unit.
                let Some(ps) = all.get(prev) else { continue };
                let unit = lex::unit_after(toks, parts[0]);
                let cands: Vec<f64> = (0..ps.toks.len())
                    .filter(|&c| ps.toks[c].count().is_some())
                    .filter(|&c| {
                        (ps.toks[c].count() == Some(sum))
                            || lex::same_unit(&lex::unit_after(&ps.toks, c), &unit)
                    })
                    .filter_map(|c| ps.toks[c].count())
                    .collect();
                let total = if cands.contains(&sum) {
                    sum
                } else if let [only] = cands.as_slice() {
                    *only
                } else {
                    continue;
                };
                if let Some(flag) = sum_flag(total, &vals, listing) {
                    out.push(statement(text, s, StatementKind::Sum, k, last, flag));
                }
            }
        }
    }

    // "78 người (Công chức huyện: 03 người; …: 10 người; …: 65 người)"
    for k in 0..toks.len() {
        if !toks[k].is_punct('(')
            || toks
                .get(k + 1)
                .is_some_and(|t| t.is_word("trong") || t.is_word("gồm"))
        {
            continue;
        }
        let Some(w) = count_before_bracket(toks, k, in_fraction) else {
            continue;
        };
        let inner = toks[k].depth + 1;
        let mut parts = Vec::new();
        let mut last = k;
        let mut plain = true;
        for (m, t) in toks.iter().enumerate().skip(k + 1) {
            if t.depth < inner {
                last = m;
                break;
            }
            if t.depth > inner {
                continue;
            }
            if t.percent().is_some() || in_fraction.contains(&m) || keyword(toks, m).is_some() {
                plain = false;
            }
            if is_count(m) {
                parts.push(m);
            }
        }
        let whole_unit = lex::unit_after(toks, w);
        let unit_match = parts
            .iter()
            .any(|&p| lex::same_unit(&lex::unit_after(toks, p), &whole_unit));
        if !plain || parts.len() < 2 || !unit_match {
            continue;
        }
        let vals: Vec<f64> = parts.iter().filter_map(|&p| toks[p].count()).collect();
        let total = toks[w].count().unwrap_or(f64::NAN);
        if let Some(flag) = sum_flag(total, &vals, Listing::Bracket) {
            out.push(statement(text, s, StatementKind::Sum, w, last, flag));
        }
    }
    out
}

/// The count just before the bracket at `b`, with only words (and ":") between.
fn count_before_bracket(toks: &[Token], b: usize, in_fraction: &BTreeSet<usize>) -> Option<usize> {
    let mut p = b.checked_sub(1)?;
    let mut words = 0;
    loop {
        let t = &toks[p];
        if t.count().is_some() && !in_fraction.contains(&p) {
            return Some(p);
        }
        if t.word().is_some() && words < 8 {
            words += 1;
        } else {
            return None;
        }
        p = p.checked_sub(1)?;
    }
}

/// `None`: not a statement (partial parts of "trong đó"); `Some(None)`: right;
/// `Some(Some(flag))`: wrong.
fn sum_flag(total: f64, parts: &[f64], listing: Listing) -> Option<Option<Flag>> {
    let sum: f64 = parts.iter().sum();
    let equal = (sum - total).abs() < 1e-6 * total.abs().max(1.0);
    if equal {
        return Some(None);
    }
    let terms = parts.iter().map(|&p| n(p)).collect::<Vec<_>>().join(" + ");
    if sum > total {
        let message = match listing {
            Listing::OfWhich | Listing::Bracket => Text::new(
                format!(
                    "Các phần cộng lại {terms} = {}, lớn hơn tổng {}.",
                    n(sum),
                    n(total)
                ),
                format!(
                    "The parts add up to {terms} = {}, more than the total {}.",
                    n(sum),
                    n(total)
                ),
            ),
            _ => Text::new(
                format!("{terms} = {}, không phải {}.", n(sum), n(total)),
                format!("{terms} = {}, not {}.", n(sum), n(total)),
            ),
        };
        return Some(Some(Flag {
            severity: Severity::Error,
            message,
            correct: Some(n(sum)),
        }));
    }
    match listing {
        Listing::OfWhich | Listing::Bracket => None,
        Listing::ConsistsOf | Listing::Equation => Some(Some(Flag {
            severity: Severity::Error,
            message: Text::new(
                format!("{terms} = {}, không phải {}.", n(sum), n(total)),
                format!("{terms} = {}, not {}.", n(sum), n(total)),
            ),
            correct: Some(n(sum)),
        })),
    }
}
