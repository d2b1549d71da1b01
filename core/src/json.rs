//! Reading JSON from outside (an imported report, a province's criteria set) strictly, and
//! saying what is wrong with it in Vietnamese: a key written twice is refused instead of the
//! last one silently winning, and serde's English errors become Vietnamese categories that
//! quote at most a short excerpt of the bad value.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::text::Text;

/// How much of a bad value a message quotes, in characters.
pub const EXCERPT_CHARS: usize = 60;

/// The first `EXCERPT_CHARS` characters of `s`, with "…" when there was more.
pub fn excerpt(s: &str) -> String {
    match s.char_indices().nth(EXCERPT_CHARS) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}

/// Why a text could not be read as JSON, or its JSON not as the expected shape.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonFault {
    /// 0 when the fault has no position (a value already parsed).
    pub line: usize,
    pub column: usize,
    /// What is wrong, in Vietnamese and English, quoting at most an excerpt.
    pub detail: Text,
}

/// Parses `text` as JSON, refusing a key that appears twice in one object.
pub fn parse_strict(text: &str) -> Result<Value, JsonFault> {
    serde_json::from_str::<Strict>(text)
        .map(|s| s.0)
        .map_err(|e| JsonFault {
            line: e.line(),
            column: e.column(),
            detail: describe(&e),
        })
}

/// A JSON value whose objects have no repeated key.
struct Strict(Value);

/// The marker of the duplicate-key error, so that `describe` can tell it apart.
const DUPLICATE: &str = "duplicate key ";

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Strict(v) = map.next_value()?;
            if out.contains_key(&key) {
                return Err(de::Error::custom(format!("{DUPLICATE}{key}")));
            }
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// serde's message without the position it appends (" at line 3 column 7").
fn bare_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(at) if e.line() > 0 => msg[..at].to_owned(),
        _ => msg,
    }
}

/// What a serde error means, in Vietnamese and English, quoting at most an excerpt.
pub fn describe(e: &serde_json::Error) -> Text {
    describe_message(&bare_message(e))
}

/// The same, for a message of serde (or of a custom deserializer of this crate).
pub fn describe_message(msg: &str) -> Text {
    let (vi, en) = if let Some(key) = msg.strip_prefix(DUPLICATE) {
        let k = excerpt(key);
        (
            format!("khóa «{k}» xuất hiện hai lần trong cùng một đối tượng"),
            format!("the key “{k}” appears twice in one object"),
        )
    } else if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let (fv, fe) = found_kind(found);
        let (ev, ee) = expected_kind(expected);
        (
            format!("sai kiểu dữ liệu: gặp {fv}, cần {ev}"),
            format!("wrong type: found {fe}, expected {ee}"),
        )
    } else if let Some(rest) = msg.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let (fv, fe) = found_kind(found);
        let (ev, ee) = expected_kind(expected);
        (
            format!("giá trị không hợp lệ: gặp {fv}, cần {ev}"),
            format!("invalid value: found {fe}, expected {ee}"),
        )
    } else if let Some(rest) = msg.strip_prefix("invalid length ") {
        let n = rest.split(',').next().unwrap_or("");
        let n = excerpt(n);
        (
            format!("số phần tử ({n}) không đúng"),
            format!("wrong number of elements ({n})"),
        )
    } else if let Some(rest) = msg.strip_prefix("missing field ") {
        let f = excerpt(rest.trim_matches('`'));
        (
            format!("thiếu trường «{f}»"),
            format!("the field “{f}” is missing"),
        )
    } else if let Some(rest) = msg.strip_prefix("unknown field ") {
        let f = excerpt(rest.split('`').nth(1).unwrap_or(rest));
        (
            format!("trường «{f}» không thuộc mẫu này"),
            format!("the field “{f}” is not part of this format"),
        )
    } else if let Some(rest) = msg.strip_prefix("duplicate field ") {
        let f = excerpt(rest.trim_matches('`'));
        (
            format!("trường «{f}» xuất hiện hai lần"),
            format!("the field “{f}” appears twice"),
        )
    } else if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let mut quoted = rest.split('`').skip(1).step_by(2);
        let v = excerpt(quoted.next().unwrap_or(""));
        let allowed: Vec<&str> = quoted.collect();
        let allowed = excerpt(&allowed.join(", "));
        (
            format!("giá trị «{v}» không được chấp nhận (chỉ nhận: {allowed})"),
            format!("the value “{v}” is not accepted (one of: {allowed})"),
        )
    } else if msg.starts_with("recursion limit exceeded") {
        (
            "dữ liệu lồng nhau quá sâu (quá 128 tầng)".to_owned(),
            "the data is nested too deeply (over 128 levels)".to_owned(),
        )
    } else if msg.starts_with("number out of range") {
        (
            "có số quá lớn, vượt giới hạn số thực".to_owned(),
            "a number is too large for a floating-point number".to_owned(),
        )
    } else if msg.starts_with("EOF while parsing") {
        (
            "tệp kết thúc giữa chừng (bị cắt cụt)".to_owned(),
            "the file ends too early (truncated)".to_owned(),
        )
    } else if let Some(rest) = msg.strip_prefix(CUSTOM_VI) {
        // A message of this crate's own deserializers: "vi|en".
        let (vi, en) = rest.split_once(CUSTOM_SPLIT).unwrap_or((rest, "bad value"));
        (vi.to_owned(), en.to_owned())
    } else if msg.starts_with("input ")
        || msg.starts_with("premature end of input")
        || msg.starts_with("trailing input")
        || msg.starts_with("no possible date")
    {
        // chrono's date errors.
        (
            "ngày không hợp lệ (cần dạng năm-tháng-ngày, ví dụ 2026-01-05)".to_owned(),
            "not a valid date (expected year-month-day, e.g. 2026-01-05)".to_owned(),
        )
    } else {
        // A syntax error ("expected value", "trailing characters", "key must be a string"…).
        (
            "lỗi cú pháp JSON".to_owned(),
            format!("JSON syntax error: {}", excerpt(msg)),
        )
    };
    Text::new(vi, en)
}

/// Prefix of a custom error message of this crate that carries its own Vietnamese.
pub const CUSTOM_VI: &str = "\u{1}vi:";
/// Between the Vietnamese and the English of a custom error message.
pub const CUSTOM_SPLIT: &str = "\u{1}en:";

/// A custom serde error carrying its Vietnamese and English, for `describe` to unpack.
pub fn custom_error<E: de::Error>(vi: &str, en: &str) -> E {
    E::custom(format!("{CUSTOM_VI}{vi}{CUSTOM_SPLIT}{en}"))
}

/// serde's "unexpected" part ("string \"abc\"", "integer `5`", "sequence").
fn found_kind(found: &str) -> (String, String) {
    let quoted = |s: &str| excerpt(s.trim_matches(|c| c == '`' || c == '"'));
    if let Some(s) = found.strip_prefix("string ") {
        let s = quoted(s);
        (format!("chuỗi «{s}»"), format!("the text “{s}”"))
    } else if let Some(n) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        let n = quoted(n);
        (format!("số {n}"), format!("the number {n}"))
    } else if let Some(b) = found.strip_prefix("boolean ") {
        let b = quoted(b);
        (format!("giá trị {b}"), format!("the value {b}"))
    } else {
        match found {
            "sequence" => ("một danh sách".into(), "a list".into()),
            "map" => ("một đối tượng".into(), "an object".into()),
            "null" | "unit" | "unit value" => ("null".into(), "null".into()),
            other => {
                let o = excerpt(other);
                (format!("«{o}»"), format!("“{o}”"))
            }
        }
    }
}

/// serde's "expected" part, by the kind it names.
fn expected_kind(expected: &str) -> (&'static str, &'static str) {
    let e = expected.to_ascii_lowercase();
    let has = |w: &str| e.contains(w);
    if has("date") {
        (
            "một ngày dạng năm-tháng-ngày",
            "a date written year-month-day",
        )
    } else if has("bool") {
        ("true hoặc false", "true or false")
    } else if has("i32") || has("u32") || has("u64") || has("i64") || has("integer") {
        ("một số nguyên", "a whole number")
    } else if has("f64") || has("number") {
        ("một số", "a number")
    } else if has("sequence") || has("set") || has("vec") {
        ("một danh sách", "a list")
    } else if has("struct") || has("map") {
        ("một đối tượng", "an object")
    } else if has("string") || has("char") {
        ("một chuỗi văn bản", "a text")
    } else if has("variant") || has("enum") {
        (
            "một giá trị trong danh sách cho phép",
            "one of the allowed values",
        )
    } else {
        ("kiểu khác", "another kind")
    }
}
