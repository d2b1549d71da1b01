use calamine::{Data, Reader, Xlsx};

use crate::support::*;

fn workbook(bytes: &[u8]) -> Xlsx<std::io::Cursor<Vec<u8>>> {
    calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("opens")
}

fn sample_xlsx() -> Vec<u8> {
    let r = sample();
    let bytes = cchc_office::xlsx(templates(), &r, &eval(&r)).expect("writes");
    keep("sample.xlsx", &bytes);
    bytes
}

/// Row and column (0-based) of the first cell holding `text` exactly.
fn find(range: &calamine::Range<Data>, text: &str) -> (u32, u32) {
    range
        .cells()
        .find(|(_, _, d)| matches!(d, Data::String(s) if s == text))
        .map(|(r, c, _)| {
            let (r0, c0) = range.start().unwrap_or_default();
            (r as u32 + r0, c as u32 + c0)
        })
        .unwrap_or_else(|| panic!("no cell «{text}»"))
}

#[test]
fn sheets_are_appendix_i_bieu_06_and_appendix_ii() {
    let wb = workbook(&sample_xlsx());
    assert_eq!(wb.sheet_names(), vec!["Phụ lục I", "Biểu 06", "Phụ lục II"]);
}

#[test]
fn bieu_06_total_row_holds_sum_formulas_with_the_core_values() {
    let bytes = sample_xlsx();
    let mut wb = workbook(&bytes);
    let values = wb.worksheet_range("Biểu 06").unwrap();
    let formulas = wb.worksheet_formula("Biểu 06").unwrap();
    let (r, _) = find(&values, "Tổng cộng");
    // Column (3), the total received, sits in column C (index 2).
    let total = values.get_value((r, 2)).unwrap();
    let e = eval(&sample());
    let ix = templates().appendix.cell("hs_tong.c3").unwrap();
    assert_eq!(total, &Data::Float(e.computed.number(ix).unwrap()));
    let f = formulas.get_value((r, 2)).cloned().unwrap_or_default();
    assert!(f.starts_with("SUM("), "total (3) is a sum: {f}");
    // Row 1's (3) is the sum of its (4), (5), (6).
    let (hr, _) = find(&values, "Hộ tịch");
    let f = formulas.get_value((hr, 2)).cloned().unwrap_or_default();
    let row = hr + 1;
    assert_eq!(f, format!("SUM(D{row},E{row},F{row})"));
}

#[test]
fn column_numbers_are_printed_under_the_header() {
    let mut wb = workbook(&sample_xlsx());
    let values = wb.worksheet_range("Biểu 06").unwrap();
    let (r, c) = find(&values, "(1)");
    let numbers: Vec<String> = (0..13)
        .map(|k| {
            values
                .get_value((r, c + k))
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
        .collect();
    let expected: Vec<String> = (1..=13).map(|n| format!("({n})")).collect();
    assert_eq!(numbers, expected);
    find(&values, "Số hồ sơ nhận giải quyết");
    find(&values, "Đơn vị tính: Số hồ sơ TTHC");
}

#[test]
fn rates_are_ratio_formulas_across_sheets_formatted_as_percent() {
    let bytes = sample_xlsx();
    let mut wb = workbook(&bytes);
    let formulas = wb.worksheet_formula("Phụ lục I").unwrap();
    let on_time = formulas
        .cells()
        .map(|(_, _, f)| f.clone())
        .find(|f| f.contains("'Biểu 06'!"))
        .expect("a rate reads Biểu 06");
    assert!(on_time.starts_with("IF(OR(COUNT("), "{on_time}");
    // The percent format and the Vietnamese-aware count format are in the styles.
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains(r#"formatCode="[$-42A]0.00%""#), "{styles}");
    assert!(styles.contains(r#"formatCode="[$-42A]#,##0""#));
    assert!(styles.contains(r#"<name val="Times New Roman"/>"#));
}

#[test]
fn print_setup_is_a4_with_repeated_header_rows_and_landscape_forms() {
    let bytes = sample_xlsx();
    let wbxml = part(&bytes, "xl/workbook.xml");
    assert!(wbxml.contains("_xlnm.Print_Titles"), "{wbxml}");
    let bieu = part(&bytes, "xl/worksheets/sheet2.xml");
    assert!(bieu.contains(r#"paperSize="9""#) && bieu.contains(r#"orientation="landscape""#));
    let i = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(i.contains(r#"paperSize="9""#) && !i.contains("landscape"));
}

#[test]
fn appendix_ii_lists_items_with_evidence_and_sums_criteria() {
    let bytes = sample_xlsx();
    let mut wb = workbook(&bytes);
    let values = wb.worksheet_range("Phụ lục II").unwrap();
    find(&values, "Tài liệu kiểm chứng");
    find(&values, "Giải trình");
    find(&values, "TỔNG ĐIỂM TỰ CHẤM");
    let formulas = wb.worksheet_formula("Phụ lục II").unwrap();
    assert!(formulas.cells().any(|(_, _, f)| f.starts_with("SUM(D")));
    let r = sample();
    let evidence = r
        .assessments
        .values()
        .flat_map(|a| &a.evidence)
        .find(|e| !e.number.trim().is_empty())
        .expect("the sample has evidence");
    find(&values, evidence.number.trim());
}
