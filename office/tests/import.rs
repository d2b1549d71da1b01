use cchc_office::{map_figures, read_table, Cell, OfficeError, Sheet};

use crate::support::*;

fn text(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

/// A Biểu 06 as a one-stop system exports it, written with rust_xlsxwriter: its own title,
/// rows renamed and numbered differently, some figures as Vietnamese text.
fn one_stop_export() -> Vec<u8> {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("BaoCao").unwrap();
    ws.write(0, 0, "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT TTHC").unwrap();
    ws.write(2, 0, "STT").unwrap();
    ws.write(2, 1, "Lĩnh vực").unwrap();
    for (k, n) in (1..=13).enumerate() {
        ws.write(3, k as u16, format!("({n})")).unwrap();
    }
    // "1." numbering, another wording, upper case without accents, extra spaces.
    ws.write(4, 0, "1.").unwrap();
    ws.write(4, 1, "Lĩnh vực Hộ tịch").unwrap();
    ws.write(4, 3, 0).unwrap();
    ws.write(4, 4, "1.674").unwrap();
    ws.write(4, 5, 120).unwrap();
    ws.write(4, 7, 0).unwrap();
    ws.write(4, 8, "1.779").unwrap();
    ws.write(4, 9, 2).unwrap();
    ws.write(4, 11, 11).unwrap();
    ws.write(4, 12, 2).unwrap();
    ws.write(5, 0, "b)").unwrap();
    ws.write(5, 1, "  CHUNG   THUC ").unwrap();
    ws.write(5, 4, 35).unwrap();
    ws.write(5, 8, 35).unwrap();
    ws.write(6, 1, "Đăng ký kinh doanh hộ cá thể").unwrap();
    ws.write(6, 4, 7).unwrap();
    ws.write(7, 1, "Tổng cộng").unwrap();
    ws.write(7, 4, 9999).unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_bieu_06_sheet_with_renamed_rows_maps_by_label_and_column_number() {
    let bytes = one_stop_export();
    let sheets = read_table(&bytes, "bao-cao-mot-cua.xlsx").expect("reads");
    let t = templates();
    let report = t.new_report("x");
    let p = map_figures(&t.appendix, &report, &sheets);
    let got = |cell: &str| {
        p.changes
            .iter()
            .find(|c| c.cell == cell)
            .map(|c| c.new.as_str())
    };
    assert_eq!(got("hs_ho_tich.c5"), Some("1.674"), "{p:#?}");
    assert_eq!(got("hs_ho_tich.c6"), Some("120"));
    assert_eq!(got("hs_ho_tich.c9"), Some("1.779"));
    assert_eq!(got("hs_ho_tich.c13"), Some("2"));
    assert_eq!(got("hs_chung_thuc.c5"), Some("35"));
    // Totals are computed by the app, never typed from the file.
    assert!(p.changes.iter().all(|c| !c.cell.starts_with("hs_tong")));
    // The row the template does not have is listed as not recognised.
    assert!(p
        .unrecognised
        .iter()
        .any(|u| u.text == "Đăng ký kinh doanh hộ cá thể" && u.source == "BaoCao!B7"));
    // Applying the preview's edits gives the seed's figures; undoing them restores the report.
    let mut applied = report.clone();
    for e in p.edits() {
        applied.apply(e);
    }
    let e = eval(&applied);
    let on_time = t.appendix.cell("hs_ty_le_dung_han").unwrap();
    let v = e.computed.number(on_time).unwrap();
    assert!(
        (v - (35.0 + 1779.0) / (35.0 + 1781.0) * 100.0).abs() < 1e-9,
        "{v}"
    );
    for e in p.undo() {
        applied.apply(e);
    }
    assert_eq!(applied, report);
}

#[test]
fn the_preview_shows_old_and_new_values_and_skips_unchanged_ones() {
    let t = templates();
    let mut report = t.new_report("x");
    report.set_value("hs_ho_tich.c5", "1674");
    report.set_value("hs_ho_tich.c6", "100");
    let sheets = read_table(&one_stop_export(), "x.xlsx").unwrap();
    let p = map_figures(&t.appendix, &report, &sheets);
    assert!(p.changes.iter().all(|c| c.cell != "hs_ho_tich.c5"));
    let c6 = p
        .changes
        .iter()
        .find(|c| c.cell == "hs_ho_tich.c6")
        .unwrap();
    assert_eq!((c6.old.as_str(), c6.new.as_str()), ("100", "120"));
    assert!(c6.label.vi.contains("Hộ tịch") && c6.label.vi.contains("(6)"));
    assert!(p.unchanged >= 1);
}

#[test]
fn a_csv_of_list_rows_maps_labels_with_numbering_and_vietnamese_numbers() {
    let csv = "STT;Chỉ tiêu;Đơn vị tính;Số liệu\n\
               I;KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH;;\n\
               1.;so nhiem vu trong ke hoach cchc;Nhiệm vụ;\"1.234\"\n\
               a);Một chỉ tiêu không có trong phụ lục;;5\n";
    let sheets = read_table(csv.as_bytes(), "so-lieu.csv").unwrap();
    assert_eq!(sheets[0].rows[2][3], text("1.234"));
    let t = templates();
    let first = &t.appendix.template.sections[0].tables[0].rows[0];
    let csv = csv.replace(
        "so nhiem vu trong ke hoach cchc",
        &first.label.vi.to_uppercase(),
    );
    let sheets = read_table(csv.as_bytes(), "so-lieu.csv").unwrap();
    let p = map_figures(&t.appendix, &t.new_report("x"), &sheets);
    let c = p
        .changes
        .iter()
        .find(|c| c.cell == first.id)
        .expect("first row mapped");
    assert_eq!(c.new, "1.234");
    assert!(p
        .unrecognised
        .iter()
        .any(|u| u.text.starts_with("Một chỉ tiêu")));
}

#[test]
fn this_apps_own_export_reads_back_onto_the_same_cells() {
    let r = sample();
    let t = templates();
    let bytes = cchc_office::xlsx(t, &r, &eval(&r)).unwrap();
    let sheets = read_table(&bytes, "phuluc.xlsx").unwrap();
    let p = map_figures(&t.appendix, &t.new_report("x"), &sheets);
    let mut back = t.new_report("x");
    for e in p.edits() {
        back.apply(e);
    }
    let (a, b) = (eval(&r), eval(&back));
    for (ix, cell) in t.appendix.cells.iter().enumerate() {
        if cell.kind.is_numeric() && cell.is_input() {
            assert_eq!(a.computed.number(ix), b.computed.number(ix), "{}", cell.id);
        }
    }
}

#[test]
fn a_malformed_file_is_refused_with_a_message() {
    let e = read_table(b"PK\x03\x04 this is not a zip", "bieu06.xlsx").unwrap_err();
    assert!(matches!(e, OfficeError::Unreadable { .. }), "{e:?}");
    assert!(e.message().vi.contains("không nhập gì"));
    let e = read_table(b"hello", "bieu06.pdf").unwrap_err();
    assert!(matches!(e, OfficeError::UnknownKind { .. }));
    let e = read_table(b"a;\"b\n", "x.csv").unwrap_err();
    assert!(matches!(e, OfficeError::Unreadable { .. }));
    assert!(matches!(read_table(b"", "x.csv"), Err(OfficeError::Empty)));
}

#[test]
fn a_huge_file_is_refused_before_reading() {
    let big = vec![b'1'; (cchc_office::MAX_FILE_BYTES + 1) as usize];
    let e = read_table(&big, "x.csv").unwrap_err();
    assert!(matches!(e, OfficeError::TooLarge { .. }));
    assert!(e.message().vi.contains("5,0 MB"), "{}", e.message().vi);
    // Under the byte limit but too many cells.
    let many = ",".repeat(cchc_office::MAX_CELLS as usize + 10);
    let e = read_table(many.as_bytes(), "x.csv").unwrap_err();
    assert!(matches!(e, OfficeError::TooManyCells { .. }));
}

#[test]
fn an_xlsx_that_unpacks_to_too_much_is_refused() {
    // 60 MB of one repeated byte packs into well under 5 MB.
    use std::io::Write;
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..60 {
            z.write_all(&chunk).unwrap();
        }
        z.finish().unwrap();
    }
    let bytes = buf.into_inner();
    assert!(bytes.len() < 5 << 20);
    let e = read_table(&bytes, "bomb.xlsx").unwrap_err();
    assert!(matches!(e, OfficeError::TooLarge { .. }), "{e:?}");
}

#[test]
fn normalise_ignores_accents_case_numbering_and_spacing() {
    let _ = Sheet {
        name: String::new(),
        rows: vec![],
    };
    for (a, b) in [
        ("1. Hộ tịch", "ho-tich"),
        ("a) Hộ  tịch ", "ho-tich"),
        ("II. KẾ HOẠCH", "ke-hoach"),
        ("(3) Tổng số", "tong-so"),
        ("1.2. Đất đai", "dat-dai"),
        ("Ở đâu", "o-dau"),
    ] {
        assert_eq!(cchc_office::normalise(a), b, "{a}");
    }
}
