//! Free text cut into sentences and tokens: numbers (read by `number::parse`), words and
//! punctuation, each with its byte span in the original text.
//!
//! What a number *is* is decided here once: a quantity, or a date ("27/12/2019", "10/2019"),
//! a document reference ("457/KH-UBND", "số 1063"), a year ("năm 2020") or a standard's
//! number ("ISO 9001:2015"). Only quantities take part in statements.

use crate::number::{self, NumberKind};

/// A byte range of the text, always on character boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Quantity,
    Date,
    DocRef,
    Year,
    Other,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Num {
    pub value: f64,
    /// Digits after the decimal comma as written ("99,89" → 2, "100" → 0).
    pub decimals: u32,
    /// Written with a "%" after it ("99,89%", "99,89 %", LaTeX "99,89\%").
    pub percent: bool,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Num(Num),
    /// Lowercased.
    Word(String),
    Punct(char),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub kind: Kind,
    pub range: Range,
    /// How many "(" are open at this token, within its sentence.
    pub depth: u32,
}

impl Token {
    pub fn num(&self) -> Option<&Num> {
        match &self.kind {
            Kind::Num(n) => Some(n),
            _ => None,
        }
    }

    /// A quantity written without "%": a count or an amount.
    pub fn count(&self) -> Option<f64> {
        self.num()
            .filter(|n| n.role == Role::Quantity && !n.percent)
            .map(|n| n.value)
    }

    pub fn percent(&self) -> Option<&Num> {
        self.num().filter(|n| n.role == Role::Quantity && n.percent)
    }

    pub fn word(&self) -> Option<&str> {
        match &self.kind {
            Kind::Word(w) => Some(w),
            _ => None,
        }
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub fn is_word(&self, w: &str) -> bool {
        self.word() == Some(w)
    }
}

/// Sentences of `text` as byte ranges. A sentence ends at ".", "!" or "?" followed by a space
/// and a capital, a digit or a list mark, and at a line break, except where a page break of a
/// pasted document cut a sentence (the next line starts in lower case).
pub fn sentences(text: &str) -> Vec<Range> {
    // Lines that are not blank, as byte ranges without their line break.
    let mut lines: Vec<Range> = Vec::new();
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\n')))
    {
        if c == '\n' {
            let line = &text[start..i];
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                let lead = line.len() - line.trim_start().len();
                lines.push(Range {
                    start: start + lead,
                    end: start + lead + trimmed.len(),
                });
            }
            start = i + 1;
        }
    }
    // Join a line to the next when a page break cut the sentence.
    let mut blocks: Vec<Range> = Vec::new();
    for line in lines {
        if let Some(last) = blocks.last_mut() {
            let prev = text[last.start..last.end].trim_end_matches(['*', '_', ' ']);
            let ends_open = !prev.ends_with(['.', ':', ';', '!', '?', ')', '"', '”']);
            let next_lower = text[line.start..]
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            if ends_open && next_lower && !prev.contains('\t') {
                last.end = line.end;
                continue;
            }
        }
        blocks.push(line);
    }
    let mut out = Vec::new();
    for block in blocks {
        let s = &text[block.start..block.end];
        let mut from = 0;
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            let Some(&(_, space)) = chars.get(k + 1) else {
                continue;
            };
            if !space.is_whitespace() {
                continue;
            }
            let next = chars[k + 1..].iter().find(|(_, c)| !c.is_whitespace());
            if let Some(&(j, n)) = next {
                if n.is_uppercase() || n.is_ascii_digit() || matches!(n, '-' | '*' | '+' | '•') {
                    push_trimmed(&mut out, text, block.start + from, block.start + i + 1);
                    from = j;
                }
            }
        }
        push_trimmed(&mut out, text, block.start + from, block.end);
    }
    out
}

fn push_trimmed(out: &mut Vec<Range>, text: &str, start: usize, end: usize) {
    let s = &text[start..end];
    let t = s.trim();
    if !t.is_empty() {
        let lead = s.len() - s.trim_start().len();
        out.push(Range {
            start: start + lead,
            end: start + lead + t.len(),
        });
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// The tokens of one sentence (`range` of `text`).
pub fn tokens(text: &str, range: Range) -> Vec<Token> {
    let s = &text[range.start..range.end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let pos = |k: usize| chars.get(k).map_or(s.len(), |&(i, _)| i);
    let mut out: Vec<Token> = Vec::new();
    let mut depth: u32 = 0;
    let mut k = 0;
    while let Some(c) = at(k) {
        let start = pos(k);
        if c.is_ascii_digit() {
            let mut j = k;
            while let Some(d) = at(j) {
                let sep_then_digit =
                    matches!(d, '.' | ',') && at(j + 1).is_some_and(|n| n.is_ascii_digit());
                if d.is_ascii_digit() || sep_then_digit {
                    j += 1;
                } else {
                    break;
                }
            }
            let raw = &s[start..pos(j)];
            // "%" may follow after spaces, or as LaTeX "\%".
            let mut m = j;
            while at(m).is_some_and(|c| c == ' ' || c == '\u{a0}' || c == '\\') {
                m += 1;
            }
            let percent = at(m) == Some('%');
            let end = if percent { m + 1 } else { j };
            let (value, role) = match number::parse(raw, NumberKind::Decimal) {
                Ok(v) => (v, Role::Quantity),
                Err(_) => (f64::NAN, Role::Other),
            };
            out.push(Token {
                kind: Kind::Num(Num {
                    value,
                    decimals: decimals_of(raw),
                    percent,
                    role,
                }),
                range: Range {
                    start: range.start + start,
                    end: range.start + pos(end),
                },
                depth,
            });
            k = end;
        } else if is_word_char(c) {
            let mut j = k;
            while at(j).is_some_and(is_word_char) {
                j += 1;
            }
            out.push(Token {
                kind: Kind::Word(s[start..pos(j)].to_lowercase()),
                range: Range {
                    start: range.start + start,
                    end: range.start + pos(j),
                },
                depth,
            });
            k = j;
        } else {
            if !c.is_whitespace() && !matches!(c, '$' | '\\' | '*' | '_') {
                let c = match c {
                    '–' | '—' | '−' => '-',
                    c => c,
                };
                if c == ')' {
                    depth = depth.saturating_sub(1);
                }
                out.push(Token {
                    kind: Kind::Punct(c),
                    range: Range {
                        start: range.start + start,
                        end: range.start + pos(k + 1),
                    },
                    depth,
                });
                if c == '(' {
                    depth += 1;
                }
            }
            k += 1;
        }
    }
    assign_roles(&mut out);
    out
}

/// Digits after the decimal separator, read the way `number::parse` reads it.
fn decimals_of(raw: &str) -> u32 {
    if let Some(i) = raw.rfind(',') {
        if !raw[i..].contains('.') {
            return (raw.len() - i - 1) as u32;
        }
    }
    let dots = raw.matches('.').count();
    if dots == 1 && !raw.contains(',') {
        let (int, frac) = raw.split_once('.').unwrap_or((raw, ""));
        let groups = (1..=3).contains(&int.len()) && !int.starts_with('0') && frac.len() == 3;
        if !groups {
            return frac.len() as u32;
        }
    }
    0
}

fn set_role(t: &mut Token, role: Role) {
    if let Kind::Num(n) = &mut t.kind {
        if n.role == Role::Quantity {
            n.role = role;
        }
    }
}

/// Dates, document references, years and standards are not quantities.
fn assign_roles(toks: &mut [Token]) {
    let n = toks.len();
    let is_num = |toks: &[Token], i: usize| toks.get(i).is_some_and(|t| t.num().is_some());
    let slash = |toks: &[Token], i: usize| toks.get(i).is_some_and(|t| t.is_punct('/'));
    let int_in = |toks: &[Token], i: usize, lo: f64, hi: f64| {
        toks.get(i)
            .and_then(Token::num)
            .is_some_and(|x| !x.percent && x.value.fract() == 0.0 && x.value >= lo && x.value <= hi)
    };
    for i in 0..n {
        if !is_num(toks, i) {
            continue;
        }
        // d/m/yyyy and a/b/KH-…: every part of the chain.
        if slash(toks, i + 1) && is_num(toks, i + 2) && slash(toks, i + 3) {
            let role = if is_num(toks, i + 4) {
                Role::Date
            } else {
                Role::DocRef
            };
            for j in [i, i + 2, i + 4] {
                if j < n && is_num(toks, j) {
                    set_role(&mut toks[j], role);
                }
            }
            continue;
        }
        // "113/KH-UBND", "1310 /UBND-NV"
        if slash(toks, i + 1) && toks.get(i + 2).and_then(Token::word).is_some() {
            if !toks[i].num().is_some_and(|x| x.percent) {
                set_role(&mut toks[i], Role::DocRef);
            }
            continue;
        }
        // "10/2019": a month and a year.
        if slash(toks, i + 1)
            && int_in(toks, i, 1.0, 12.0)
            && int_in(toks, i + 2, 1900.0, 2100.0)
            && !slash(toks, i + 3)
        {
            set_role(&mut toks[i], Role::Date);
            set_role(&mut toks[i + 2], Role::Date);
            continue;
        }
        // "2021 – 2030", "2021-2026": a range of years.
        if toks.get(i + 1).is_some_and(|t| t.is_punct('-'))
            && int_in(toks, i, 1900.0, 2100.0)
            && int_in(toks, i + 2, 1900.0, 2100.0)
        {
            set_role(&mut toks[i], Role::Year);
            set_role(&mut toks[i + 2], Role::Year);
            continue;
        }
        let prev_word = i.checked_sub(1).and_then(|p| toks[p].word());
        let prev2_word = i.checked_sub(2).and_then(|p| toks[p].word());
        let prev_colon = i.checked_sub(1).is_some_and(|p| toks[p].is_punct(':'));
        let after_year_dash = i >= 2
            && toks[i - 1].is_punct('-')
            && toks[i - 2].num().is_some_and(|x| x.role == Role::Year);
        if (matches!(prev_word, Some("năm" | "đoạn" | "kỳ")) || after_year_dash)
            && int_in(toks, i, 1900.0, 2100.0)
        {
            set_role(&mut toks[i], Role::Year);
        } else if (prev_word == Some("số") && !preceded_by_total(toks, i - 1))
            || (prev_colon && prev2_word == Some("số") && !preceded_by_total(toks, i - 2))
            || matches!(
                prev_word,
                Some(
                    "iso"
                        | "điều"
                        | "khoản"
                        | "khóa"
                        | "khoá"
                        | "mục"
                        | "tiêu"
                        | "độ"
                        | "lần"
                        | "thứ"
                        | "quý"
                        | "vòng"
                        | "hạng"
                        | "kỳ"
                )
            )
        {
            set_role(&mut toks[i], Role::DocRef);
        } else if i >= 2
            && toks[i - 1].is_punct(':')
            && toks[i - 2].num().is_some_and(|x| x.role == Role::DocRef)
        {
            set_role(&mut toks[i], Role::Other);
        } else if prev_word == Some("ngày") && slash(toks, i + 1) {
            set_role(&mut toks[i], Role::Date);
            if is_num(toks, i + 2) {
                set_role(&mut toks[i + 2], Role::Date);
            }
        }
    }
}

/// "tổng số": the "số" at `k` is "total", not "number" of a document.
fn preceded_by_total(toks: &[Token], k: usize) -> bool {
    k.checked_sub(1)
        .and_then(|p| toks[p].word())
        .is_some_and(|w| w == "tổng")
}

/// The unit written after the number at `i`: up to two lowercased words ("hồ sơ", "người").
pub fn unit_after(toks: &[Token], i: usize) -> Option<String> {
    let mut words = toks[i + 1..].iter().map_while(|t| t.word());
    let first = words.next()?;
    Some(match words.next() {
        Some(second) => format!("{first} {second}"),
        None => first.to_owned(),
    })
}

/// Whether two units name the same thing: equal first words ("hồ sơ tiếp nhận" ~ "hồ sơ").
pub fn same_unit(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.split(' ').next() == b.split(' ').next(),
        _ => false,
    }
}
