use crate::support::*;

fn sample_docx() -> String {
    let r = sample();
    let bytes = cchc_office::docx(templates(), &r, &eval(&r), None).expect("writes");
    keep("sample.docx", &bytes);
    part(&bytes, "word/document.xml")
}

/// The text of each paragraph, in order.
fn paragraphs(xml: &str) -> Vec<String> {
    xml.split("</w:p>")
        .map(|p| {
            p.split("</w:t>")
                .filter_map(|t| {
                    let open = t.rfind("<w:t>").or_else(|| t.rfind("<w:t "))?;
                    t[open..].split_once('>').map(|(_, text)| text)
                })
                .collect::<String>()
        })
        .collect()
}

#[test]
fn has_the_nd30_header_and_both_appendices() {
    let xml = sample_docx();
    let p = paragraphs(&xml);
    for heading in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO",
        "Phụ lục\u{a0}I",
        "Phụ lục\u{a0}II",
        "Số: 15/BC-UBND",
        "Tân Hà, ngày 05 tháng 01 năm 2026",
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC (BIỂU 06/VPCP/KSTT)",
    ] {
        assert!(p.iter().any(|x| x == heading), "no paragraph «{heading}»");
    }
}

#[test]
fn bieu_06_total_row_prints_the_computed_totals() {
    let xml = sample_docx();
    let r = sample();
    let e = eval(&r);
    let t = templates();
    let total = |col: &str| {
        let ix = t.appendix.cell(&format!("hs_tong.{col}")).unwrap();
        cchc_core::number::format_integer(e.computed.number(ix).unwrap())
    };
    // The total row: "Tổng cộng" then the thirteen columns' cells.
    let row = xml
        .split("<w:tr>")
        .find(|tr| tr.contains(">Tổng cộng</w:t>"))
        .expect("a total row");
    let cells = paragraphs(row);
    let at = cells.iter().position(|c| c == "Tổng cộng").unwrap();
    assert_eq!(cells[at + 1], total("c3"));
    assert_eq!(cells[at + 5], total("c7"));
    assert_eq!(cells[at + 9], total("c11"));
    assert!(total("c3") != "0");
}

#[test]
fn sections_are_portrait_then_a_landscape_bieu_06_then_landscape_appendix_ii() {
    let xml = sample_docx();
    let orients: Vec<&str> = xml
        .match_indices("<w:pgSz")
        .map(|(i, _)| {
            let tag = &xml[i..i + xml[i..].find("/>").unwrap()];
            if tag.contains("landscape") {
                "landscape"
            } else {
                "portrait"
            }
        })
        .collect();
    assert_eq!(orients, ["portrait", "landscape", "portrait", "landscape"]);
    // Nghị định 30 margins: left 30 mm, right 15 mm, top and bottom 20 mm.
    assert!(xml.contains(r#"w:top="1134""#) && xml.contains(r#"w:left="1701""#));
    assert!(xml.contains(r#"w:right="850""#));
}

/// Every table that can span pages repeats its header rows on each page: the list runs of
/// Phụ lục I (one row), Biểu 06 (its two header rows and the column numbers), Phụ lục II (two).
#[test]
fn header_rows_repeat_on_every_page() {
    let xml = sample_docx();
    let tables: Vec<&str> = xml.split("<w:tbl>").skip(1).collect();
    let repeated = |tb: &str| tb.matches("<w:tblHeader />").count();
    let (bieu, rest): (Vec<&str>, Vec<&str>) = tables
        .iter()
        .partition(|tb| tb.contains(">Tổng cộng</w:t>"));
    assert_eq!(bieu.iter().map(|tb| repeated(tb)).collect::<Vec<_>>(), [3]);
    let (last, lists) = rest.split_last().unwrap();
    assert_eq!(repeated(last), 2, "Phụ lục II");
    // The cover's layout tables have no header; each list run has one.
    let list_heads: Vec<usize> = lists
        .iter()
        .map(|tb| repeated(tb))
        .filter(|&n| n > 0)
        .collect();
    assert!(
        !list_heads.is_empty() && list_heads.iter().all(|&n| n == 1),
        "{list_heads:?}"
    );
    // A repeated row is a header row: the first rows of its table, none further down.
    for tb in &tables {
        let rows: Vec<&str> = tb.split("<w:tr>").skip(1).collect();
        let n = rows
            .iter()
            .take_while(|r| r.contains("<w:tblHeader />"))
            .count();
        assert!(rows[n..].iter().all(|r| !r.contains("<w:tblHeader />")));
    }
}

/// Biểu 06's label column is headed as the template says, as on screen and in print.
#[test]
fn bieu_06_header_names_the_label_column_as_the_template_does() {
    let xml = sample_docx();
    let t = templates();
    let table = t
        .appendix
        .template
        .sections
        .iter()
        .flat_map(|s| &s.tables)
        .find(|tb| !tb.columns.is_empty())
        .unwrap();
    let header = cchc_core::present::table::grid_header(table);
    let bieu = xml
        .split("<w:tbl>")
        .find(|tb| tb.contains(">Tổng cộng</w:t>"))
        .unwrap();
    let first_row = paragraphs(bieu.split("</w:tr>").next().unwrap());
    let expected: Vec<&str> = header.rows[0].iter().map(|c| c.text.vi.as_str()).collect();
    let shown: Vec<&str> = first_row
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(shown, expected);
}

/// With last year's report beside it, the covering report's narrative says the change, as the
/// print view does.
#[test]
fn the_narrative_compares_with_the_same_period_last_year() {
    let r = sample();
    let mut last_year = r.clone();
    last_year.identity.year -= 1;
    for cell in templates().appendix.cells.iter().filter(|c| c.is_input()) {
        last_year.set_value(&cell.id, "");
    }
    last_year.set_value("hs_ho_tich.c5", "1.000");
    let bytes = cchc_office::docx(templates(), &r, &eval(&r), Some(&last_year)).expect("writes");
    let xml = part(&bytes, "word/document.xml");
    let p = paragraphs(&xml);
    assert!(
        p.iter().any(|x| x.contains("so với cùng kỳ (1.000)")),
        "{:?}",
        p.iter().filter(|x| x.contains("hồ sơ")).collect::<Vec<_>>()
    );
    let without = paragraphs(&sample_docx());
    assert!(!without.iter().any(|x| x.contains("so với cùng kỳ")));
}
