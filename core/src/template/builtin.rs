//! The templates shipped inside the app. Each is compiled at start and by a test, so a broken
//! file never reaches an officer.

use super::compile::{Appendix, Criteria};
use super::TemplateError;

/// The default commune appendix (sections I–VIII, Biểu 06).
pub const APPENDIX_XA: &str = include_str!("../../../templates/phuluc-xa.v1.json");

/// A sample criteria set exercising every rule kind; labelled as a sample in the UI.
pub const CRITERIA_SAMPLE: &str = include_str!("../../../templates/tieuchi-mau-xa.v1.json");

/// Version 2 of the commune appendix: version 1 plus the optional section IX that the national
/// 766 index reads (no cell of version 1 changed, so a version 1 report moves over whole).
pub const APPENDIX_XA_V2: &str = include_str!("../../../templates/phuluc-xa.v2.json");

/// The national Bộ chỉ số 766, reconstructed from public sources (labelled so); reads v2.
pub const CRITERIA_766: &str = include_str!("../../../templates/bo-chi-so-766.v1.json");

/// Every built-in appendix, by JSON text; older versions stay so that a report made on one
/// can be compared with the version in use (`authoring::changes`).
pub const APPENDICES: &[&str] = &[APPENDIX_XA, APPENDIX_XA_V2];

/// Every built-in criteria set, with the index into `APPENDICES` of the appendix it reads.
pub const CRITERIA: &[(&str, usize)] = &[(CRITERIA_SAMPLE, 0), (CRITERIA_766, 1)];

/// The templates a new report starts on.
pub fn default_templates() -> Result<(Appendix, Criteria), TemplateError> {
    let appendix = Appendix::from_json(APPENDIX_XA)?;
    let criteria = Criteria::from_json(CRITERIA_SAMPLE, &appendix)?;
    Ok((appendix, criteria))
}
