//! The fixed wording of the printed document and the lines made from the report's identity.
//!
//! The document is an official one under Nghị định 30/2020/NĐ-CP: Vietnamese whatever the UI
//! language, so none of this goes through `i18n`. Where the officer has not filled a number or
//! a date yet, the line keeps blank room for it, as drafts sent for signature do: the clerk
//! (văn thư) writes them by hand when the report is issued.

use chrono::{Datelike, NaiveDate};

use crate::period::PeriodKind;
use crate::report::Identity;

pub const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
pub const COMMITTEE: &str = "ỦY BAN NHÂN DÂN";
pub const ON_BEHALF: &str = "TM. ỦY BAN NHÂN DÂN";
pub const DEPUTY_SIGNS_FOR: &str = "KT. CHỦ TỊCH";
pub const RECIPIENTS: &str = "Nơi nhận:";
pub const FILED: &str = "Lưu: VT.";
pub const REPORT: &str = "BÁO CÁO";
/// With a no-break space: never broken before the numeral inside a sentence.
pub const APPENDIX_I: &str = "Phụ lục\u{a0}I";
pub const APPENDIX_II: &str = "Phụ lục\u{a0}II";
/// Marks an entry printed as typed because it cannot be read; a note under the table says so.
pub const INVALID_MARK: &str = "(*)";
pub const SCORING_TITLE: &str = "KẾT QUẢ TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH";

/// The type suffix of a commune People's Committee report's number (Nghị định 30, Phụ lục III).
const NUMBER_SUFFIX: &str = "/BC-UBND";
/// Room left for a number or a date part written by hand.
const ROOM: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";
/// Stands for a commune not named yet, so the draft still reads as a sentence.
const UNNAMED: &str = "……………";

/// The commune's name as typed, or dots where it is missing.
fn commune(id: &Identity) -> &str {
    match id.commune.trim() {
        "" => UNNAMED,
        name => name,
    }
}

/// "XÃ TÂN HÀ": the second line of the issuing body.
pub fn body_name(id: &Identity) -> String {
    format!("{} {}", id.commune_kind.label().vi, commune(id)).to_uppercase()
}

/// "UBND xã Tân Hà", with dots for a commune not named yet.
pub fn issuer(id: &Identity) -> String {
    format!("UBND {} {}", id.commune_kind.label().vi, commune(id))
}

/// "Ủy ban nhân dân xã Tân Hà", as the body of the report names its author.
fn committee_of(id: &Identity) -> String {
    format!(
        "Ủy ban nhân dân {} {}",
        id.commune_kind.label().vi,
        commune(id)
    )
}

/// "15/BC-UBND" from "15" or "15/BC-UBND"; blank room before the suffix when there is none.
pub fn report_number(id: &Identity) -> String {
    match id.number.trim() {
        "" => format!("{ROOM}{NUMBER_SUFFIX}"),
        n if n.contains('/') => n.to_owned(),
        n => format!("{n}{NUMBER_SUFFIX}"),
    }
}

/// Day and month as Nghị định 30 writes them in a date line: a day below 10 and the months
/// January and February take a leading zero (so "1" cannot be turned into "11" or "12" by
/// hand); the other months do not: "ngày 05 tháng 01", "ngày 14 tháng 6".
fn date_words(date: NaiveDate) -> String {
    let month = match date.month() {
        m @ (1 | 2) => format!("{m:02}"),
        m => m.to_string(),
    };
    format!("ngày {:02} tháng {month} năm {}", date.day(), date.year())
}

/// "Tân Hà, ngày 05 tháng 01 năm 2026": the place is the commune unless the officer named
/// another one.
pub fn place_and_date(id: &Identity) -> String {
    let place = match id.place.trim() {
        "" => commune(id),
        p => p,
    };
    let date = match id.date {
        Some(d) => date_words(d),
        None => format!("ngày{ROOM}tháng{ROOM}năm{ROOM}"),
    };
    format!("{place}, {date}")
}

/// dd/mm/yyyy, as dates stand inside sentences and tables.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// "6 tháng năm 2026", "quý I năm 2026", "năm 2026": the period inside a sentence.
pub fn period_phrase(period: PeriodKind, year: i32) -> String {
    let part = match period {
        PeriodKind::Q1 => "quý I ",
        PeriodKind::Q2 => "quý II ",
        PeriodKind::Q3 => "quý III ",
        PeriodKind::Q4 => "quý IV ",
        PeriodKind::SixMonths => "6 tháng ",
        PeriodKind::NineMonths => "9 tháng ",
        PeriodKind::Year => "",
    };
    format!("{part}năm {year}")
}

/// "(Từ ngày 15/12/2025 đến ngày 14/06/2026)": the data window in force.
pub fn window_line(id: &Identity) -> String {
    let (from, to) = id.window();
    let day = |d: Option<NaiveDate>| d.map(short_date).unwrap_or_else(|| ROOM.to_owned());
    format!("(Từ ngày {} đến ngày {})", day(from), day(to))
}

/// "(Kèm theo Báo cáo số 15/BC-UBND ngày 05/01/2026 của UBND xã Tân Hà)", under each
/// appendix's title.
pub fn attached_line(id: &Identity) -> String {
    let date = id
        .date
        .map(short_date)
        .unwrap_or_else(|| format!("{ROOM}/{ROOM}/{ROOM}"));
    format!(
        "(Kèm theo Báo cáo số {} ngày {date} của {})",
        report_number(id),
        issuer(id)
    )
}

/// The report's title under "BÁO CÁO".
pub fn report_subject(id: &Identity) -> String {
    format!(
        "Số liệu kết quả thực hiện công tác cải cách hành chính và kết quả tự chấm điểm \
         Chỉ số cải cách hành chính {}",
        period_phrase(id.period, id.year)
    )
}

/// The one paragraph of the covering report: what the appendices hold, for which window.
pub fn report_body(id: &Identity) -> String {
    let (from, to) = id.window();
    let window = match (from, to) {
        (Some(f), Some(t)) => format!(" (từ ngày {} đến ngày {})", short_date(f), short_date(t)),
        _ => String::new(),
    };
    format!(
        "{} báo cáo số liệu kết quả thực hiện công tác cải cách hành chính {}{window} tại \
         {APPENDIX_I} và kết quả tự chấm điểm Chỉ số cải cách hành chính tại {APPENDIX_II} \
         kèm theo Báo cáo này./.",
        committee_of(id),
        period_phrase(id.period, id.year)
    )
}

/// The title line of the appendix tables: the template's title and the period, uppercase.
/// A title that begins "Phụ lục …" loses those words, which the heading "Phụ lục I" above it
/// already says.
pub fn appendix_title(template_title: &str, id: &Identity) -> String {
    const SAID: &str = "phụ lục ";
    let title = template_title.trim();
    let n = SAID.chars().count();
    let head: String = title.chars().take(n).collect();
    let title: String = if head.to_lowercase() == SAID {
        title.chars().skip(n).collect()
    } else {
        title.to_owned()
    };
    format!("{title} {}", period_phrase(id.period, id.year)).to_uppercase()
}

/// The scoring appendix's title, with the period.
pub fn scoring_title(id: &Identity) -> String {
    format!(
        "{SCORING_TITLE} {}",
        period_phrase(id.period, id.year).to_uppercase()
    )
}

/// The lines over the signature: "TM. ỦY BAN NHÂN DÂN", then "KT. CHỦ TỊCH" when a deputy
/// signs for the chair (Nghị định 30: ký thay), then the signer's own title.
pub fn signature_titles(id: &Identity) -> Vec<String> {
    let title = id.signer_title.trim().to_uppercase();
    let mut lines = vec![ON_BEHALF.to_owned()];
    if title.starts_with("PHÓ CHỦ TỊCH") {
        lines.push(DEPUTY_SIGNS_FOR.to_owned());
    }
    if !title.is_empty() {
        lines.push(title);
    }
    lines
}

/// The "Nơi nhận:" list, one recipient per line, each led by a dash as Nghị định 30 shows it.
/// With none typed, the receiving body and the office's own copy ("Lưu: VT.").
pub fn recipients(id: &Identity) -> Vec<String> {
    let typed: Vec<&str> = id
        .recipients
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if typed.is_empty() {
        return vec![
            format!("- {};", id.receiving_body_or_default()),
            format!("- {FILED}"),
        ];
    }
    typed
        .into_iter()
        .map(|line| match line.strip_prefix(['-', '–', '+', '•']) {
            Some(rest) => format!("- {}", rest.trim_start()),
            None => format!("- {line}"),
        })
        .collect()
}

/// "Đơn vị báo cáo: UBND xã Tân Hà" and "Đơn vị nhận báo cáo: …", over a form such as Biểu 06.
pub fn form_reporting_unit(id: &Identity) -> String {
    format!("Đơn vị báo cáo: {}", issuer(id))
}

pub fn form_receiving_unit(id: &Identity) -> String {
    format!("Đơn vị nhận báo cáo: {}", id.receiving_body_or_default())
}

/// "Kỳ báo cáo: 6 tháng năm 2026", "Kỳ báo cáo: Năm 2026".
pub fn form_period(id: &Identity) -> String {
    let phrase = period_phrase(id.period, id.year);
    let mut chars = phrase.chars();
    let capitalised: String = chars
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .chain(chars)
        .collect();
    format!("Kỳ báo cáo: {capitalised}")
}

/// What a cell of Phụ lục I prints.
#[derive(Clone, Debug, PartialEq)]
pub enum Printed {
    /// Formatted the Vietnamese way; "" for an empty cell, "—" for a ratio with no value.
    Value(String),
    /// What the officer typed, which cannot be read: printed as typed and marked.
    Invalid(String),
}

/// The note under a table holding an entry printed as typed.
pub const INVALID_FIGURE_NOTE: &str =
    "(*) Số liệu chưa đúng định dạng, in nguyên văn như đã nhập; cần kiểm tra lại.";

/// How cell `ix` prints: the print view and the Word export show the same text.
pub fn printed(
    appendix: &crate::template::model::Appendix,
    report: &crate::report::Report,
    computed: &crate::compute::Computed,
    ix: crate::template::model::CellIx,
) -> Printed {
    use crate::number::{format_integer, format_percent, format_trimmed};
    use crate::template::CellKind;
    let Some(cell) = appendix.cells.get(ix) else {
        return Printed::Value(String::new());
    };
    let typed = report.value(&cell.id);
    if computed.errors.contains_key(&ix) {
        return Printed::Invalid(typed.to_owned());
    }
    let number = computed.number(ix);
    let shown = match cell.kind {
        // A computed ratio with nothing to divide says so; a typed percentage left empty is
        // simply empty.
        CellKind::Percent if !cell.is_input() => format_percent(number),
        CellKind::Percent => number.map(|v| format_percent(Some(v))).unwrap_or_default(),
        CellKind::Count | CellKind::Money => number.map(format_integer).unwrap_or_default(),
        CellKind::Decimal => number.map(|v| format_trimmed(v, 2)).unwrap_or_default(),
        CellKind::YesNo => match computed.answer(ix) {
            Some(true) => "Có".to_owned(),
            Some(false) => "Không".to_owned(),
            None => String::new(),
        },
        CellKind::Date => crate::compute::parse_date(typed)
            .map(short_date)
            .unwrap_or_default(),
        CellKind::Text => typed.to_owned(),
    };
    Printed::Value(shown)
}
