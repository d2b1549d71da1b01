//! Generated commune reports for roll-up benchmarks and end-to-end journeys: figures that
//! agree with each other (Biểu 06 adds up, parts stay within wholes), a quality that varies
//! the rates and self-scores from commune to commune so the bands differ, and every seventh
//! commune with (3) ≠ (7) + (11) in one row. Shared by `benches/core.rs` and
//! `examples/communes.rs` through `#[path]`.

use cchc_core::exchange;
use cchc_core::period::PeriodKind;
use cchc_core::report::Report;
use cchc_core::template::criteria::Rule;
use cchc_core::workspace::{evaluate, Templates};

/// A small deterministic generator (a linear congruential one): the same seed, the same files.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    /// 0..n
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// 0.0..1.0
    pub fn unit(&mut self) -> f64 {
        (self.next() % 10_000) as f64 / 10_000.0
    }
}

/// Commune names: "Tân Hà 1", "Tân Lập 2", … unique for every `i`.
pub fn name(i: usize) -> String {
    const STEMS: [&str; 12] = [
        "Tân Hà",
        "Tân Lập",
        "Đức Thọ",
        "Hòa Bình",
        "An Phú",
        "Thạch Hà",
        "Kỳ Anh",
        "Hương Sơn",
        "Nghi Xuân",
        "Cẩm Xuyên",
        "Lộc Hà",
        "Vũ Quang",
    ];
    format!("{} {}", STEMS[i % STEMS.len()], i / STEMS.len() + 1)
}

/// Commune `i`'s report for the 6 months of 2026.
pub fn commune(t: &Templates, i: usize) -> Report {
    let mut g = Rng::new(i as u64 + 1);
    // 0,6 to 1: how well this commune does.
    let q = 0.6 + 0.4 * g.unit();
    let mut r = t.new_report(format!("gen-{i}"));
    let id = &mut r.identity;
    id.commune = name(i);
    id.province = "Hà Tĩnh".into();
    id.receiving_body = "Sở Nội vụ tỉnh Hà Tĩnh".into();
    id.period = PeriodKind::SixMonths;
    id.year = 2026;
    id.number = format!("{}/BC-UBND", 10 + i % 90);
    id.signer = "Nguyễn Văn A".into();
    let mut set = |cell: &str, v: u64| r.set_value(cell, &v.to_string());
    // Biểu 06: received = online + in person + carried; resolved + pending = received.
    let mut totals = (0, 0, 0);
    for (k, row) in [
        "hs_ho_tich",
        "hs_chung_thuc",
        "hs_dat_dai",
        "hs_bao_tro_xa_hoi",
    ]
    .iter()
    .enumerate()
    {
        let online = g.below(200) + 20;
        let in_person = g.below(300) + 10;
        let carried = g.below(15);
        let received = online + in_person + carried;
        let pending = g.below(received / 10 + 1);
        let resolved = received - pending;
        let late = ((resolved as f64) * (1.0 - q) * 0.2) as u64;
        let before = resolved.saturating_sub(late) / 3;
        let on_time = resolved - late - before;
        let overdue = pending / 4;
        set(&format!("{row}.c4"), online);
        set(&format!("{row}.c5"), in_person);
        set(&format!("{row}.c6"), carried);
        set(&format!("{row}.c8"), before);
        set(&format!("{row}.c9"), on_time);
        set(&format!("{row}.c10"), late);
        // Every seventh commune forgets one pending dossier in its first row.
        let slip = u64::from(i % 7 == 3 && k == 0 && pending > overdue);
        set(&format!("{row}.c12"), pending - overdue - slip);
        set(&format!("{row}.c13"), overdue);
        totals.0 += online + in_person;
        totals.1 += resolved;
        totals.2 += late + overdue;
    }
    let part = |g: &mut Rng, whole: u64| ((whole as f64) * (q + (1.0 - q) * g.unit())) as u64;
    let tasks = g.below(30) + 20;
    set("kh_nhiem_vu", tasks);
    set("kh_hoan_thanh", part(&mut g, tasks));
    set("kh_van_ban", g.below(8) + 1);
    set("kt_ke_hoach", 2);
    set("kt_thuc_hien", 2);
    set("kt_don_vi", g.below(6) + 1);
    let issues = g.below(10);
    set("kt_ton_tai", issues);
    set("kt_da_xu_ly", part(&mut g, issues));
    set("tt_van_ban", g.below(10));
    set("tt_tin_bai", g.below(40));
    set("tt_hoi_nghi", g.below(5));
    set("tt_luot_nguoi", g.below(500));
    set("tc_ban_hanh", g.below(12));
    let reviewed = g.below(20) + 2;
    set("tc_ra_soat", reviewed);
    let to_fix = g.below(reviewed / 2 + 1);
    set("tc_can_xu_ly", to_fix);
    set("tc_da_xu_ly", part(&mut g, to_fix));
    let procedures = 100 + g.below(20);
    set("tthc_tong", procedures);
    set("tthc_cong_khai", part(&mut g, procedures));
    set("tthc_ra_soat", g.below(procedures / 4));
    set("tthc_mot_cua", part(&mut g, procedures));
    set("hs_xin_loi", part(&mut g, totals.2));
    let forms = g.below(300) + 50;
    set("ks_phieu", forms);
    set("ks_hai_long", part(&mut g, forms));
    let petitions = g.below(10);
    set("pakn_tiep_nhan", petitions);
    let handled = part(&mut g, petitions);
    set("pakn_da_xu_ly", handled);
    set("pakn_dung_han", part(&mut g, handled));
    set("pakn_cong_khai", part(&mut g, handled));
    let quota = 22 + g.below(6);
    set("bm_bien_che", quota);
    set("bm_hien_co", quota - g.below(4));
    set("bm_khong_chuyen_trach", g.below(15));
    set("bm_thon_to", g.below(20) + 3);
    let staff = 20 + g.below(10);
    set("cv_tong", staff);
    set("cv_dat_chuan", part(&mut g, staff));
    set("cv_dao_tao", g.below(staff));
    set("cv_ky_luat", g.below(2));
    let (top, good) = (g.below(4), g.below(10));
    let fail = u64::from(q < 0.5);
    set("dg_tong", staff);
    set("dg_xuat_sac", top);
    set("dg_tot", good);
    set("dg_hoan_thanh", staff - top - good - fail);
    set("dg_khong_hoan_thanh", fail);
    let budget = (g.below(9_000) + 1_000) * 1_000_000;
    set("ns_du_toan_chi", budget);
    set("ns_thuc_hien_chi", part(&mut g, budget));
    let recs = g.below(5);
    set("ns_kien_nghi", recs);
    set("ns_kien_nghi_xong", part(&mut g, recs));
    let full = g.below(procedures / 2);
    set("dvc_toan_trinh", full);
    set("dvc_mot_phan", g.below(procedures - full));
    set("dvc_co_ho_so", part(&mut g, full));
    let fees = g.below(400) + 20;
    set("tt_nghia_vu", fees);
    set("tt_truc_tuyen", part(&mut g, fees));
    set("sh_tiep_nhan", part(&mut g, totals.0));
    set("sh_ket_qua", part(&mut g, totals.1));
    let sent = g.below(800) + 100;
    set("vb_di", sent);
    set("vb_dien_tu", part(&mut g, sent));
    set("vb_ky_so", part(&mut g, sent));
    for cell in [
        "kh_bao_cao_dung_han",
        "tc_theo_doi_thi_hanh",
        "bm_quy_che",
        "ns_quy_che_chi_tieu",
        "ns_cong_khai",
        "iso_ap_dung",
        "cong_ttdt",
    ] {
        let yes = g.unit() < q + 0.1;
        r.set_value(cell, if yes { "có" } else { "không" });
    }
    // Self-scores: each item at this commune's quality, in steps of 0,5, with evidence.
    for item in t
        .criteria
        .template
        .areas
        .iter()
        .flat_map(|a| &a.criteria)
        .flat_map(|c| &c.items)
    {
        let a = r.assessments.entry(item.id.clone()).or_default();
        a.score = cchc_core::number::format_trimmed((item.max * q * 2.0).floor() / 2.0, 2);
        a.answer = Some(g.unit() < q + 0.1);
        if let Rule::Additive { parts } = &item.rule {
            a.parts = parts
                .iter()
                .filter(|_| g.unit() < q)
                .map(|p| p.id.clone())
                .collect();
        }
        a.explanation = "Đã thực hiện theo kế hoạch.".into();
        a.evidence.push(Default::default());
        a.evidence[0].title = "Báo cáo kết quả thực hiện".into();
        a.evidence[0].number = format!("{}/BC-UBND", 10 + i % 90);
    }
    r
}

/// Commune `i`'s report exported as the app exports it.
pub fn file(t: &Templates, i: usize) -> String {
    let r = commune(t, i);
    let e = evaluate(t, &r);
    exchange::export(
        t,
        &r,
        &e,
        &format!("2026-06-20T{:02}:{:02}:00.000Z", i / 60 % 24, i % 60),
    )
}
