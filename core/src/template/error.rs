//! Why a template is rejected. Each fault has its own variant, so tests can name it, and a
//! Vietnamese message, since a province's officer may write a template.

use std::fmt;

use crate::text::{Lang, Text};

#[derive(Clone, Debug, PartialEq)]
pub enum TemplateError {
    Json {
        template: String,
        message: String,
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
            Json { template, message } => (
                format!("Mẫu «{template}» không đọc được: {message}"),
                format!("The {template} template cannot be read: {message}"),
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
