use warden_core::ScanResult;

/// The scan result as pretty JSON: `{"packages": [...], "errors": [...], "status": {...}}`.
pub fn json(result: &ScanResult) -> String {
    serde_json::to_string_pretty(result).unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise: {e}\"}}"))
}
