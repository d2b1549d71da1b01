//! Native tests of the office files: what is written is read back with calamine (and the XML
//! inside the zip), what is read is mapped against the built-in appendix.

mod docx;
mod import;
mod support;
mod xlsx;
