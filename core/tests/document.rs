//! The wording of the official document (Nghị định 30/2020): date line, number, issuer,
//! periods and windows, signature titles, recipients.

use cchc_core::period::PeriodKind;
use cchc_core::present::document as words;
use cchc_core::report::{CommuneKind, Identity};
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn tan_ha() -> Identity {
    Identity {
        commune: "Tân Hà".into(),
        province: "Lâm Đồng".into(),
        period: PeriodKind::Year,
        year: 2025,
        number: "15/BC-UBND".into(),
        date: date(2026, 1, 5),
        signer: "Nguyễn Văn An".into(),
        ..Identity::default()
    }
}

#[test]
fn the_date_line_pads_days_below_10_and_january_and_february_only() {
    assert_eq!(
        words::place_and_date(&tan_ha()),
        "Tân Hà, ngày 05 tháng 01 năm 2026"
    );
    let june = Identity {
        date: date(2026, 6, 14),
        ..tan_ha()
    };
    assert_eq!(
        words::place_and_date(&june),
        "Tân Hà, ngày 14 tháng 6 năm 2026"
    );
    let feb = Identity {
        date: date(2026, 2, 9),
        place: "Đức Thọ".into(),
        ..tan_ha()
    };
    assert_eq!(
        words::place_and_date(&feb),
        "Đức Thọ, ngày 09 tháng 02 năm 2026"
    );
}

#[test]
fn a_missing_number_or_date_leaves_room_to_write_by_hand() {
    let draft = Identity {
        number: String::new(),
        date: None,
        ..tan_ha()
    };
    let blank = |s: &str| s.replace('\u{a0}', "_");
    assert_eq!(blank(&words::report_number(&draft)), "________/BC-UBND");
    assert_eq!(
        blank(&words::place_and_date(&draft)),
        "Tân Hà, ngày________tháng________năm________"
    );
    assert_eq!(
        blank(&words::attached_line(&draft)),
        "(Kèm theo Báo cáo số ________/BC-UBND ngày ________/________/________ của UBND xã Tân Hà)"
    );
    let bare = Identity {
        number: "15".into(),
        ..tan_ha()
    };
    assert_eq!(words::report_number(&bare), "15/BC-UBND");
}

#[test]
fn the_issuing_body_is_the_kind_and_name_in_capitals() {
    assert_eq!(words::body_name(&tan_ha()), "XÃ TÂN HÀ");
    let ward = Identity {
        commune_kind: CommuneKind::Phuong,
        commune: "Đông Hải".into(),
        ..tan_ha()
    };
    assert_eq!(words::body_name(&ward), "PHƯỜNG ĐÔNG HẢI");
    let zone = Identity {
        commune_kind: CommuneKind::DacKhu,
        commune: "Côn Đảo".into(),
        ..tan_ha()
    };
    assert_eq!(words::body_name(&zone), "ĐẶC KHU CÔN ĐẢO");
    assert_eq!(words::issuer(&zone), "UBND đặc khu Côn Đảo");
}

#[test]
fn periods_and_windows_read_as_sentences() {
    let phrase = |p| words::period_phrase(p, 2026);
    assert_eq!(phrase(PeriodKind::Q1), "quý I năm 2026");
    assert_eq!(phrase(PeriodKind::Q4), "quý IV năm 2026");
    assert_eq!(phrase(PeriodKind::SixMonths), "6 tháng năm 2026");
    assert_eq!(phrase(PeriodKind::Year), "năm 2026");
    assert_eq!(
        words::window_line(&tan_ha()),
        "(Từ ngày 15/12/2024 đến ngày 14/12/2025)"
    );
    assert_eq!(words::form_period(&tan_ha()), "Kỳ báo cáo: Năm 2025");
    assert_eq!(
        words::appendix_title(
            "Phụ lục số liệu kết quả thực hiện cải cách hành chính cấp xã",
            &tan_ha()
        ),
        "SỐ LIỆU KẾT QUẢ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025"
    );
}

#[test]
fn a_deputy_signs_for_the_chair() {
    assert_eq!(
        words::signature_titles(&tan_ha()),
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    );
    let deputy = Identity {
        signer_title: "Phó Chủ tịch".into(),
        ..tan_ha()
    };
    assert_eq!(
        words::signature_titles(&deputy),
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    );
}

#[test]
fn recipients_are_dashed_lines_with_a_default() {
    assert_eq!(
        words::recipients(&tan_ha()),
        ["- Sở Nội vụ tỉnh Lâm Đồng;", "- Lưu: VT."]
    );
    let typed = Identity {
        recipients: "Sở Nội vụ;\n\n- Thường trực HĐND xã;\n  Lưu: VT.".into(),
        ..tan_ha()
    };
    assert_eq!(
        words::recipients(&typed),
        ["- Sở Nội vụ;", "- Thường trực HĐND xã;", "- Lưu: VT."]
    );
}
