//! A spreadsheet as rows of cell strings, the shape both readers produce: the CSV reader here
//! and the .xlsx reader of the office crate.

use crate::text::Text;

/// Rows × columns of cell text, as the reader found them (row 0 is the file's first row).
pub type Sheet = Vec<Vec<String>>;

/// Reads CSV as spreadsheets write it: an optional byte-order mark, CRLF or LF line ends,
/// fields in double quotes (with `""` for a quote, and line breaks inside), and the delimiter
/// the file uses: a comma, or a semicolon (what Excel writes where the decimal separator is a
/// comma, as in Vietnamese settings), or a tab. The delimiter is the one of these that occurs
/// most often outside quotes in the first line.
pub fn parse_csv(text: &str) -> Result<Sheet, Text> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delim = detect_delimiter(text);
    let mut rows: Sheet = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1usize;
    let mut quote_line = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
                quote_line = line;
            }
            c if c == delim => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                line += 1;
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            c => field.push(c),
        }
    }
    if quoted {
        return Err(Text::new(
            format!("Tệp CSV có dấu ngoặc kép mở ở dòng {quote_line} mà không đóng."),
            format!("The CSV file opens a double quote on line {quote_line} and never closes it."),
        ));
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

fn detect_delimiter(text: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            c if !quoted => {
                for (d, n) in counts.iter_mut() {
                    if *d == c {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // Ties go to the first: a comma.
    counts
        .iter()
        .fold(
            (',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}
