//! The keyboard layout of the appendix tables (`state::nav`): where Enter, the arrows and
//! Shift+Enter go, computed from the template alone.

use std::collections::BTreeSet;

use phuluc_cchc::core::workspace::Templates;
use phuluc_cchc::state::nav::Nav;

fn nav(included: &[&str]) -> (Templates, Nav) {
    let t = Templates::builtin().expect("the built-in templates compile");
    let included: BTreeSet<String> = included.iter().map(|s| s.to_string()).collect();
    let nav = Nav::new(&t.appendix, &included);
    (t, nav)
}

/// The cell a move from `from` lands on, by id.
fn go(t: &Templates, from: &str, step: impl Fn(usize) -> Option<usize>) -> Option<String> {
    let ix = t.appendix.cell(from).expect("known cell");
    step(ix).map(|to| t.appendix.cells[to].id.clone())
}

#[test]
fn enter_goes_down_a_list_skipping_derived_rows() {
    let (t, n) = nav(&[]);
    // kh_ty_le (the ratio) is derived: Enter from kh_hoan_thanh jumps over it.
    assert_eq!(
        go(&t, "kh_nhiem_vu", |i| n.below(i)).as_deref(),
        Some("kh_hoan_thanh")
    );
    assert_eq!(
        go(&t, "kh_hoan_thanh", |i| n.below(i)).as_deref(),
        Some("kh_van_ban")
    );
    assert_eq!(
        go(&t, "kh_van_ban", |i| n.above(i)).as_deref(),
        Some("kh_hoan_thanh")
    );
}

#[test]
fn past_the_bottom_of_a_table_enter_goes_to_the_first_input_of_the_next() {
    let (t, n) = nav(&[]);
    assert_eq!(
        go(&t, "kh_bao_cao_dung_han", |i| n.below(i)).as_deref(),
        Some("kt_ke_hoach")
    );
    assert_eq!(
        go(&t, "kt_ke_hoach", |i| n.above(i)).as_deref(),
        Some("kh_bao_cao_dung_han")
    );
}

#[test]
fn in_a_grid_enter_keeps_the_column_and_arrows_walk_the_row_over_derived_columns() {
    let (t, n) = nav(&[]);
    assert_eq!(
        go(&t, "hs_ho_tich.c4", |i| n.below(i)).as_deref(),
        Some("hs_chung_thuc.c4")
    );
    // (7) is derived: right from (6) lands on (8); left from (8) back on (6).
    assert_eq!(
        go(&t, "hs_ho_tich.c6", |i| n.right(i)).as_deref(),
        Some("hs_ho_tich.c8")
    );
    assert_eq!(
        go(&t, "hs_ho_tich.c8", |i| n.left(i)).as_deref(),
        Some("hs_ho_tich.c6")
    );
    // (3) is derived and first: nothing to the left of (4).
    assert_eq!(go(&t, "hs_ho_tich.c4", |i| n.left(i)), None);
}

#[test]
fn a_derived_cell_reached_from_the_findings_list_still_has_neighbours() {
    let (t, n) = nav(&[]);
    // The total row is derived; from its (3), Up finds the last field row's input in that
    // column, if any, else the previous table's last input.
    assert!(go(&t, "hs_tong.c3", |i| n.above(i)).is_some());
    assert_eq!(go(&t, "hs_tong.c3", |i| n.right(i)).as_deref(), None);
}

#[test]
fn an_optional_section_left_out_is_not_on_the_way() {
    let (t, left_out) = nav(&[]);
    let (_, included) = nav(&["s8"]);
    let last_before = "iso_ap_dung";
    let after_out = go(&t, last_before, |i| left_out.below(i));
    let after_in = go(&t, last_before, |i| included.below(i));
    assert_eq!(after_out.as_deref(), Some("cong_ttdt"));
    assert_eq!(after_in.as_deref(), Some("cong_ttdt"));
    assert_eq!(go(&t, "cong_ttdt", |i| left_out.below(i)), None);
    assert_eq!(
        go(&t, "cong_ttdt", |i| included.below(i)).as_deref(),
        Some("td_thu_du_toan")
    );
    assert_eq!(
        go(&t, "td_thu_du_toan", |i| left_out.below(i)),
        None,
        "not on screen"
    );
}
