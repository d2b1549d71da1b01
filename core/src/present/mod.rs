//! How a report is shown: the one place that says it. Every view — the screen, the printed
//! document, the exported JSON, the summary, Office files, the roll-up, the narrative — asks
//! here how a value, a header or a line of the official document is written, and only lays it
//! out. A rule written twice drifts; so each is written once, here.
//!
//! - [`value`]: a cell's value by its kind, points and their signs.
//! - [`table`]: the header rows of a grid table.
//! - [`sheets`]: how Phụ lục I is cut into portrait runs and landscape forms.
//! - [`scores`]: the rows of Phụ lục II, the self-scoring table, and the lines under it.
//! - [`document`]: the wording of the official document under Nghị định 30/2020/NĐ-CP
//!   (issuer, number, date line, titles, recipients) and the issuer's name.

pub mod document;
pub mod scores;
pub mod sheets;
pub mod table;
pub mod value;
