use std::fmt::Write;
use warden_core::{ScanResult, ScanStatusCode};

/// A table for people: one row a package, then file errors and the status.
pub fn table(result: &ScanResult) -> String {
    let mut out = String::new();
    if result.status.status_code != ScanStatusCode::Successful {
        let reason = result.status.reason.as_deref().unwrap_or("");
        let _ = writeln!(out, "INVALID_ARTIFACT: {reason}");
        return out;
    }
    let header = ["ECOSYSTEM", "NAME", "VERSION", "MANAGER", "PATH", "LAYER"];
    let rows: Vec<[String; 6]> = result
        .packages
        .iter()
        .map(|p| {
            let version = match (&p.version, &p.constraint) {
                (v, Some(c)) if v.is_empty() => format!("({c})"),
                (v, _) => v.clone(),
            };
            let name = if p.dev { format!("{} (dev)", p.name) } else { p.name.clone() };
            [
                p.ecosystem.to_string(),
                name,
                version,
                p.package_manager.to_string(),
                p.file_path.clone(),
                p.layer.clone().unwrap_or_else(|| "-".to_string()),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[&str]| {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(cell);
            } else {
                let _ = write!(s, "{cell:<w$}  ");
            }
        }
        s.trim_end().to_string()
    };
    let _ = writeln!(out, "{}", line(&header));
    for row in &rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        let _ = writeln!(out, "{}", line(&cells));
    }
    let _ = writeln!(out, "\n{} packages", result.packages.len());
    if !result.errors.is_empty() {
        let _ = writeln!(out, "\n{} files could not be read:", result.errors.len());
        for e in &result.errors {
            let _ = writeln!(out, "  {} ({}): {}", e.file_path, e.extractor, e.message);
        }
    }
    out
}
