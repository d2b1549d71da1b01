//! Numbers as Vietnamese officials write them: "." groups thousands, "," separates decimals
//! (10.877.753; 99,89%; 0,75 điểm).
//!
//! Values are plain `f64` at full precision everywhere in the core. They are rounded **once**,
//! half-up, when displayed, so a total or a ratio is never built from already-rounded parts.
//!
//! # Reading what an officer typed ([`parse`])
//!
//! Officers type what they see in their source documents, which may come from Vietnamese
//! paperwork ("1.794", "99,5") or from an English-language spreadsheet ("1,234.5"). The rules,
//! applied after trimming spaces at both ends (ordinary, non-breaking and other Unicode spaces):
//!
//! * Only digits, "." , "," and spaces may appear, plus an optional leading "+" and, for
//!   [`NumberKind::Decimal`], an optional trailing "%" (spaces allowed before it): "99,89 %".
//!   A leading "-" (or "−") is understood, but rejected as [`ParseError::Negative`]: counts,
//!   money and report percentages are never below zero. "-0" is simply 0.
//! * **Both "." and ","** present: the one that comes last is the decimal separator and must
//!   occur once; the other groups thousands. "1.234,5" and "1,234.5" are both 1234,5.
//! * **Only ","**: one comma is always the decimal separator ("1,234" is 1,234, as Vietnamese
//!   reads it); several commas ("1,2,3", or English "1,234,567") → [`ParseError::NotANumber`].
//! * **Only "."**, several of them: they group thousands ("10.877.753").
//! * **Only "."**, exactly one: it groups thousands when it *looks* like grouping — 1 to 3
//!   digits not starting with 0 before it, exactly 3 digits after it ("1.794", "12.345").
//!   Otherwise it is a decimal point ("99.5", "1.79", "0.500", "1234.567"). So "1.234" in a
//!   Decimal field — which an English reader could take for 1.234 — is read the Vietnamese way,
//!   as 1234: this app is for Vietnamese paperwork, and there a lone "." is always grouping.
//! * **Spaces** between digits group thousands too ("1 794"), but may not be mixed with a "."
//!   or "," that also groups.
//! * Grouped thousands must be proper: the first group has 1–3 digits (not starting with 0),
//!   every later one exactly 3. "1.2.3" and "12.34.567" are not numbers.
//! * A decimal separator needs digits after it ("5," is not a number) but not before
//!   (",5" and ".5" are 0,5). Digits never follow grouping in the decimal part.
//! * [`NumberKind::Integer`] fields take the same syntax but refuse a non-zero decimal part
//!   ([`ParseError::NotInteger`]: "1,5", "1.79"); a zero one is fine ("1.794,0").
//! * Anything above [`MAX_VALUE`] is [`ParseError::TooLarge`] (compared exactly on the digits).
//! * Empty or all-space input is [`ParseError::NotANumber`].
//!
//! # Rounding ([`round_half_up`])
//!
//! Half-up (away from zero) decided on the **decimal** value an officer would see, not on the
//! binary fraction the `f64` happens to store: 1,005 → 1,01 even though the stored double is
//! 1.00499999999999989…. The method:
//!
//! 1. Take the shortest decimal that reads back as the same `f64` (Rust's `{:e}` formatting).
//! 2. Keep 15 significant digits, rounding half-up. 15 is the precision an `f64` guarantees
//!    (every decimal of ≤ 15 digits survives a trip through `f64`); anything beyond is storage
//!    or arithmetic noise, e.g. 0,285 × 100 = 28.499999999999996, which must still show 29.
//!    Whole numbers skip this step: an integral `f64` is exact, so its digits are printed as is.
//! 3. Round that decimal half-up to the requested number of places, with digit arithmetic.
//!
//! The result is idempotent (rounding a rounded value changes nothing). Where the decision
//! cannot depend on steps 1–2 (a value under 10^6, at most 4 places, not within 10^-4 of a
//! half), the value is scaled and compared instead of formatted: the same result, property
//! tested against the method above, at a fraction of the cost.
//!
//! # Display
//!
//! The `format_*` functions never print "NaN" or "inf": given a non-finite value they return
//! [`NO_VALUE`] ("—"), the same mark as a ratio that has no value. Negative values (a
//! difference can be negative) get a leading hyphen-minus: "-1.234". A value that rounds to
//! zero is shown "0", never "-0".

use std::fmt;

/// What kind of number a field accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    Integer,
    Decimal,
}

/// Why a typed entry is not an acceptable number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParseError {
    /// Not a number at all ("12a", "abc", "1,2,3").
    NotANumber,
    /// A fraction where only whole numbers make sense (a count, money in đồng).
    NotInteger,
    /// Negative where not allowed — parse never allows negatives (counts, money, percentages in
    /// reports are ≥ 0).
    Negative,
    /// Larger than [`MAX_VALUE`] (1e15), beyond which f64 sums stop being exact.
    TooLarge,
    /// Could be read two ways. [`parse`] currently resolves every such case by the Vietnamese
    /// reading (see the module docs), so it never returns this; the variant and its messages
    /// exist so a stricter reading can report it without changing callers.
    Ambiguous,
}

impl ParseError {
    /// What to tell the officer, in Vietnamese.
    pub fn message_vi(&self) -> &'static str {
        match self {
            ParseError::NotANumber => "Không phải là số. Viết ví dụ 1.794 hoặc 99,5.",
            ParseError::NotInteger => "Chỉ nhập số nguyên (không có phần thập phân).",
            ParseError::Negative => "Không nhập số âm.",
            ParseError::TooLarge => "Số quá lớn: tối đa 1.000.000.000.000.000.",
            ParseError::Ambiguous => {
                "Số này có thể hiểu theo hai cách. Dùng dấu chấm để phân cách hàng nghìn và dấu phẩy cho phần thập phân, ví dụ 1.234,5."
            }
        }
    }

    /// What to tell the officer, in English. Examples keep the Vietnamese notation, because
    /// that is what the report is written in whatever the UI language.
    pub fn message_en(&self) -> &'static str {
        match self {
            ParseError::NotANumber => "Not a number. Write e.g. 1.794 or 99,5.",
            ParseError::NotInteger => "Whole numbers only (no decimal part).",
            ParseError::Negative => "Negative numbers are not allowed.",
            ParseError::TooLarge => "Number too large: at most 1.000.000.000.000.000.",
            ParseError::Ambiguous => {
                "This number can be read two ways. Use a dot for thousands and a comma for decimals, e.g. 1.234,5."
            }
        }
    }
}

/// Vietnamese, the language of the report.
impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message_vi())
    }
}

impl std::error::Error for ParseError {}

/// The largest value [`parse`] accepts. Integers up to 2^53 ≈ 9e15 are exact in `f64`; keeping
/// a margin below that means sums of a few such entries stay exact too.
pub const MAX_VALUE: f64 = 1e15;

/// Shown for a value that does not exist (a ratio over an empty or zero denominator).
pub const NO_VALUE: &str = "—";

/// The precision an `f64` guarantees for a decimal round trip (C's `DBL_DIG`).
const SIGNIFICANT_DIGITS: usize = 15;

/// Requests for more decimals than this are treated as this many. The smallest subnormal's
/// shortest decimal ends at 10^-340, so rounding there can change nothing, and it keeps an
/// absurd `decimals` (say `u32::MAX`) from allocating gigabytes of zeros.
const DECIMALS_CAP: u32 = 340;

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/// Parse what an officer typed. See the module docs for the rules.
pub fn parse(input: &str, kind: NumberKind) -> Result<f64, ParseError> {
    // Most of what is typed is a plain count ("26", "1794"): read at once, as the rules below
    // would read it.
    let b = input.as_bytes();
    if (1..=15).contains(&b.len())
        && b.iter().all(u8::is_ascii_digit)
        && (b.len() == 1 || b[0] != b'0')
    {
        return Ok(b.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0')) as f64);
    }
    let mut s = input.trim_matches(is_space);
    if kind == NumberKind::Decimal {
        if let Some(rest) = s.strip_suffix('%') {
            s = rest.trim_end_matches(is_space);
        }
    }

    let (negative, body) = match s.chars().next() {
        Some(c @ ('-' | '\u{2212}')) => (true, &s[c.len_utf8()..]),
        Some('+') => (false, &s[1..]),
        _ => (false, s),
    };

    let digits = split_number(body).ok_or(ParseError::NotANumber)?;
    if digits.is_zero() {
        // "-0" and "0,000" alike: zero is zero, and never the negative zero of f64.
        return Ok(0.0);
    }
    if negative {
        return Err(ParseError::Negative);
    }
    if digits.exceeds_max() {
        return Err(ParseError::TooLarge);
    }
    if kind == NumberKind::Integer && digits.has_fraction() {
        return Err(ParseError::NotInteger);
    }
    Ok(digits.to_f64())
}

/// Spaces an officer may type or paste: everything Unicode calls white space (which includes
/// the non-breaking U+00A0 and narrow U+202F used by word processors for grouping), plus the
/// invisible zero-width space and byte-order mark that copying from web pages drags along.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}'
}

/// The digits of an unsigned number, separators resolved.
#[derive(Debug)]
struct TypedDigits {
    int: String,
    frac: String,
}

impl TypedDigits {
    fn is_zero(&self) -> bool {
        self.int.bytes().chain(self.frac.bytes()).all(|b| b == b'0')
    }

    fn has_fraction(&self) -> bool {
        self.frac.bytes().any(|b| b != b'0')
    }

    /// Compared on the digits rather than the `f64`, because "1.000.000.000.000.000,01" rounds
    /// to exactly 1e15 as a double yet is over the limit.
    fn exceeds_max(&self) -> bool {
        const MAX_DIGITS: &str = "1000000000000000";
        let int = self.int.trim_start_matches('0');
        match int.len().cmp(&MAX_DIGITS.len()) {
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Greater => true,
            // Same length: digit strings compare like the numbers they spell.
            std::cmp::Ordering::Equal => {
                int > MAX_DIGITS || (int == MAX_DIGITS && self.has_fraction())
            }
        }
    }

    /// The nearest `f64`: the standard library's conversion is correctly rounded.
    fn to_f64(&self) -> f64 {
        let int = if self.int.is_empty() { "0" } else { &self.int };
        let frac = if self.frac.is_empty() {
            "0"
        } else {
            &self.frac
        };
        format!("{int}.{frac}")
            .parse()
            .expect("only ASCII digits reach here")
    }
}

/// Resolve separators in an unsigned number; `None` when it is not a number.
fn split_number(body: &str) -> Option<TypedDigits> {
    // Normalise to digits, '.', ',' and ' ', one ' ' per run of any kind of space.
    let mut toks: Vec<char> = Vec::with_capacity(body.len());
    for c in body.chars() {
        match c {
            '0'..='9' | '.' | ',' => toks.push(c),
            c if is_space(c) => {
                if toks.last() != Some(&' ') {
                    toks.push(' ');
                }
            }
            _ => return None,
        }
    }
    // A space only makes sense between two digits ("1 794"); "1 ,5" or "+ 5" is not a number.
    let is_digit_at = |i: Option<usize>| {
        i.and_then(|i| toks.get(i))
            .is_some_and(char::is_ascii_digit)
    };
    for (i, &t) in toks.iter().enumerate() {
        if t == ' ' && !(is_digit_at(i.checked_sub(1)) && is_digit_at(Some(i + 1))) {
            return None;
        }
    }

    let count = |c: char| toks.iter().filter(|&&t| t == c).count();
    let (decimal, mut group) = match (count('.'), count(',')) {
        (0, 0) => (None, None),
        (0, 1) => (Some(','), None),
        (0, _) => return None,
        (1, 0) if single_dot_groups(&toks) => (None, Some('.')),
        (1, 0) => (Some('.'), None),
        (_, 0) => (None, Some('.')),
        _ => {
            let last = *toks.iter().rev().find(|&&t| t == '.' || t == ',')?;
            if count(last) != 1 {
                return None;
            }
            let other = if last == '.' { ',' } else { '.' };
            (Some(last), Some(other))
        }
    };
    if count(' ') > 0 {
        if group.is_some() {
            return None; // two different grouping marks in one number
        }
        group = Some(' ');
    }

    let (int_toks, frac_toks) = match decimal {
        Some(d) => {
            let at = toks.iter().position(|&t| t == d)?;
            (&toks[..at], Some(&toks[at + 1..]))
        }
        None => (&toks[..], None),
    };

    let frac = match frac_toks {
        Some([]) => return None, // "5,"
        Some(f) => digits_only(f)?,
        None => String::new(),
    };
    let int = match group {
        Some(g) if int_toks.contains(&g) => grouped_digits(int_toks, g)?,
        _ => digits_only(int_toks)?,
    };
    if int.is_empty() && frac.is_empty() {
        return None; // "", "." or ","
    }
    Some(TypedDigits { int, frac })
}

/// Whether a number whose only separator is one "." reads as thousands grouping: "1.794" does,
/// "1.79", "0.500" and "1234.567" do not.
fn single_dot_groups(toks: &[char]) -> bool {
    let Some(at) = toks.iter().position(|&t| t == '.') else {
        return false;
    };
    let (before, after) = (&toks[..at], &toks[at + 1..]);
    is_leading_group(before) && after.len() == 3 && after.iter().all(char::is_ascii_digit)
}

/// The first group of a grouped number: 1–3 digits, and no leading zero ("0.123" is not 123).
fn is_leading_group(group: &[char]) -> bool {
    (1..=3).contains(&group.len()) && group[0] != '0' && group.iter().all(char::is_ascii_digit)
}

fn digits_only(toks: &[char]) -> Option<String> {
    toks.iter()
        .all(char::is_ascii_digit)
        .then(|| toks.iter().collect())
}

/// The digits of an integer part grouped by `sep`, if every group is well formed.
fn grouped_digits(toks: &[char], sep: char) -> Option<String> {
    let mut groups = toks.split(|&t| t == sep);
    let first = groups.next()?;
    if !is_leading_group(first) {
        return None;
    }
    let mut out: String = first.iter().collect();
    for g in groups {
        if g.len() != 3 || !g.iter().all(char::is_ascii_digit) {
            return None;
        }
        out.extend(g);
    }
    Some(out)
}

// ---------------------------------------------------------------------------------------------
// Rounding
// ---------------------------------------------------------------------------------------------

/// A non-negative decimal: the integer spelled by `digits` (ASCII) times 10^`exp`.
#[derive(Debug)]
struct Decimal {
    digits: Vec<u8>,
    exp: i32,
}

impl Decimal {
    /// The decimal value of a finite, non-negative `x`: exact for whole numbers, otherwise the
    /// shortest round-trip decimal cut to [`SIGNIFICANT_DIGITS`] (see the module docs).
    fn of(x: f64) -> Decimal {
        debug_assert!(x.is_finite() && x >= 0.0);
        if x.fract() == 0.0 {
            // Exact: `{:.0}` of an integral double prints all of its digits.
            return Decimal {
                digits: format!("{x:.0}").into_bytes(),
                exp: 0,
            };
        }
        // "1.005e0", "5e-324": mantissa digits and a power of ten.
        let s = format!("{x:e}");
        let (mantissa, e) = s.split_once('e').expect("`{:e}` always has an exponent");
        let e: i32 = e.parse().expect("`{:e}` exponent is an integer");
        let digits: Vec<u8> = mantissa.bytes().filter(|&b| b != b'.').collect();
        let exp = e - (digits.len() as i32 - 1);
        let mut d = Decimal { digits, exp };
        if d.digits.len() > SIGNIFICANT_DIGITS {
            d.drop_digits(d.digits.len() - SIGNIFICANT_DIGITS);
        }
        d
    }

    /// Remove the last `n` digits, rounding half-up on the first digit removed.
    fn drop_digits(&mut self, n: usize) {
        let len = self.digits.len();
        // Digits beyond the left end are implicit zeros, so dropping more than we have rounds
        // down to zero.
        let round_up = n <= len && self.digits[len - n] >= b'5';
        self.digits.truncate(len.saturating_sub(n));
        self.exp += n as i32;
        if round_up {
            increment(&mut self.digits);
        }
        if self.digits.is_empty() {
            self.digits.push(b'0');
        }
    }

    /// Round half-up so that no digit is left below 10^-`decimals`.
    fn round_to(&mut self, decimals: u32) {
        let lowest = -(decimals as i32);
        if self.exp < lowest {
            self.drop_digits((lowest - self.exp) as usize);
        }
    }

    fn is_zero(&self) -> bool {
        self.digits.iter().all(|&b| b == b'0')
    }

    fn to_f64(&self) -> f64 {
        let digits = std::str::from_utf8(&self.digits).expect("ASCII digits");
        format!("{digits}e{}", self.exp)
            .parse()
            .expect("a valid float literal")
    }

    /// Integer part and exactly `decimals` fraction digits; requires `exp >= -decimals`, which
    /// [`Decimal::round_to`] ensures.
    fn fixed(&self, decimals: u32) -> (String, String) {
        let digits = std::str::from_utf8(&self.digits).expect("ASCII digits");
        let decimals = decimals as usize;
        let (int, mut frac) = if self.exp >= 0 {
            (
                format!("{digits}{}", "0".repeat(self.exp as usize)),
                String::new(),
            )
        } else {
            let places = self.exp.unsigned_abs() as usize;
            debug_assert!(places <= decimals);
            if digits.len() > places {
                let (i, f) = digits.split_at(digits.len() - places);
                (i.to_owned(), f.to_owned())
            } else {
                (
                    "0".to_owned(),
                    format!("{}{digits}", "0".repeat(places - digits.len())),
                )
            }
        };
        frac.push_str(&"0".repeat(decimals - frac.len()));
        let int = int.trim_start_matches('0');
        (
            if int.is_empty() {
                "0".to_owned()
            } else {
                int.to_owned()
            },
            frac,
        )
    }
}

/// Add one to a decimal digit string, carrying ("999" → "1000", "" → "1").
fn increment(digits: &mut Vec<u8>) {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return;
        }
    }
    digits.insert(0, b'1');
}

/// `x` rounded for display: whether to print a minus, and the magnitude.
fn rounded(x: f64, decimals: u32) -> (bool, Decimal) {
    let mut d = Decimal::of(x.abs());
    d.round_to(decimals.min(DECIMALS_CAP));
    // A value that rounds to zero has no sign: "-0" means nothing to a reader.
    (x < 0.0 && !d.is_zero(), d)
}

/// Round half-up (away from zero on a tie) to `decimals` places, decided on the decimal value:
/// 1.005 → 1.01, 0.125 → 0.13, 99.885 → 99.89, 2.675 → 2.68, -2.5 → -3 (0 places).
///
/// Method (see the module docs): shortest round-trip decimal, cut to 15 significant digits,
/// then digit-wise half-up rounding; the result is the `f64` nearest that decimal. NaN and
/// infinities are returned unchanged; a result of zero is always +0.
pub fn round_half_up(x: f64, decimals: u32) -> f64 {
    if !x.is_finite() {
        return x;
    }
    if let Some(r) = round_half_up_fast(x, decimals) {
        return r;
    }
    round_half_up_exact(x, decimals)
}

/// [`round_half_up`] by the method of the module docs, digit by digit.
fn round_half_up_exact(x: f64, decimals: u32) -> f64 {
    let (negative, d) = rounded(x, decimals);
    let v = d.to_f64();
    if negative {
        -v
    } else {
        v
    }
}

/// The same result as [`round_half_up_exact`], without formatting the number, when the
/// decision is plain: a value under 10^6 to at most 4 places (percentages, points, most
/// figures) whose scaled fraction is not within 10^-4 of one half. Cutting the shortest
/// decimal to 15 significant digits moves such a value by under 10^-9, and scaling it by
/// 10^4 by one rounding, so neither can carry it across the half; the nearest `f64` to
/// k ÷ 10^d is what a correctly rounded division of two exact numbers gives. Anything closer
/// to a half, larger or finer is left to the exact method (`None`).
fn round_half_up_fast(x: f64, decimals: u32) -> Option<f64> {
    const SCALE: [f64; 5] = [1.0, 10.0, 100.0, 1_000.0, 10_000.0];
    let scale = *SCALE.get(decimals as usize)?;
    let magnitude = x.abs();
    if magnitude >= 1e6 {
        return None;
    }
    let scaled = magnitude * scale;
    let whole = scaled.floor();
    let fraction = scaled - whole;
    if (fraction - 0.5).abs() <= 1e-4 {
        return None;
    }
    let k = if fraction > 0.5 { whole + 1.0 } else { whole };
    let r = k / scale;
    // A value that rounds to zero is +0, as the exact method gives.
    Some(if x < 0.0 && k != 0.0 { -r } else { r })
}

// ---------------------------------------------------------------------------------------------
// Display
// ---------------------------------------------------------------------------------------------

/// "10877753" → "10.877.753".
fn group_thousands(int: &str) -> String {
    let mut out = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// The shared formatter: rounds once, groups, and optionally trims trailing zeros.
fn format_number(x: f64, decimals: u32, trim: bool) -> String {
    if !x.is_finite() {
        return NO_VALUE.to_owned();
    }
    let decimals = decimals.min(DECIMALS_CAP);
    let (negative, d) = rounded(x, decimals);
    let (int, frac) = d.fixed(decimals);
    let frac = if trim {
        frac.trim_end_matches('0')
    } else {
        &frac
    };

    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group_thousands(&int));
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// A whole number with "." grouping: "1.794", "10.877.753", "0". Rounds half-up to an integer
/// first. Non-finite → [`NO_VALUE`].
pub fn format_integer(x: f64) -> String {
    format_number(x, 0, false)
}

/// Exactly `decimals` places with Vietnamese separators: `format_decimal(1234.5, 2)` is
/// "1.234,50". Non-finite → [`NO_VALUE`].
pub fn format_decimal(x: f64, decimals: u32) -> String {
    format_number(x, decimals, false)
}

/// At most `max_decimals` places, trailing zeros removed after rounding: 0.75 → "0,75",
/// 2.0 → "2", 1234.5 → "1.234,5". Non-finite → [`NO_VALUE`].
pub fn format_trimmed(x: f64, max_decimals: u32) -> String {
    format_number(x, max_decimals, true)
}

/// A percentage to 2 places, no space before the sign: "99,89%". `None` (no value) and
/// non-finite values → [`NO_VALUE`].
pub fn format_percent(x: Option<f64>) -> String {
    match x {
        Some(x) if x.is_finite() => format!("{}%", format_decimal(x, 2)),
        _ => NO_VALUE.to_owned(),
    }
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use NumberKind::{Decimal as D, Integer as I};
    use ParseError::*;

    /// One test per input: `name: input, kind => expected;`.
    macro_rules! parse_cases {
        ($($name:ident: $input:expr, $kind:expr => $expected:expr;)*) => {
            $(
                #[test]
                fn $name() {
                    assert_eq!(parse($input, $kind), $expected, "parse({:?}, {:?})", $input, $kind);
                }
            )*
        };
    }

    /// One test per value: `name: expression => "expected";`.
    macro_rules! format_cases {
        ($($name:ident: $actual:expr => $expected:expr;)*) => {
            $(
                #[test]
                fn $name() {
                    assert_eq!($actual, $expected);
                }
            )*
        };
    }

    /// One test per rounding: `name: (x, decimals) => expected;`.
    macro_rules! round_cases {
        ($($name:ident: ($x:expr, $d:expr) => $expected:expr;)*) => {
            $(
                #[test]
                fn $name() {
                    let r = round_half_up($x, $d);
                    assert_eq!(r, $expected, "round_half_up({:?}, {})", $x, $d);
                }
            )*
        };
    }

    // --- Integer fields ----------------------------------------------------------------------

    parse_cases! {
        int_plain: "1794", I => Ok(1794.0);
        int_dot_grouped: "1.794", I => Ok(1794.0);
        int_two_dot_groups: "10.877.753", I => Ok(10877753.0);
        int_space_grouped: "1 794", I => Ok(1794.0);
        int_nbsp_grouped: "1\u{a0}794", I => Ok(1794.0);
        int_narrow_nbsp_grouped: "10\u{202f}877\u{202f}753", I => Ok(10877753.0);
        int_double_space_grouped: "1  794", I => Ok(1794.0);
        int_space_groups_must_be_three: "1 79", I => Err(NotANumber);
        int_dot_not_grouping_is_fraction: "1.79", I => Err(NotInteger);
        int_dot_four_digits_after_is_fraction: "1.7945", I => Err(NotInteger);
        int_long_before_dot_is_fraction: "1234.567", I => Err(NotInteger);
        int_comma_fraction: "1,5", I => Err(NotInteger);
        int_comma_three_digits_is_fraction: "1,234", I => Err(NotInteger);
        int_letters_after: "12a", I => Err(NotANumber);
        int_letters: "abc", I => Err(NotANumber);
        int_many_commas: "1,2,3", I => Err(NotANumber);
        int_negative: "-3", I => Err(Negative);
        int_unicode_minus: "\u{2212}3", I => Err(Negative);
        int_negative_zero_is_zero: "-0", I => Ok(0.0);
        int_zero_fraction: "1.794,0", I => Ok(1794.0);
        int_zero_fraction_many_zeros: "1794,000", I => Ok(1794.0);
        int_zero: "0", I => Ok(0.0);
        int_leading_zeros: "007", I => Ok(7.0);
        int_leading_plus: "+5", I => Ok(5.0);
        int_plus_then_grouped: "+1.794", I => Ok(1794.0);
        int_double_sign: "+-3", I => Err(NotANumber);
        int_double_minus: "--3", I => Err(NotANumber);
        int_space_after_sign: "+ 5", I => Err(NotANumber);
        int_percent_refused: "50%", I => Err(NotANumber);
        int_empty: "", I => Err(NotANumber);
        int_spaces_only: "   ", I => Err(NotANumber);
        int_nbsp_only: "\u{a0}\u{a0}", I => Err(NotANumber);
        int_surrounding_spaces: "  1794 ", I => Ok(1794.0);
        int_surrounding_nbsp: "\u{a0}1.794\u{a0}", I => Ok(1794.0);
        int_zero_width_space_trimmed: "\u{200b}1794\u{feff}", I => Ok(1794.0);
        int_tab_trimmed: "\t1794\n", I => Ok(1794.0);
        int_bad_grouping: "12.34.567", I => Err(NotANumber);
        int_dots_of_single_digits: "1.2.3", I => Err(NotANumber);
        int_group_too_long: "1.7945.000", I => Err(NotANumber);
        int_first_group_too_long: "1234.567.890", I => Err(NotANumber);
        int_first_group_leading_zero: "0.123.456", I => Err(NotANumber);
        int_exponent_refused: "1e5", I => Err(NotANumber);
        int_underscore_refused: "1_000", I => Err(NotANumber);
        int_max_accepted: "1.000.000.000.000.000", I => Ok(1e15);
        int_over_max: "1.000.000.000.000.001", I => Err(TooLarge);
        int_way_over_max: "99999999999999999999999", I => Err(TooLarge);
        int_over_max_spaces: "2 000 000 000 000 000", I => Err(TooLarge);
        int_max_with_leading_zeros: "0001000000000000000", I => Ok(1e15);
        int_negative_before_too_large: "-99999999999999999999", I => Err(Negative);
        int_negative_fraction_is_negative: "-1,5", I => Err(Negative);
        int_negative_garbage_is_not_a_number: "-abc", I => Err(NotANumber);
        int_lone_dot: ".", I => Err(NotANumber);
        int_lone_comma: ",", I => Err(NotANumber);
        int_lone_sign: "+", I => Err(NotANumber);
        int_lone_minus: "-", I => Err(NotANumber);
        int_space_before_comma: "1 ,5", I => Err(NotANumber);
        int_mixed_space_and_dot_groups: "1 234.567", I => Err(NotInteger);
        int_mixed_space_dot_groups_twice: "1 234.567.890", I => Err(NotANumber);
    }

    // --- Decimal fields ----------------------------------------------------------------------

    parse_cases! {
        dec_comma: "99,5", D => Ok(99.5);
        dec_dot_point: "99.5", D => Ok(99.5);
        dec_grouped_with_fraction: "1.234,5", D => Ok(1234.5);
        dec_english_grouping: "1,234.5", D => Ok(1234.5);
        dec_english_two_groups: "1,234,567.89", D => Ok(1234567.89);
        dec_lone_dot_three_digits_is_thousands: "1.234", D => Ok(1234.0);
        dec_lone_comma_three_digits_is_fraction: "1,234", D => Ok(1.234);
        dec_percent: "99,89%", D => Ok(99.89);
        dec_percent_after_space: "99,89 %", D => Ok(99.89);
        dec_percent_after_nbsp: "99,89\u{a0}%", D => Ok(99.89);
        dec_percent_then_spaces: " 99,89% ", D => Ok(99.89);
        dec_percent_alone: "%", D => Err(NotANumber);
        dec_double_percent: "99%%", D => Err(NotANumber);
        dec_percent_first: "%99", D => Err(NotANumber);
        dec_dots_of_single_digits: "1.2.3", D => Err(NotANumber);
        dec_two_dot_groups: "1.234.567", D => Ok(1234567.0);
        dec_many_commas: "1,2,3", D => Err(NotANumber);
        dec_english_grouping_without_point: "1,234,567", D => Err(NotANumber);
        dec_leading_dot: ".5", D => Ok(0.5);
        dec_leading_comma: ",5", D => Ok(0.5);
        dec_trailing_comma: "5,", D => Err(NotANumber);
        dec_trailing_dot: "5.", D => Err(NotANumber);
        dec_points: "0,75", D => Ok(0.75);
        dec_zero_point_three_digits: "0.500", D => Ok(0.5);
        dec_four_digits_before_dot: "1234.567", D => Ok(1234.567);
        dec_two_digits_after_dot: "1.79", D => Ok(1.79);
        dec_long_fraction: "1234,5678", D => Ok(1234.5678);
        dec_space_grouped: "1 234,5", D => Ok(1234.5);
        dec_space_groups_with_dot_point: "1 234.5", D => Ok(1234.5);
        dec_mixed_groupings: "1.234 567", D => Err(NotANumber);
        dec_space_in_fraction: "1,23 4", D => Err(NotANumber);
        dec_grouping_after_point: "1,234.567.8", D => Err(NotANumber);
        dec_two_points: "1.234,5,6", D => Err(NotANumber);
        dec_bad_group_before_comma: "1.23,5", D => Err(NotANumber);
        dec_comma_group_before_dot_point_bad: "1,5.2", D => Err(NotANumber);
        dec_negative: "-0,5", D => Err(Negative);
        dec_negative_percent: "-5%", D => Err(Negative);
        dec_plus: "+0,5", D => Ok(0.5);
        dec_zero_fraction: "0,000", D => Ok(0.0);
        dec_max_with_fraction_too_large: "1.000.000.000.000.000,01", D => Err(TooLarge);
        dec_max_zero_fraction_ok: "1.000.000.000.000.000,00", D => Ok(1e15);
        dec_letters: "abc", D => Err(NotANumber);
        dec_empty: "", D => Err(NotANumber);
        dec_trimmed: "  99,5  ", D => Ok(99.5);
        dec_hundred_percent: "100%", D => Ok(100.0);
    }

    // --- Messages ----------------------------------------------------------------------------

    const ALL_ERRORS: [ParseError; 5] = [NotANumber, NotInteger, Negative, TooLarge, Ambiguous];

    #[test]
    fn every_vietnamese_message_is_non_empty() {
        for e in ALL_ERRORS {
            assert!(!e.message_vi().trim().is_empty(), "{e:?}");
        }
    }

    #[test]
    fn every_english_message_is_non_empty() {
        for e in ALL_ERRORS {
            assert!(!e.message_en().trim().is_empty(), "{e:?}");
        }
    }

    #[test]
    fn vietnamese_messages_are_distinct() {
        for (i, a) in ALL_ERRORS.iter().enumerate() {
            for b in &ALL_ERRORS[i + 1..] {
                assert_ne!(a.message_vi(), b.message_vi());
            }
        }
    }

    #[test]
    fn english_messages_are_distinct() {
        for (i, a) in ALL_ERRORS.iter().enumerate() {
            for b in &ALL_ERRORS[i + 1..] {
                assert_ne!(a.message_en(), b.message_en());
            }
        }
    }

    #[test]
    fn messages_differ_by_language() {
        for e in ALL_ERRORS {
            assert_ne!(e.message_vi(), e.message_en(), "{e:?}");
        }
    }

    #[test]
    fn not_a_number_message_shows_vietnamese_examples() {
        assert_eq!(
            NotANumber.message_vi(),
            "Không phải là số. Viết ví dụ 1.794 hoặc 99,5."
        );
    }

    #[test]
    fn not_integer_message() {
        assert_eq!(
            NotInteger.message_vi(),
            "Chỉ nhập số nguyên (không có phần thập phân)."
        );
    }

    #[test]
    fn too_large_message_quotes_the_limit_in_vietnamese_notation() {
        assert!(TooLarge.message_vi().contains(&format_integer(MAX_VALUE)));
    }

    #[test]
    fn display_is_vietnamese() {
        assert_eq!(Negative.to_string(), Negative.message_vi());
    }

    // --- Rounding ----------------------------------------------------------------------------

    round_cases! {
        round_half_cent: (0.005, 2) => 0.01;
        round_1_005: (1.005, 2) => 1.01;
        round_0_125: (0.125, 2) => 0.13;
        round_99_885: (99.885, 2) => 99.89;
        round_2_675: (2.675, 2) => 2.68;
        round_99_8876: (99.8876, 2) => 99.89;
        round_below_half_cent: (0.0049, 2) => 0.0;
        round_two_and_a_half_up: (2.5, 0) => 3.0;
        round_one_and_a_half_up_not_to_even: (1.5, 0) => 2.0;
        round_half_to_one: (0.5, 0) => 1.0;
        round_negative_half_away_from_zero: (-2.5, 0) => -3.0;
        round_negative_cents: (-1.005, 2) => -1.01;
        round_ratio: (1779.0 / 1781.0 * 100.0, 2) => 99.89;
        round_noise_below_half: (0.285 * 100.0, 0) => 29.0;
        round_noise_just_below_1_005: (1.005 - f64::EPSILON, 2) => 1.01;
        round_carry_through_nines: (9.995, 2) => 10.0;
        round_carry_to_new_digit: (999.9999, 2) => 1000.0;
        round_already_round: (1234.5, 2) => 1234.5;
        round_integer_unchanged: (10877753.0, 2) => 10877753.0;
        round_to_zero_places: (1234.4999, 0) => 1234.0;
        round_many_places_keeps_value: (0.1, 20) => 0.1;
        round_huge_decimals_is_safe: (0.1, u32::MAX) => 0.1;
        round_zero: (0.0, 2) => 0.0;
        round_tiny_to_zero: (1e-300, 2) => 0.0;
        round_smallest_subnormal_to_zero: (5e-324, 2) => 0.0;
        round_large_integer_exact: (1e20, 2) => 1e20;
        round_above_max_integer: (9_007_199_254_740_993.0, 0) => 9_007_199_254_740_993.0;
        round_third: (1.0 / 3.0, 4) => 0.3333;
        round_two_thirds: (2.0 / 3.0, 4) => 0.6667;
    }

    #[test]
    fn round_negative_small_gives_positive_zero() {
        let r = round_half_up(-0.001, 2);
        assert_eq!(r, 0.0);
        assert!(r.is_sign_positive());
    }

    #[test]
    fn round_nan_stays_nan() {
        assert!(round_half_up(f64::NAN, 2).is_nan());
    }

    #[test]
    fn round_infinity_stays_infinity() {
        assert_eq!(round_half_up(f64::INFINITY, 2), f64::INFINITY);
        assert_eq!(round_half_up(f64::NEG_INFINITY, 2), f64::NEG_INFINITY);
    }

    // --- Formatting --------------------------------------------------------------------------

    format_cases! {
        integer_zero: format_integer(0.0) => "0";
        integer_999: format_integer(999.0) => "999";
        integer_1000: format_integer(1000.0) => "1.000";
        integer_1794: format_integer(1794.0) => "1.794";
        integer_million_group: format_integer(10877753.0) => "10.877.753";
        integer_trillion: format_integer(1e12) => "1.000.000.000.000";
        integer_max: format_integer(MAX_VALUE) => "1.000.000.000.000.000";
        integer_above_max_prints_exact_digits: format_integer(1e20) => "100.000.000.000.000.000.000";
        integer_rounds_half_up: format_integer(1794.5) => "1.795";
        integer_rounds_down: format_integer(1794.4) => "1.794";
        integer_negative: format_integer(-1234.0) => "-1.234";
        integer_negative_rounds_away: format_integer(-2.5) => "-3";
        integer_negative_to_zero_has_no_sign: format_integer(-0.4) => "0";
        integer_negative_zero: format_integer(-0.0) => "0";
        integer_nan: format_integer(f64::NAN) => NO_VALUE;
        integer_infinity: format_integer(f64::INFINITY) => NO_VALUE;
        integer_negative_infinity: format_integer(f64::NEG_INFINITY) => NO_VALUE;

        decimal_two_places: format_decimal(1234.5, 2) => "1.234,50";
        decimal_zero: format_decimal(0.0, 2) => "0,00";
        decimal_small: format_decimal(0.05, 2) => "0,05";
        decimal_zero_places: format_decimal(1234.5, 0) => "1.235";
        decimal_negative: format_decimal(-1234.5, 1) => "-1.234,5";
        decimal_negative_tiny_is_zero: format_decimal(-0.001, 2) => "0,00";
        decimal_1_005: format_decimal(1.005, 2) => "1,01";
        decimal_noise_below_1_005_at_three: format_decimal(1.005 - f64::EPSILON, 3) => "1,005";
        decimal_pads_zeros: format_decimal(7.0, 3) => "7,000";
        decimal_third: format_decimal(1.0 / 3.0, 5) => "0,33333";
        decimal_carry: format_decimal(999.999, 2) => "1.000,00";
        decimal_nan: format_decimal(f64::NAN, 2) => NO_VALUE;

        trimmed_points: format_trimmed(0.75, 2) => "0,75";
        trimmed_whole: format_trimmed(2.0, 2) => "2";
        trimmed_one_zero_dropped: format_trimmed(1234.5, 2) => "1.234,5";
        trimmed_rounds_first: format_trimmed(0.999, 2) => "1";
        trimmed_rounds_half_up: format_trimmed(1.005, 2) => "1,01";
        trimmed_grouped_whole: format_trimmed(1234.0, 2) => "1.234";
        trimmed_zero: format_trimmed(0.0, 2) => "0";
        trimmed_zero_places: format_trimmed(2.5, 0) => "3";
        trimmed_negative: format_trimmed(-0.5, 2) => "-0,5";
        trimmed_infinity: format_trimmed(f64::INFINITY, 2) => NO_VALUE;

        percent_plain: format_percent(Some(99.89)) => "99,89%";
        percent_ratio: format_percent(Some(1779.0 / 1781.0 * 100.0)) => "99,89%";
        percent_hundred: format_percent(Some(100.0)) => "100,00%";
        percent_zero: format_percent(Some(0.0)) => "0,00%";
        percent_half_up: format_percent(Some(99.885)) => "99,89%";
        percent_none: format_percent(None) => "—";
        percent_nan: format_percent(Some(f64::NAN)) => "—";
        percent_infinity: format_percent(Some(f64::INFINITY)) => "—";
        percent_grouped: format_percent(Some(1234.5)) => "1.234,50%";

    }

    #[test]
    fn no_value_is_an_em_dash() {
        assert_eq!(NO_VALUE, "\u{2014}");
    }

    #[test]
    fn percent_has_no_space_before_sign() {
        assert!(!format_percent(Some(50.0)).contains(' '));
    }

    #[test]
    fn format_decimal_zero_places_matches_format_integer() {
        for x in [0.0, 0.5, 999.5, 1234.49, -7.5, 1e12] {
            assert_eq!(format_decimal(x, 0), format_integer(x), "{x}");
        }
    }

    #[test]
    fn format_with_absurd_decimals_does_not_explode() {
        let s = format_decimal(0.5, u32::MAX);
        assert_eq!(s.len(), "0,".len() + DECIMALS_CAP as usize);
    }

    #[test]
    fn integer_formats_read_back_as_integers() {
        assert_eq!(parse(&format_integer(10877753.0), I), Ok(10877753.0));
    }

    #[test]
    fn percent_formats_read_back() {
        assert_eq!(parse(&format_percent(Some(99.89)), D), Ok(99.89));
    }

    // --- Properties --------------------------------------------------------------------------

    // proptest is a native-only dev-dependency: the browser test build has no need of it.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn integer_format_round_trips(n in 0u64..=1_000_000_000_000) {
                let x = n as f64;
                prop_assert_eq!(parse(&format_integer(x), I), Ok(x));
            }

            #[test]
            fn integer_format_round_trips_up_to_max(n in 0u64..=1_000_000_000_000_000) {
                let x = n as f64;
                prop_assert_eq!(parse(&format_integer(x), I), Ok(x));
            }

            #[test]
            fn integer_format_is_the_digits_grouped(n in 0u64..=1_000_000_000_000_000) {
                prop_assert_eq!(format_integer(n as f64).replace('.', ""), n.to_string());
            }

            #[test]
            fn cents_round_trip_through_format_decimal(cents in 0u64..=100_000_000_000) {
                let x = cents as f64 / 100.0;
                prop_assert_eq!(round_half_up(x, 2), x);
                prop_assert_eq!(parse(&format_decimal(x, 2), D), Ok(round_half_up(x, 2)));
            }

            #[test]
            fn cents_round_trip_through_format_trimmed(cents in 0u64..=100_000_000_000) {
                let x = cents as f64 / 100.0;
                prop_assert_eq!(parse(&format_trimmed(x, 2), D), Ok(x));
            }

            #[test]
            fn trimmed_reads_back_as_the_rounded_value(x in 0.0f64..=1e15, d in 0u32..=6) {
                prop_assert_eq!(parse(&format_trimmed(x, d), D), Ok(round_half_up(x, d)));
            }

            #[test]
            fn decimal_reads_back_as_the_rounded_value(x in 0.0f64..=1e15, d in 0u32..=6) {
                prop_assert_eq!(parse(&format_decimal(x, d), D), Ok(round_half_up(x, d)));
            }

            #[test]
            fn round_half_up_fast_agrees_with_the_exact_method(x in -2e6f64..=2e6, d in 0u32..=5) {
                if let Some(fast) = round_half_up_fast(x, d) {
                    let exact = round_half_up_exact(x, d);
                    prop_assert_eq!(fast.to_bits(), exact.to_bits(), "{} to {} places", x, d);
                }
            }

            /// Values a hair from a half, where the two methods could part.
            #[test]
            fn round_half_up_fast_agrees_near_halves(k in 0u64..1_000_000, d in 0u32..=4, hair in -30i32..=30, neg: bool) {
                // Up to 6·10^-4 of a unit from the half: either side of where the quick way
                // stops deciding.
                let unit = 10f64.powi(-(d as i32));
                let x = (k as f64 + 0.5) * unit + f64::from(hair) * 2e-5 * unit;
                let x = if neg { -x } else { x };
                if let Some(fast) = round_half_up_fast(x, d) {
                    prop_assert_eq!(fast.to_bits(), round_half_up_exact(x, d).to_bits(), "{} to {} places", x, d);
                }
            }

            #[test]
            fn a_plain_count_reads_as_the_rules_read_it(n in 0u64..1_000_000_000_000_000, zeros in 0usize..3) {
                let typed = format!("{}{n}", "0".repeat(zeros));
                // The general reader, reached with a space the quick one does not take.
                let general = parse(&format!(" {typed}"), I);
                prop_assert_eq!(parse(&typed, I), general);
                prop_assert_eq!(parse(&typed, D), general);
            }

            #[test]
            fn round_half_up_is_idempotent(x in -1e15f64..=1e15, d in 0u32..=8) {
                let once = round_half_up(x, d);
                prop_assert_eq!(round_half_up(once, d), once);
            }

            #[test]
            fn round_half_up_moves_at_most_half_a_unit(x in -1e9f64..=1e9, d in 0u32..=6) {
                let unit = 10f64.powi(-(d as i32));
                // Allow for the 15-digit snap and f64 representation of the result.
                let slack = x.abs() * 1e-14 + 1e-12;
                prop_assert!((round_half_up(x, d) - x).abs() <= unit / 2.0 + slack);
            }

            #[test]
            fn round_half_up_is_symmetric(x in 0.0f64..=1e12, d in 0u32..=6) {
                prop_assert_eq!(round_half_up(-x, d), -round_half_up(x, d));
            }

            #[test]
            fn negative_formats_mirror_positive(x in 0.001f64..=1e12, d in 0u32..=4) {
                let positive = format_decimal(x, d);
                let negative = format_decimal(-x, d);
                if positive.bytes().all(|b| !(b'1'..=b'9').contains(&b)) {
                    prop_assert_eq!(negative, positive);
                } else {
                    prop_assert_eq!(negative, format!("-{positive}"));
                }
            }

            #[test]
            fn format_never_prints_nan_or_inf(x in proptest::num::f64::ANY, d in 0u32..=6) {
                for s in [
                    format_integer(x),
                    format_decimal(x, d),
                    format_trimmed(x, d),
                    format_percent(Some(x)),
                ] {
                    prop_assert!(!s.contains("NaN") && !s.contains("inf"), "{:?}", s);
                }
            }

            #[test]
            fn format_of_non_finite_is_no_value(
                x in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY)],
            ) {
                prop_assert_eq!(format_integer(x), NO_VALUE);
                prop_assert_eq!(format_decimal(x, 2), NO_VALUE);
                prop_assert_eq!(format_trimmed(x, 2), NO_VALUE);
                prop_assert_eq!(format_percent(Some(x)), NO_VALUE);
            }

            #[test]
            fn format_decimal_has_exactly_the_requested_places(x in -1e15f64..=1e15, d in 1u32..=6) {
                let s = format_decimal(x, d);
                let (_, frac) = s.split_once(',').expect("a decimal comma");
                prop_assert_eq!(frac.len(), d as usize);
            }

            #[test]
            fn parse_never_panics(s in "\\PC*") {
                let _ = parse(&s, I);
                let _ = parse(&s, D);
            }

            #[test]
            fn parse_never_panics_on_number_like_input(s in "[-+ 0-9.,%\u{a0}]{0,24}") {
                for kind in [I, D] {
                    if let Ok(v) = parse(&s, kind) {
                        prop_assert!(v.is_finite() && (0.0..=MAX_VALUE).contains(&v), "{:?} → {}", s, v);
                        prop_assert!(v.is_sign_positive(), "{:?} → {}", s, v);
                        if kind == I {
                            prop_assert_eq!(v.fract(), 0.0, "{:?}", s);
                        }
                    }
                }
            }

            #[test]
            fn integer_and_decimal_agree_on_whole_numbers(n in 0u64..=1_000_000_000_000) {
                let s = format_integer(n as f64);
                prop_assert_eq!(parse(&s, I), parse(&s, D));
            }

            #[test]
            fn percent_round_trips(cents in 0u64..=1_000_000) {
                let x = cents as f64 / 100.0;
                prop_assert_eq!(parse(&format_percent(Some(x)), D), Ok(x));
            }

            #[test]
            fn ratios_show_two_places_and_a_sign(num in 0u32..=100_000, den in 1u32..=100_000) {
                let s = format_percent(Some(num as f64 / den as f64 * 100.0));
                prop_assert!(s.ends_with('%'));
                let (_, frac) = s.trim_end_matches('%').split_once(',').expect("a decimal comma");
                prop_assert_eq!(frac.len(), 2);
            }
        }
    }
}
