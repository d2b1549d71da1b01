use crate::support::*;

fn sample_docx() -> String {
    let r = sample();
    let bytes = cchc_office::docx(templates(), &r, &eval(&r)).expect("writes");
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
