//! Why a template is rejected. Each fault has its own variant, so tests can name it, and a
//! Vietnamese message, since a province's officer may write a template.

use std::fmt;

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
        message: String,
    },
    /// A rule's point bands or parts do not fit the item's maximum.
    RulePoints {
        item: String,
        message: String,
    },
    WrongAppendix {
        criteria: String,
        expected: String,
        found: String,
    },
    Empty {
        what: String,
    },
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use TemplateError::*;
        match self {
            Json { template, message } => {
                write!(f, "Mẫu «{template}» không đọc được: {message}")
            }
            DuplicateId { id } => write!(f, "Mã «{id}» được dùng hai lần."),
            UnknownCell { at, cell } => write!(f, "«{at}» tham chiếu ô không tồn tại «{cell}»."),
            UnknownRate { at, rate } => {
                write!(f, "«{at}» dùng cách tính tỷ lệ chưa khai báo «{rate}».")
            }
            Cycle { cells } => {
                write!(f, "Công thức vòng tròn: {}.", cells.join(" → "))
            }
            WrongKind { at, cell, expected } => {
                write!(
                    f,
                    "«{at}» cần ô kiểu {expected}, nhưng «{cell}» không phải."
                )
            }
            MissingKind { row } => write!(f, "Dòng «{row}» thiếu hoặc thừa kiểu dữ liệu (kind)."),
            DuplicateStt { section, stt } => {
                write!(f, "Mục {section} có hai dòng cùng số thứ tự «{stt}».")
            }
            MaxMismatch { at, declared, sum } => write!(
                f,
                "«{at}» khai báo tối đa {declared} điểm nhưng các mục con cộng lại {sum} điểm."
            ),
            ScaleMismatch { scale, sum } => {
                write!(
                    f,
                    "Thang điểm {scale} nhưng các lĩnh vực cộng lại {sum} điểm."
                )
            }
            BandGap { after, next } => {
                write!(f, "Khoảng xếp loại bị hở giữa {after}% và {next}%.")
            }
            BandOverlap { at } => write!(f, "Khoảng xếp loại chồng nhau tại {at}%."),
            BandEnds { message } => write!(f, "Khoảng xếp loại: {message}"),
            RulePoints { item, message } => write!(f, "Tiêu chí «{item}»: {message}"),
            WrongAppendix {
                criteria,
                expected,
                found,
            } => write!(
                f,
                "Bộ tiêu chí «{criteria}» dùng phụ lục «{expected}», không phải «{found}»."
            ),
            Empty { what } => write!(f, "{what} không được để trống."),
        }
    }
}

impl std::error::Error for TemplateError {}
