use warden_core::ScanResult;

/// The scan result as pretty JSON: `{"findings": [...], "explanations": [...], "undecidable": [...], "packages":
/// [...], "errors": [...], "status": {...}}`. Findings are inspector2 `Finding`s; the explanations (one per
/// vulnerable package, joined by `findingArn`; left out when empty) and the undecidable matches sit beside them.
pub fn json(result: &ScanResult) -> String {
    serde_json::to_string_pretty(result).unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise: {e}\"}}"))
}
