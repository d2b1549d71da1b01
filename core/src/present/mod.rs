//! How a report is shown: the one place that says it. Every view — the screen, the printed
//! document, the exported JSON, the summary, Office files, the roll-up, the narrative — asks
//! here how a value, a header or a line of the official document is written, and only lays it
//! out. A rule written twice drifts; so each is written once, here.
//!
//! - [`value`]: a cell's value by its kind, points and their signs.
//! - [`table`]: the header rows of a grid table.
//! - [`document`]: the wording of the official document under Nghị định 30/2020/NĐ-CP
//!   (issuer, number, date line, titles, recipients) and the issuer's name.

pub mod document;
pub mod table;
pub mod value;
