//! The appendix editor's logic: rows reworded, added, removed and moved on a draft of the
//! appendix in use; ids made, never reused; faults at their place in the compiler's words;
//! the version changing on the first edit; the download read back by the loader.

use cchc_core::authoring::appendix_changes;
use cchc_core::authoring::appendix_editor::{builtin_versions, AppendixDraft, AppendixEdit, Place};
use cchc_core::report::TemplateRef;
use cchc_core::template::{Appendix, CellKind};
use cchc_core::workspace::evaluate;

use crate::support::templates;

fn draft() -> AppendixDraft {
    AppendixDraft::start(&templates().appendix.template, &[])
}

fn edit(d: &mut AppendixDraft, e: AppendixEdit) -> Option<Place> {
    d.apply(e, templates())
}

/// Section I, table "Kế hoạch CCHC": kh_nhiem_vu (1), kh_hoan_thanh (2), kh_ty_le (3, their
/// ratio), kh_van_ban (4), kh_bao_cao_dung_han (5, read by the sample criteria set).
const PLAN: Place = Place::Table(0, 0);
fn plan_row(r: usize) -> Place {
    Place::Row(0, 0, r)
}
/// Biểu 06: section III, second table; nine rows, the last the total.
const BIEU06: Place = Place::Table(2, 1);

fn row_ids(d: &AppendixDraft, s: usize, t: usize) -> Vec<String> {
    d.template.sections[s].tables[t]
        .rows
        .iter()
        .map(|r| r.id.clone())
        .collect()
}

#[test]
fn the_appendix_in_use_has_no_problem_and_keeps_its_version_until_edited() {
    let d = draft();
    assert_eq!(d.problems(templates()), []);
    assert!(!d.edited());
    assert_eq!(d.template.version, 1);
    assert_eq!(d.base_ref().version, 1);
}

#[test]
fn an_edit_takes_a_version_above_every_built_in_and_saved_one_and_undoing_it_gives_it_back() {
    assert_eq!(builtin_versions("phuluc-xa"), [1, 2]);
    let mut d = draft();
    let label = d.template.sections[0].tables[0].rows[1].label.vi.clone();
    edit(
        &mut d,
        AppendixEdit::Label(plan_row(1), "Số nhiệm vụ CCHC đã xong".into()),
    );
    assert!(d.edited());
    // Version 2 is built in (section IX): the draft may not take it.
    assert_eq!(d.template.version, 3);
    edit(&mut d, AppendixEdit::Label(plan_row(1), label));
    assert!(!d.edited());
    assert_eq!(d.template.version, 1);

    // A saved report names version 7 (an earlier draft): the next draft is 8.
    let taken = [
        TemplateRef {
            id: "phuluc-xa".into(),
            version: 7,
        },
        TemplateRef {
            id: "other".into(),
            version: 40,
        },
    ];
    let mut d = AppendixDraft::start(&templates().appendix.template, &taken);
    edit(&mut d, AppendixEdit::Title("Phụ lục của tỉnh".into()));
    assert_eq!(d.template.version, 8);
    assert_eq!(d.file_name(), "mau-phu-luc_phuluc-xa_v8.json");
}

#[test]
fn a_row_added_to_a_list_table_gets_a_fresh_id_the_next_stt_and_the_kind_above() {
    let mut d = draft();
    let at = edit(&mut d, AppendixEdit::AddRow(PLAN));
    assert_eq!(at, Some(plan_row(5)));
    let row = &d.template.sections[0].tables[0].rows[5];
    assert_eq!(row.id, "t1_ke_hoach_dong1");
    assert_eq!(row.stt, "6");
    // kh_bao_cao_dung_han (5) above is a yes/no; made a count here.
    assert_eq!(row.kind, Some(CellKind::YesNo));
    edit(&mut d, AppendixEdit::Kind(plan_row(5), CellKind::Count));
    assert_eq!(d.problems(templates()), []);
    // The new row is a cell of the appendix that compiles, and takes a figure.
    let next = d.check(templates()).expect("compiles");
    let mut r = next.new_report("r");
    r.set_value("t1_ke_hoach_dong1", "7");
    let ix = next.appendix.cell("t1_ke_hoach_dong1").expect("a cell");
    assert_eq!(evaluate(&next, &r).computed.number(ix), Some(7.0));
}

#[test]
fn a_row_added_after_a_computed_row_is_typed_and_numbered_after_it() {
    let mut d = draft();
    // After kh_ty_le (3, a ratio): a count, STT 4 already taken so none.
    let at = edit(&mut d, AppendixEdit::AddRowAfter(plan_row(2)));
    assert_eq!(at, Some(plan_row(3)));
    let row = &d.template.sections[0].tables[0].rows[3];
    assert_eq!(row.kind, Some(CellKind::Count));
    assert_eq!(row.formula, None);
    assert_eq!(row.stt, "");
    assert_eq!(d.problems(templates()), []);
}

#[test]
fn a_row_added_to_a_grid_goes_before_its_total_and_gets_every_column_summed() {
    let mut d = draft();
    let at = edit(&mut d, AppendixEdit::AddRow(BIEU06));
    assert_eq!(at, Some(Place::Row(2, 1, 8)));
    let ids = row_ids(&d, 2, 1);
    assert_eq!(ids[8], "bieu06_dong1");
    assert_eq!(ids[9], "hs_tong");
    let row = &d.template.sections[2].tables[1].rows[8];
    assert_eq!(row.kind, None, "a grid row takes its columns' kinds");
    assert_eq!(row.stt, "9");
    let next = d.check(templates()).expect("compiles");
    // Its received (4) is in the total (3) column's sum: 5 typed there shows in hs_tong.c4.
    let mut r = next.new_report("r");
    r.set_value("bieu06_dong1.c4", "5");
    let e = evaluate(&next, &r);
    let total = next.appendix.cell("hs_tong.c4").expect("total cell");
    assert_eq!(e.computed.number(total), Some(5.0));
}

#[test]
fn ids_are_unique_and_never_reused_even_after_a_removal() {
    let mut d = draft();
    edit(&mut d, AppendixEdit::AddRow(PLAN));
    edit(&mut d, AppendixEdit::AddRow(PLAN));
    assert_eq!(
        row_ids(&d, 0, 0)[5..],
        ["t1_ke_hoach_dong1", "t1_ke_hoach_dong2"]
    );
    edit(&mut d, AppendixEdit::Remove(plan_row(6)));
    assert_eq!(d.refused, None);
    edit(&mut d, AppendixEdit::AddRow(PLAN));
    // dong2 was given once: a report may hold a figure under it, so it is not given again.
    assert_eq!(
        row_ids(&d, 0, 0)[5..],
        ["t1_ke_hoach_dong1", "t1_ke_hoach_dong3"]
    );
    // An id the appendix it started from had is never given either.
    let mut d = draft();
    d.template.sections[0].tables[0].rows.pop();
    let mut base = templates().appendix.template.clone();
    base.sections[0].tables[0].rows[4].id = "t1_ke_hoach_dong1".into();
    let mut d2 = AppendixDraft::start(&base, &[]);
    edit(&mut d2, AppendixEdit::AddRow(PLAN));
    assert_eq!(row_ids(&d2, 0, 0)[5], "t1_ke_hoach_dong2");
    drop(d);
}

#[test]
fn removing_a_row_a_formula_reads_is_refused_with_the_compilers_message_at_the_row() {
    let mut d = draft();
    let before = d.template.clone();
    // kh_nhiem_vu is the denominator of kh_ty_le.
    let at = edit(&mut d, AppendixEdit::Remove(plan_row(0)));
    assert_eq!(at, Some(plan_row(0)));
    assert_eq!(d.template, before, "the row stays");
    let p = d.problems(templates());
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].at, Some(plan_row(0)));
    assert!(!p[0].criteria);
    assert_eq!(
        p[0].message.vi,
        "«kh_ty_le» tham chiếu ô không tồn tại «kh_nhiem_vu»."
    );
    // The next edit clears it.
    edit(&mut d, AppendixEdit::Title("Phụ lục".into()));
    assert_eq!(d.refused, None);
}

#[test]
fn removing_a_row_the_criteria_set_reads_is_refused_naming_the_criterion() {
    let mut d = draft();
    edit(&mut d, AppendixEdit::Remove(plan_row(4)));
    let p = d.refused.clone().expect("refused");
    assert_eq!(p.at, Some(plan_row(4)));
    assert!(p.criteria);
    assert!(
        p.message
            .vi
            .contains("tham chiếu ô không tồn tại «kh_bao_cao_dung_han»"),
        "{}",
        p.message.vi
    );
}

#[test]
fn removing_a_row_nothing_reads_is_done_and_the_version_changes() {
    let mut d = draft();
    edit(&mut d, AppendixEdit::Remove(plan_row(3)));
    assert_eq!(d.refused, None);
    assert!(!row_ids(&d, 0, 0).contains(&"kh_van_ban".to_owned()));
    assert_eq!(d.template.version, 3);
    // What moving a report onto it would say: the figure typed there dropped.
    let old = &templates().appendix;
    let new = Appendix::compile(d.template.clone()).expect("compiles");
    let mut r = templates().new_report("r");
    r.set_value("kh_van_ban", "12");
    let c = appendix_changes(old, &new, &r);
    assert_eq!(c.dropped.len(), 1);
    assert_eq!(c.dropped[0].id, "kh_van_ban");
    assert_eq!(c.dropped[0].typed.as_deref(), Some("12"));
}

#[test]
fn the_last_row_of_a_table_cannot_go() {
    let mut d = draft();
    edit(&mut d, AppendixEdit::AddTable(Place::Section(0)));
    let t = d.template.sections[0].tables.len() - 1;
    edit(&mut d, AppendixEdit::Remove(Place::Row(0, t, 0)));
    let p = d.refused.clone().expect("refused");
    assert_eq!(p.at, Some(Place::Row(0, t, 0)));
    assert!(p.message.vi.contains("s1_bang1"), "{}", p.message.vi);
}

#[test]
fn a_table_can_be_added_and_removed_unless_something_reads_it() {
    let mut d = draft();
    let at = edit(&mut d, AppendixEdit::AddTable(Place::Section(1)));
    assert_eq!(at, Some(Place::Table(1, 1)));
    let table = &d.template.sections[1].tables[1];
    assert_eq!(table.id, "s2_bang1");
    assert_eq!(table.rows.len(), 1);
    assert_eq!(table.rows[0].id, "s2_bang1_dong1");
    assert_eq!(d.problems(templates()), []);
    edit(&mut d, AppendixEdit::Remove(Place::Table(1, 1)));
    assert_eq!(d.refused, None);
    assert_eq!(d.template.sections[1].tables.len(), 1);
    // Biểu 06 is read by the named rates and the criteria: it stays, with why.
    edit(&mut d, AppendixEdit::Remove(BIEU06));
    let p = d.refused.clone().expect("refused");
    assert_eq!(p.at, Some(BIEU06));
    assert!(
        p.message.vi.contains("tham chiếu ô không tồn tại"),
        "{}",
        p.message.vi
    );
}

#[test]
fn rows_move_up_and_down_within_their_table_and_not_past_its_ends() {
    let mut d = draft();
    let ids = row_ids(&d, 0, 0);
    assert_eq!(
        edit(&mut d, AppendixEdit::MoveDown(plan_row(0))),
        Some(plan_row(1))
    );
    assert_eq!(row_ids(&d, 0, 0)[..2], [ids[1].clone(), ids[0].clone()]);
    assert_eq!(
        edit(&mut d, AppendixEdit::MoveUp(plan_row(1))),
        Some(plan_row(0))
    );
    assert_eq!(row_ids(&d, 0, 0), ids);
    assert!(!d.edited(), "moved back: the appendix it started from");
    assert_eq!(edit(&mut d, AppendixEdit::MoveUp(plan_row(0))), None);
    assert_eq!(edit(&mut d, AppendixEdit::MoveDown(plan_row(4))), None);
    assert_eq!(edit(&mut d, AppendixEdit::MoveDown(plan_row(99))), None);
    assert_eq!(row_ids(&d, 0, 0), ids);
}

#[test]
fn labels_stt_units_and_titles_are_reworded_and_ids_stay() {
    let mut d = draft();
    edit(
        &mut d,
        AppendixEdit::Label(plan_row(1), "Nhiệm vụ đã xong".into()),
    );
    edit(
        &mut d,
        AppendixEdit::LabelEn(plan_row(1), "Tasks done".into()),
    );
    edit(&mut d, AppendixEdit::Stt(plan_row(1), " 2a ".into()));
    edit(&mut d, AppendixEdit::Unit(plan_row(1), "việc".into()));
    edit(&mut d, AppendixEdit::Label(PLAN, "Kế hoạch của xã".into()));
    edit(
        &mut d,
        AppendixEdit::Label(Place::Section(0), "Chỉ đạo, điều hành".into()),
    );
    let row = &d.template.sections[0].tables[0].rows[1];
    assert_eq!(row.id, "kh_hoan_thanh");
    assert_eq!(
        (
            row.label.vi.as_str(),
            row.label.en.as_str(),
            row.stt.as_str(),
            row.unit.vi.as_str()
        ),
        ("Nhiệm vụ đã xong", "Tasks done", "2a", "việc")
    );
    assert_eq!(d.template.sections[0].tables[0].title.vi, "Kế hoạch của xã");
    assert_eq!(d.template.sections[0].title.vi, "Chỉ đạo, điều hành");
    assert_eq!(d.problems(templates()), []);
}

#[test]
fn a_repeated_stt_is_the_compilers_fault_at_the_row_that_repeats_it() {
    let mut d = draft();
    edit(&mut d, AppendixEdit::Stt(plan_row(3), "2".into()));
    let p = d.problems(templates());
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].at, Some(plan_row(3)));
    assert!(p[0].message.vi.contains("«2»"), "{}", p[0].message.vi);
}

#[test]
fn a_row_made_a_heading_that_a_formula_reads_is_faulted_at_that_row() {
    let mut d = draft();
    edit(&mut d, AppendixEdit::Heading(plan_row(1), true));
    let p = d.problems(templates());
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].at, Some(plan_row(1)));
    assert_eq!(
        p[0].message.vi,
        "«kh_ty_le» tham chiếu ô không tồn tại «kh_hoan_thanh»."
    );
    edit(&mut d, AppendixEdit::Heading(plan_row(1), false));
    assert_eq!(d.problems(templates()), []);
}

#[test]
fn a_kind_that_a_formula_cannot_add_up_is_faulted_at_the_row() {
    let mut d = draft();
    edit(&mut d, AppendixEdit::Kind(plan_row(0), CellKind::Text));
    let p = d.problems(templates());
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].at, Some(plan_row(0)));
    // A computed row keeps its kind; a grid row has none of its own.
    let mut d = draft();
    edit(&mut d, AppendixEdit::Kind(plan_row(2), CellKind::Count));
    edit(
        &mut d,
        AppendixEdit::Kind(Place::Row(2, 1, 0), CellKind::Count),
    );
    assert!(!d.edited());
}

#[test]
fn a_total_row_is_for_grids_and_a_second_total_sums_the_data_rows_too() {
    let mut d = draft();
    edit(&mut d, AppendixEdit::Total(plan_row(0), true));
    assert!(!d.edited(), "a list table has no total row");
    edit(&mut d, AppendixEdit::AddRow(BIEU06));
    edit(&mut d, AppendixEdit::Total(Place::Row(2, 1, 8), true));
    let row = &d.template.sections[2].tables[1].rows[8];
    assert!(row.total && !row.heading);
    assert_eq!(d.problems(templates()), []);
}

#[test]
fn edits_at_places_that_do_not_exist_change_nothing() {
    let mut d = draft();
    for e in [
        AppendixEdit::Label(Place::Row(9, 9, 9), "x".into()),
        AppendixEdit::Label(Place::Section(99), "x".into()),
        AppendixEdit::Stt(Place::Table(0, 0), "x".into()),
        AppendixEdit::AddRowAfter(Place::Row(0, 0, 99)),
        AppendixEdit::AddRow(Place::Table(0, 99)),
        AppendixEdit::AddRow(plan_row(0)),
        AppendixEdit::AddTable(Place::Section(99)),
        AppendixEdit::Remove(Place::Row(0, 0, 99)),
        AppendixEdit::Remove(Place::Table(0, 99)),
        AppendixEdit::Remove(Place::Section(0)),
        AppendixEdit::Heading(Place::Table(0, 0), true),
        AppendixEdit::Total(Place::Row(2, 1, 99), true),
        AppendixEdit::Kind(Place::Section(0), CellKind::Count),
    ] {
        assert_eq!(edit(&mut d, e.clone()), None, "{e:?}");
        assert!(!d.edited(), "{e:?}");
        assert_eq!(d.refused, None, "{e:?}");
    }
}

#[test]
fn the_download_reads_back_through_the_loader_as_the_same_appendix() {
    let mut d = draft();
    edit(&mut d, AppendixEdit::AddRow(PLAN));
    edit(
        &mut d,
        AppendixEdit::Label(plan_row(5), "Số cuộc họp về CCHC".into()),
    );
    edit(&mut d, AppendixEdit::AddTable(Place::Section(3)));
    let json = d.to_json();
    let loaded = templates()
        .with_appendix(&json)
        .expect("the loader takes it");
    assert_eq!(loaded.appendix.template, d.template);
    assert_eq!(loaded.appendix_ref().version, 3);
    let a = Appendix::from_json(&json).expect("compiles alone");
    let ix = a.cell("t1_ke_hoach_dong1").expect("the new row's cell");
    assert_eq!(a.cell_label(ix).vi, "Số cuộc họp về CCHC");
}

#[test]
fn a_draft_of_a_loaded_province_file_starts_from_its_version() {
    let mut t = templates().appendix.template.clone();
    t.version = 5;
    t.sections[0].tables[0].rows.remove(3);
    let mut d = AppendixDraft::start(&t, &[]);
    assert_eq!(d.template.version, 5);
    edit(&mut d, AppendixEdit::AddRow(PLAN));
    assert_eq!(d.template.version, 6);
    // The row removed in that file had id kh_van_ban; the new one is not given it.
    assert_eq!(row_ids(&d, 0, 0)[4], "t1_ke_hoach_dong1");
}

#[test]
fn a_long_walk_of_edits_anywhere_never_panics_never_repeats_an_id_and_keeps_the_version_rule() {
    use std::collections::BTreeSet;
    // The built-in version 2 (section IX) as the appendix in use, so optional sections count.
    let v2 = cchc_core::template::builtin::APPENDIX_XA_V2;
    let in_use = templates()
        .with_appendix(v2)
        .expect("v2 with the sample set");
    let mut d = AppendixDraft::start(&in_use.appendix.template, &[]);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % (n as u64).max(1)) as usize
    };
    let mut made = BTreeSet::new();
    for step in 0..400 {
        let s = next(d.template.sections.len() + 1);
        let tables = d.template.sections.get(s).map_or(1, |x| x.tables.len() + 1);
        let t = next(tables);
        let rows = d
            .template
            .sections
            .get(s)
            .and_then(|x| x.tables.get(t))
            .map_or(1, |x| x.rows.len() + 1);
        let r = next(rows);
        let row = Place::Row(s, t, r);
        let e = match next(12) {
            0 => AppendixEdit::AddRow(Place::Table(s, t)),
            1 => AppendixEdit::AddRowAfter(row),
            2 => AppendixEdit::Remove(row),
            3 => AppendixEdit::MoveUp(row),
            4 => AppendixEdit::MoveDown(row),
            5 => AppendixEdit::Label(row, format!("Dòng {step}")),
            6 => AppendixEdit::Stt(row, format!("{}", next(20))),
            7 => AppendixEdit::Heading(row, next(2) == 0),
            8 => AppendixEdit::Total(row, next(2) == 0),
            9 => AppendixEdit::Kind(row, CellKind::Count),
            10 => AppendixEdit::AddTable(Place::Section(s)),
            _ => AppendixEdit::Remove(Place::Table(s, t)),
        };
        d.apply(e.clone(), &in_use);
        let mut ids = BTreeSet::new();
        for table in d.template.sections.iter().flat_map(|x| &x.tables) {
            assert!(ids.insert(table.id.clone()), "{e:?}: table id twice");
            for row in &table.rows {
                assert!(ids.insert(row.id.clone()), "{e:?}: {} twice", row.id);
                if row.id.contains("_dong") || table.id.contains("_bang") {
                    made.insert(row.id.clone());
                }
            }
        }
        let want = if d.edited() { 3 } else { 2 };
        assert_eq!(d.template.version, want, "{e:?}");
        // Whatever the draft is, its problems are the compiler's, and one is never an id twice.
        for p in d.problems(&in_use) {
            assert!(
                !p.message.vi.contains("được dùng hai lần"),
                "{e:?}: {}",
                p.message.vi
            );
        }
    }
    assert!(made.len() > 5, "the walk added rows: {made:?}");
}
