//! Why an office file could not be made or read, in Vietnamese and English.

use cchc_core::text::Text;

#[derive(Clone, Debug, PartialEq)]
pub enum OfficeError {
    /// The file is bigger than the app reads (bytes, limit).
    TooLarge { size: u64, limit: u64 },
    /// The sheet holds more cells than the app reads.
    TooManyCells { cells: u64, limit: u64 },
    /// Neither .xlsx nor .csv.
    UnknownKind { file: String },
    /// The file says it is .xlsx or .csv but cannot be read as one.
    Unreadable { detail: String },
    /// Nothing in it.
    Empty,
    /// The writer failed (should not happen with a valid report).
    Write { detail: String },
}

impl OfficeError {
    pub fn message(&self) -> Text {
        match self {
            OfficeError::TooLarge { size, limit } => Text::new(
                format!(
                    "Tệp quá lớn ({} MB). Ứng dụng chỉ đọc tệp đến {} MB: hãy lưu riêng trang tính \
                     có số liệu rồi nhập lại.",
                    mb(*size),
                    mb(*limit)
                ),
                format!(
                    "The file is too large ({} MB). The app reads files up to {} MB: save the \
                     sheet with the figures on its own and import it again.",
                    mb(*size),
                    mb(*limit)
                ),
            ),
            OfficeError::TooManyCells { cells, limit } => Text::new(
                format!(
                    "Trang tính có quá nhiều ô ({cells}); ứng dụng chỉ đọc đến {limit} ô. Hãy giữ \
                     lại bảng số liệu cần nhập."
                ),
                format!(
                    "The sheet has too many cells ({cells}); the app reads up to {limit}. Keep \
                     only the table of figures to import."
                ),
            ),
            OfficeError::UnknownKind { file } => Text::new(
                format!("Không đọc được «{file}»: chỉ nhận tệp Excel (.xlsx) hoặc .csv."),
                format!("Cannot read “{file}”: only Excel (.xlsx) or .csv files are accepted."),
            ),
            OfficeError::Unreadable { detail } => Text::new(
                format!(
                    "Tệp bị hỏng hoặc không phải tệp Excel (.xlsx) hợp lệ, nên không nhập gì. \
                     Chi tiết: {detail}"
                ),
                format!(
                    "The file is damaged or not a valid Excel (.xlsx) file, so nothing was \
                     imported. Detail: {detail}"
                ),
            ),
            OfficeError::Empty => {
                Text::new("Tệp không có số liệu nào.", "The file holds no figures.")
            }
            OfficeError::Write { detail } => Text::new(
                format!("Không tạo được tệp: {detail}"),
                format!("The file could not be made: {detail}"),
            ),
        }
    }
}

/// Megabytes with one decimal, Vietnamese style ("5,0").
fn mb(bytes: u64) -> String {
    cchc_core::number::format_decimal(bytes as f64 / 1_048_576.0, 1)
}

impl std::fmt::Display for OfficeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().vi)
    }
}

impl std::error::Error for OfficeError {}
