//! The templates shipped inside the app. Each is compiled at start and by a test, so a broken
//! file never reaches an officer.

use super::compile::{Appendix, Criteria};
use super::TemplateError;

/// The default commune appendix (sections I–VIII, Biểu 06).
pub const APPENDIX_XA: &str = include_str!("../../../templates/phuluc-xa.v1.json");

/// A sample criteria set exercising every rule kind; labelled as a sample in the UI.
pub const CRITERIA_SAMPLE: &str = include_str!("../../../templates/tieuchi-mau-xa.v1.json");

/// Every built-in appendix, by JSON text.
pub const APPENDICES: &[&str] = &[APPENDIX_XA];

/// Every built-in criteria set, with the index into `APPENDICES` of the appendix it reads.
pub const CRITERIA: &[(&str, usize)] = &[(CRITERIA_SAMPLE, 0)];

/// The templates a new report starts on.
pub fn default_templates() -> Result<(Appendix, Criteria), TemplateError> {
    let appendix = Appendix::from_json(APPENDIX_XA)?;
    let criteria = Criteria::from_json(CRITERIA_SAMPLE, &appendix)?;
    Ok((appendix, criteria))
}
