//! Compilation is validation: the JSON of a template becomes a model addressed by index, with
//! every reference, kind and maximum checked once, so that computing and scoring never look
//! anything up by name and cannot meet a missing cell.
//!
//! `appendix` compiles the appendix tables (cells, formulas in dependency order, checks, rates);
//! `criteria` compiles a criteria set against a compiled appendix (rules resolved to cells).

pub mod appendix;
pub mod criteria;

pub use appendix::{grid_id, Appendix, CellDef, CellIx, CellPos, Check, Expr, Rate};
pub use criteria::{Criteria, CriteriaItem, ItemIx, Ratio, ScoringPart, ScoringRule};

use super::appendix::CellKind;

/// Points are compared with this tolerance: maxima are sums of steps such as 0,25.
pub(crate) const EPS: f64 = 1e-9;

/// What kind of number a reference must be.
#[derive(Clone, Copy)]
pub(crate) enum Numeric {
    /// Something that can be added up: a count, money, a decimal quantity.
    Quantity,
    Percent,
    YesNo,
}

impl Numeric {
    pub(crate) fn accepts(self, k: CellKind) -> bool {
        match self {
            Numeric::Quantity => matches!(k, CellKind::Count | CellKind::Money | CellKind::Decimal),
            Numeric::Percent => k == CellKind::Percent,
            Numeric::YesNo => k == CellKind::YesNo,
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Numeric::Quantity => "số lượng",
            Numeric::Percent => "phần trăm",
            Numeric::YesNo => "có/không",
        }
    }
}
