//! Why a template is rejected. Each fault has its own variant, so tests can name it, and a
//! Vietnamese message, since a province's officer may write a template.

use std::fmt;

use crate::text::{Lang, Text};

/// The largest template file read: 2 MB. The built-in appendix is about 50 KB and the sample
/// criteria set about 35 KB; a province's set is of the same order.
pub const MAX_TEMPLATE_BYTES: usize = 2 * 1024 * 1024;

/// Reads a template's JSON strictly (no key twice, no file over `MAX_TEMPLATE_BYTES`), with
/// faults in Vietnamese.
pub fn read_json<T: serde::de::DeserializeOwned>(
    json: &str,
    template: &str,
) -> Result<T, TemplateError> {
    if json.len() > MAX_TEMPLATE_BYTES {
        return Err(TemplateError::TooLarge { bytes: json.len() });
    }
    let value = crate::json::parse_strict(json.trim_start_matches('\u{feff}')).map_err(|f| {
        TemplateError::Json {
            template: template.into(),
            line: f.line,
            column: f.column,
            detail: f.detail,
        }
    })?;
    serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = crate::json::excerpt(&e.path().to_string());
        let detail = crate::json::describe(e.inner());
        TemplateError::Json {
            template: template.into(),
            line: 0,
            column: 0,
            detail: Text::new(
                format!("ở «{path}»: {}", detail.vi),
                format!("at “{path}”: {}", detail.get(Lang::En)),
            ),
        }
    })
}

#[derive(Clone, Debug, PartialEq)]
pub enum TemplateError {
    /// Not JSON, or JSON of the wrong shape; `line` is 0 when the fault has no position.
    Json {
        template: String,
        line: usize,
        column: usize,
        detail: Text,
    },
    /// Larger than `MAX_TEMPLATE_BYTES`: refused before reading.
    TooLarge {
        bytes: usize,
    },
    DuplicateId {
        id: String,
    },
    UnknownCell {
        at: String,
        cell: String,
    },
    UnknownRate {
        at: String,
        rate: String,
    },
    /// A formula reads, directly or not, its own cell.
    Cycle {
        cells: Vec<String>,
    },
    /// A cell of the wrong kind for where it is used: a yes/no in a sum, a text in a ratio.
    WrongKind {
        at: String,
        cell: String,
        expected: &'static str,
    },
    /// A list-table row without a kind, or a grid row with its own kind.
    MissingKind {
        row: String,
    },
    /// Two rows of one section printed with the same STT (the seed's repeated "4.").
    DuplicateStt {
        section: String,
        stt: String,
    },
    /// A criterion's or area's maximum differs from the sum of what it contains.
    MaxMismatch {
        at: String,
        declared: f64,
        sum: f64,
    },
    /// An area's maximum (or cap) below 0: a penalty area with a negative cap would add points.
    NegativeMax {
        at: String,
        max: f64,
    },
    /// Regular areas plus survey do not make the scale.
    ScaleMismatch {
        scale: f64,
        sum: f64,
    },
    BandGap {
        after: f64,
        next: f64,
    },
    BandOverlap {
        at: f64,
    },
    /// Bands must start at 0 and the top band be open.
    BandEnds {
        message: Text,
    },
    /// A rule's point bands or parts do not fit the item's maximum.
    RulePoints {
        item: String,
        message: Text,
    },
    WrongAppendix {
        criteria: String,
        expected: String,
        found: String,
    },
    Empty {
        what: Text,
    },
}

impl TemplateError {
    /// What is wrong, in Vietnamese and English (a province's officer may write a template).
    pub fn message(&self) -> Text {
        use TemplateError::*;
        let (vi, en) = match self {
            Json {
                template,
                line,
                column,
                detail,
            } => {
                let (vi_at, en_at) = match line {
                    0 => (String::new(), String::new()),
                    l => (
                        format!(" (dòng {l}, cột {column})"),
                        format!(" (line {l}, column {column})"),
                    ),
                };
                (
                    format!("Mẫu «{template}» không đọc được{vi_at}: {}.", detail.vi),
                    format!(
                        "The template “{template}” cannot be read{en_at}: {}.",
                        detail.get(Lang::En)
                    ),
                )
            }
            TooLarge { bytes } => (
                format!(
                    "Tệp mẫu quá lớn ({bytes} byte); chỉ nhận đến {MAX_TEMPLATE_BYTES} byte."
                ),
                format!(
                    "The template file is too large ({bytes} bytes); at most {MAX_TEMPLATE_BYTES} are accepted."
                ),
            ),
            DuplicateId { id } => (
                format!("Mã «{id}» được dùng hai lần."),
                format!("The id “{id}” is used twice."),
            ),
            UnknownCell { at, cell } => (
                format!("«{at}» tham chiếu ô không tồn tại «{cell}»."),
                format!("“{at}” refers to a cell that does not exist: “{cell}”."),
            ),
            UnknownRate { at, rate } => (
                format!("«{at}» dùng cách tính tỷ lệ chưa khai báo «{rate}»."),
                format!("“{at}” uses an undeclared rate “{rate}”."),
            ),
            Cycle { cells } => (
                format!("Công thức vòng tròn: {}.", cells.join(" → ")),
                format!("Circular formulas: {}.", cells.join(" → ")),
            ),
            WrongKind { at, cell, expected } => (
                format!("«{at}» cần ô kiểu {expected}, nhưng «{cell}» không phải."),
                format!("“{at}” needs a cell of kind {expected}, which “{cell}” is not."),
            ),
            MissingKind { row } => (
                format!("Dòng «{row}» thiếu hoặc thừa kiểu dữ liệu (kind)."),
                format!("Row “{row}” lacks a kind, or has one it must not have."),
            ),
            DuplicateStt { section, stt } => (
                format!("Mục {section} có hai dòng cùng số thứ tự «{stt}»."),
                format!("{section} has two rows numbered “{stt}”."),
            ),
            MaxMismatch { at, declared, sum } => (
                format!(
                    "«{at}» khai báo tối đa {declared} điểm nhưng các mục con cộng lại {sum} điểm."
                ),
                format!("“{at}” declares a maximum of {declared} but its parts add up to {sum}."),
            ),
            NegativeMax { at, max } => (
                format!("«{at}» có điểm tối đa {max}, phải từ 0 trở lên."),
                format!("“{at}” has a maximum of {max}; it must be 0 or more."),
            ),
            ScaleMismatch { scale, sum } => (
                format!("Thang điểm {scale} nhưng các lĩnh vực cộng lại {sum} điểm."),
                format!("The scale is {scale} but the areas add up to {sum}."),
            ),
            BandGap { after, next } => (
                format!("Khoảng xếp loại bị hở giữa {after}% và {next}%."),
                format!("The classification bands leave a gap between {after} % and {next} %."),
            ),
            BandOverlap { at } => (
                format!("Khoảng xếp loại chồng nhau tại {at}%."),
                format!("The classification bands overlap at {at} %."),
            ),
            BandEnds { message } => (
                format!("Khoảng xếp loại: {}", message.vi),
                format!("Classification bands: {}", message.get(Lang::En)),
            ),
            RulePoints { item, message } => (
                format!("Tiêu chí «{item}»: {}", message.vi),
                format!("Criterion “{item}”: {}", message.get(Lang::En)),
            ),
            WrongAppendix {
                criteria,
                expected,
                found,
            } => (
                format!(
                    "Bộ tiêu chí «{criteria}» dùng phụ lục «{expected}», không phải «{found}»."
                ),
                format!(
                    "The criteria set “{criteria}” reads the appendix “{expected}”, not “{found}”."
                ),
            ),
            Empty { what } => (
                format!("{} không được để trống.", what.vi),
                format!("{} must not be empty.", what.get(Lang::En)),
            ),
        };
        Text::new(vi, en)
    }
}

/// The Vietnamese message.
impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().vi)
    }
}

impl std::error::Error for TemplateError {}
