//! The compiled appendix: the JSON flattened into cells addressed by index, formulas resolved
//! to indices in dependency order, every reference checked. A template that compiles can be
//! computed without a missing cell or a cycle.

use std::collections::HashMap;

use super::Numeric;
use crate::template::appendix::{AppendixTemplate, CellKind, CheckDef, Formula, Row, Table};
use crate::template::error::TemplateError;
use crate::text::Text;

pub type CellIx = usize;

/// Where a cell sits in its template, for labels, printing and navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellPos {
    pub section: usize,
    pub table: usize,
    pub row: usize,
    /// `None` in a list table.
    pub col: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct CellDef {
    pub id: String,
    pub kind: CellKind,
    pub formula: Option<Expr>,
    pub pos: CellPos,
}

impl CellDef {
    pub fn is_input(&self) -> bool {
        self.formula.is_none()
    }
}

/// A formula over cell indices.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Sum(Vec<CellIx>),
    Diff(Vec<CellIx>),
    Ratio {
        num: Vec<CellIx>,
        den: Vec<CellIx>,
        share: bool,
    },
}

impl Expr {
    pub fn inputs(&self) -> impl Iterator<Item = CellIx> + '_ {
        let (a, b): (&[CellIx], &[CellIx]) = match self {
            Expr::Sum(v) | Expr::Diff(v) => (v, &[]),
            Expr::Ratio { num, den, .. } => (num, den),
        };
        a.iter().chain(b).copied()
    }
}

/// A cross-check over cell indices; `row` names the grid row a per-row check was made for.
#[derive(Clone, Debug, PartialEq)]
pub enum Check {
    SumEquals {
        total: CellIx,
        parts: Vec<CellIx>,
    },
    PartsWithin {
        whole: CellIx,
        parts: Vec<CellIx>,
    },
    Equals {
        left: Vec<CellIx>,
        right: Vec<CellIx>,
        message: Text,
    },
    TypedPercent {
        cell: CellIx,
        num: Vec<CellIx>,
        den: Vec<CellIx>,
    },
}

#[derive(Clone, Debug)]
pub struct Rate {
    pub num: Vec<CellIx>,
    pub den: Vec<CellIx>,
}

#[derive(Clone, Debug)]
pub struct Appendix {
    pub template: AppendixTemplate,
    pub cells: Vec<CellDef>,
    /// Derived cells, each after every cell its formula reads.
    pub eval_order: Vec<CellIx>,
    pub checks: Vec<Check>,
    by_id: HashMap<String, CellIx>,
    rates: HashMap<String, Rate>,
}

impl Appendix {
    pub fn from_json(json: &str) -> Result<Self, TemplateError> {
        let template: AppendixTemplate = crate::template::error::read_json(json, "phụ lục")?;
        Self::compile(template)
    }

    pub fn compile(template: AppendixTemplate) -> Result<Self, TemplateError> {
        Compiler::default().run(template)
    }

    pub fn cell(&self, id: &str) -> Option<CellIx> {
        self.by_id.get(id).copied()
    }

    pub fn rate(&self, id: &str) -> Option<&Rate> {
        self.rates.get(id)
    }

    /// The cell of a list-table row, or of a grid row and column.
    pub fn cell_at(&self, table: &Table, row: &Row, col: Option<usize>) -> Option<CellIx> {
        match col {
            Some(c) => self.cell(&grid_id(&row.id, &table.columns[c].id)),
            None => self.cell(&row.id),
        }
    }

    /// "Tổng số / (7) Tổng số đã giải quyết": the row label and, in a grid, the column's.
    pub fn cell_label(&self, ix: CellIx) -> Text {
        let p = self.cells[ix].pos;
        let table = &self.template.sections[p.section].tables[p.table];
        let row = &table.rows[p.row];
        match p.col {
            None => row.label.clone(),
            Some(c) => {
                let col = &table.columns[c];
                // The group tells apart columns of the same name: (10) and (13) are both
                // "Quá hạn", one resolved, one pending.
                let join = |r: &str, g: &str, c: &str| match g {
                    "" => format!("{r} — {} {c}", col.number),
                    g => format!("{r} — {g}: {} {c}", col.number),
                };
                Text {
                    vi: join(&row.label.vi, &col.group.vi, &col.label.vi),
                    en: join(
                        row.label.get(crate::text::Lang::En),
                        col.group.get(crate::text::Lang::En),
                        col.label.get(crate::text::Lang::En),
                    ),
                }
            }
        }
    }

    pub fn table_of(&self, ix: CellIx) -> &Table {
        let p = self.cells[ix].pos;
        &self.template.sections[p.section].tables[p.table]
    }
}

/// The id of a grid cell.
pub fn grid_id(row: &str, col: &str) -> String {
    format!("{row}.{col}")
}

#[derive(Default)]
struct Compiler {
    cells: Vec<CellDef>,
    by_id: HashMap<String, CellIx>,
    /// Formulas as written, resolved once every cell exists.
    pending: Vec<(CellIx, Formula, Option<String>)>,
    seen_ids: HashMap<String, ()>,
}

impl Compiler {
    fn claim(&mut self, id: &str) -> Result<(), TemplateError> {
        if id.is_empty() {
            return Err(TemplateError::Empty {
                what: Text::new("Mã (id)", "An id"),
            });
        }
        if self.seen_ids.insert(id.to_owned(), ()).is_some() {
            return Err(TemplateError::DuplicateId { id: id.to_owned() });
        }
        Ok(())
    }

    fn add_cell(
        &mut self,
        id: String,
        kind: CellKind,
        pos: CellPos,
    ) -> Result<CellIx, TemplateError> {
        self.claim(&id)?;
        let ix = self.cells.len();
        self.by_id.insert(id.clone(), ix);
        self.cells.push(CellDef {
            id,
            kind,
            formula: None,
            pos,
        });
        Ok(ix)
    }

    fn run(mut self, template: AppendixTemplate) -> Result<Appendix, TemplateError> {
        self.claim(&template.id)?;
        if template.sections.is_empty() {
            return Err(TemplateError::Empty {
                what: Text::new("Danh sách mục (sections)", "The list of sections"),
            });
        }
        for (si, section) in template.sections.iter().enumerate() {
            self.claim(&section.id)?;
            for (ti, table) in section.tables.iter().enumerate() {
                self.claim(&table.id)?;
                self.table(si, ti, table)?;
            }
        }
        let rates = self.rates(&template)?;
        for (ix, formula, row) in std::mem::take(&mut self.pending) {
            let expr = self.expr(&self.cells[ix].id.clone(), &formula, row.as_deref(), &rates)?;
            self.check_formula_kinds(ix, &expr)?;
            self.cells[ix].formula = Some(expr);
        }
        let eval_order = self.order()?;
        let checks = self.checks(&template)?;
        Ok(Appendix {
            template,
            cells: self.cells,
            eval_order,
            checks,
            by_id: self.by_id,
            rates,
        })
    }

    fn table(&mut self, si: usize, ti: usize, table: &Table) -> Result<(), TemplateError> {
        if table.rows.is_empty() {
            return Err(TemplateError::Empty {
                what: Text::new(
                    format!("Bảng «{}»", table.id),
                    format!("Table “{}”", table.id),
                ),
            });
        }
        let mut stts: HashMap<&str, ()> = HashMap::new();
        for row in &table.rows {
            if !row.stt.is_empty() && stts.insert(row.stt.trim_end_matches('.'), ()).is_some() {
                return Err(TemplateError::DuplicateStt {
                    section: table.id.clone(),
                    stt: row.stt.clone(),
                });
            }
        }
        for col in &table.columns {
            self.claim(&format!("{}#{}", table.id, col.id))?;
            if let Some(from) = &col.carry_from {
                let source = table.columns.iter().find(|c| &c.id == from);
                match source {
                    None => {
                        return Err(TemplateError::UnknownCell {
                            at: format!("{}.{}", table.id, col.id),
                            cell: from.clone(),
                        })
                    }
                    Some(src) if src.kind != col.kind => {
                        return Err(TemplateError::WrongKind {
                            at: format!("{}.{}", table.id, col.id),
                            cell: from.clone(),
                            expected: "cùng kiểu với cột nhận",
                        })
                    }
                    Some(_) => {}
                }
            }
        }
        let data_rows: Vec<&str> = table
            .rows
            .iter()
            .filter(|r| !r.total && !r.heading)
            .map(|r| r.id.as_str())
            .collect();
        for (ri, row) in table.rows.iter().enumerate() {
            if row.heading {
                self.claim(&row.id)?;
                continue;
            }
            if table.columns.is_empty() {
                let kind = row.kind.ok_or(TemplateError::MissingKind {
                    row: row.id.clone(),
                })?;
                let ix = self.add_cell(
                    row.id.clone(),
                    kind,
                    CellPos {
                        section: si,
                        table: ti,
                        row: ri,
                        col: None,
                    },
                )?;
                if let Some(f) = &row.formula {
                    self.pending.push((ix, f.clone(), None));
                }
                continue;
            }
            if row.kind.is_some() || row.formula.is_some() {
                return Err(TemplateError::MissingKind {
                    row: row.id.clone(),
                });
            }
            self.claim(&row.id)?;
            for (ci, col) in table.columns.iter().enumerate() {
                let pos = CellPos {
                    section: si,
                    table: ti,
                    row: ri,
                    col: Some(ci),
                };
                let ix = self.add_cell(grid_id(&row.id, &col.id), col.kind, pos)?;
                let formula = match (&col.formula, row.total) {
                    (Some(f), _) => Some(f.clone()),
                    (None, true) if col.kind.is_numeric() => Some(Formula::Sum(
                        data_rows.iter().map(|r| grid_id(r, &col.id)).collect(),
                    )),
                    _ => None,
                };
                if let Some(f) = formula {
                    self.pending.push((ix, f, Some(row.id.clone())));
                }
            }
        }
        Ok(())
    }

    fn rates(&self, t: &AppendixTemplate) -> Result<HashMap<String, Rate>, TemplateError> {
        let mut out = HashMap::new();
        for r in &t.rates {
            let at = format!("rate {}", r.id);
            let rate = Rate {
                num: self.refs(&at, &r.num, None, Numeric::Quantity)?,
                den: self.refs(&at, &r.den, None, Numeric::Quantity)?,
            };
            if out.insert(r.id.clone(), rate).is_some() {
                return Err(TemplateError::DuplicateId { id: r.id.clone() });
            }
        }
        Ok(out)
    }

    fn resolve(&self, at: &str, id: &str, row: Option<&str>) -> Result<CellIx, TemplateError> {
        let full = match (id.strip_prefix('.'), row) {
            (Some(col), Some(row)) => grid_id(row, col),
            _ => id.to_owned(),
        };
        self.by_id
            .get(&full)
            .copied()
            .ok_or_else(|| TemplateError::UnknownCell {
                at: at.to_owned(),
                cell: full,
            })
    }

    fn refs(
        &self,
        at: &str,
        ids: &[String],
        row: Option<&str>,
        want: Numeric,
    ) -> Result<Vec<CellIx>, TemplateError> {
        if ids.is_empty() {
            return Err(TemplateError::Empty {
                what: Text::new(
                    format!("Danh sách ô của «{at}»"),
                    format!("The cells of “{at}”"),
                ),
            });
        }
        ids.iter()
            .map(|id| {
                let ix = self.resolve(at, id, row)?;
                want.accepts(self.cells[ix].kind)
                    .then_some(ix)
                    .ok_or_else(|| TemplateError::WrongKind {
                        at: at.to_owned(),
                        cell: self.cells[ix].id.clone(),
                        expected: want.name(),
                    })
            })
            .collect()
    }

    fn expr(
        &self,
        at: &str,
        f: &Formula,
        row: Option<&str>,
        rates: &HashMap<String, Rate>,
    ) -> Result<Expr, TemplateError> {
        Ok(match f {
            Formula::Sum(ids) => Expr::Sum(self.refs(at, ids, row, Numeric::Quantity)?),
            Formula::Diff(ids) => Expr::Diff(self.refs(at, ids, row, Numeric::Quantity)?),
            Formula::Ratio { num, den, share } => Expr::Ratio {
                num: self.refs(at, num, row, Numeric::Quantity)?,
                den: self.refs(at, den, row, Numeric::Quantity)?,
                share: *share,
            },
            Formula::Rate(name) => {
                let r = rates.get(name).ok_or_else(|| TemplateError::UnknownRate {
                    at: at.to_owned(),
                    rate: name.clone(),
                })?;
                Expr::Ratio {
                    num: r.num.clone(),
                    den: r.den.clone(),
                    share: true,
                }
            }
        })
    }

    /// A ratio lands in a percentage cell; a sum or difference in a quantity cell.
    fn check_formula_kinds(&self, ix: CellIx, e: &Expr) -> Result<(), TemplateError> {
        let cell = &self.cells[ix];
        let ok = match e {
            Expr::Ratio { .. } => cell.kind == CellKind::Percent,
            Expr::Sum(_) | Expr::Diff(_) => Numeric::Quantity.accepts(cell.kind),
        };
        if ok {
            return Ok(());
        }
        Err(TemplateError::WrongKind {
            at: cell.id.clone(),
            cell: cell.id.clone(),
            expected: if matches!(e, Expr::Ratio { .. }) {
                "phần trăm"
            } else {
                "số lượng"
            },
        })
    }

    /// Kahn's algorithm over derived cells; whatever is left over is on a cycle.
    fn order(&self) -> Result<Vec<CellIx>, TemplateError> {
        let n = self.cells.len();
        let mut indegree = vec![0usize; n];
        let mut readers: Vec<Vec<CellIx>> = vec![Vec::new(); n];
        for (ix, c) in self.cells.iter().enumerate() {
            if let Some(e) = &c.formula {
                for input in e.inputs() {
                    if self.cells[input].formula.is_some() {
                        indegree[ix] += 1;
                        readers[input].push(ix);
                    }
                }
            }
        }
        let derived: Vec<CellIx> = (0..n)
            .filter(|&i| self.cells[i].formula.is_some())
            .collect();
        let mut ready: Vec<CellIx> = derived
            .iter()
            .copied()
            .filter(|&i| indegree[i] == 0)
            .collect();
        let mut order = Vec::with_capacity(derived.len());
        while let Some(ix) = ready.pop() {
            order.push(ix);
            for &r in &readers[ix] {
                indegree[r] -= 1;
                if indegree[r] == 0 {
                    ready.push(r);
                }
            }
        }
        if order.len() < derived.len() {
            let cells = derived
                .into_iter()
                .filter(|&i| indegree[i] > 0)
                .map(|i| self.cells[i].id.clone())
                .collect();
            return Err(TemplateError::Cycle { cells });
        }
        Ok(order)
    }

    fn checks(&self, t: &AppendixTemplate) -> Result<Vec<Check>, TemplateError> {
        let mut out = Vec::new();
        for def in &t.checks {
            out.push(self.check(def, None)?);
        }
        for table in t.sections.iter().flat_map(|s| &s.tables) {
            for def in &table.row_checks {
                for row in table.rows.iter().filter(|r| !r.heading) {
                    out.push(self.check(def, Some(&row.id))?);
                }
            }
        }
        Ok(out)
    }

    fn check(&self, def: &CheckDef, row: Option<&str>) -> Result<Check, TemplateError> {
        let at = row.unwrap_or("checks");
        let one = |id: &String, want: Numeric| -> Result<CellIx, TemplateError> {
            Ok(self.refs(at, std::slice::from_ref(id), row, want)?[0])
        };
        Ok(match def {
            CheckDef::SumEquals { total, parts } => Check::SumEquals {
                total: one(total, Numeric::Quantity)?,
                parts: self.refs(at, parts, row, Numeric::Quantity)?,
            },
            CheckDef::PartsWithin { whole, parts } => Check::PartsWithin {
                whole: one(whole, Numeric::Quantity)?,
                parts: self.refs(at, parts, row, Numeric::Quantity)?,
            },
            CheckDef::Equals {
                left,
                right,
                message,
            } => Check::Equals {
                left: self.refs(at, left, row, Numeric::Quantity)?,
                right: self.refs(at, right, row, Numeric::Quantity)?,
                message: message.clone(),
            },
            CheckDef::TypedPercent { cell, num, den } => Check::TypedPercent {
                cell: one(cell, Numeric::Percent)?,
                num: self.refs(at, num, row, Numeric::Quantity)?,
                den: self.refs(at, den, row, Numeric::Quantity)?,
            },
        })
    }
}
