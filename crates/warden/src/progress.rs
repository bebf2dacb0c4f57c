//! A progress bar on standard error, shown only when it is a terminal and the scan is long enough to need one.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;
use warden_scan::Progress;

/// Files below which no bar is drawn.
const MIN_FILES: u64 = 200;

#[derive(Debug)]
pub struct Bar {
    bar: Option<ProgressBar>,
}

impl Bar {
    pub fn new() -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{spinner} reading {pos}/{len} files {wide_bar} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Bar { bar }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn start(&self, files: u64) {
        if let Some(bar) = &self.bar {
            if files < MIN_FILES {
                bar.set_draw_target(ProgressDrawTarget::hidden());
            }
            bar.set_length(files);
            bar.enable_steady_tick(Duration::from_millis(120));
        }
    }

    fn advance(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }
}
