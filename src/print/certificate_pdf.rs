//! The certificates' PDF: the sheet composed by `compose::certificate`,
//! typeset with the built-in `data/templates/giay-khen.typ`.

use super::PrintError;
use super::compose::certificate::CertificateSheet;
use super::pdf::{BUILTIN_CERTIFICATE, render_data};

pub fn render(sheet: &CertificateSheet) -> Result<Vec<u8>, PrintError> {
    let data = serde_json::to_value(sheet).map_err(|e| PrintError::Render(e.to_string()))?;
    // The same sheet gives the same identifier, so reprints are identical.
    let ident = serde_json::to_string(sheet).map_err(|e| PrintError::Render(e.to_string()))?;
    render_data(BUILTIN_CERTIFICATE, "giay-khen.typ", &data, &ident)
}
