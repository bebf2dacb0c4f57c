//! A file read with positional reads, so that many readers (one per thread) share one open file without sharing a
//! cursor. Cloning is cheap; each clone has its own position and small buffer.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::os::unix::fs::FileExt;
use std::sync::Arc;

const BUFFER: usize = 16 * 1024;

#[derive(Debug)]
pub(crate) struct SharedFile {
    file: Arc<File>,
    len: u64,
    pos: u64,
    buf: Vec<u8>,
    buf_start: u64,
}

impl SharedFile {
    pub(crate) fn new(file: File) -> io::Result<Self> {
        let len = file.metadata()?.len();
        Ok(SharedFile { file: Arc::new(file), len, pos: 0, buf: Vec::new(), buf_start: 0 })
    }

    pub(crate) fn len(&self) -> u64 {
        self.len
    }
}

impl Clone for SharedFile {
    fn clone(&self) -> Self {
        SharedFile { file: Arc::clone(&self.file), len: self.len, pos: self.pos, buf: Vec::new(), buf_start: 0 }
    }
}

impl Read for SharedFile {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.len || out.is_empty() {
            return Ok(0);
        }
        // Large reads bypass the buffer.
        if out.len() >= BUFFER {
            let n = self.file.read_at(out, self.pos)?;
            self.pos += n as u64;
            return Ok(n);
        }
        let buf_end = self.buf_start + self.buf.len() as u64;
        if self.pos < self.buf_start || self.pos >= buf_end {
            self.buf.resize(BUFFER, 0);
            let n = self.file.read_at(&mut self.buf, self.pos)?;
            self.buf.truncate(n);
            self.buf_start = self.pos;
            if n == 0 {
                return Ok(0);
            }
        }
        let offset = usize::try_from(self.pos - self.buf_start).unwrap_or(usize::MAX);
        let available = self.buf.get(offset..).unwrap_or(&[]);
        let n = available.len().min(out.len());
        if let (Some(dst), Some(src)) = (out.get_mut(..n), available.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for SharedFile {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let target = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        match target {
            Some(n) => {
                self.pos = n;
                Ok(n)
            }
            None => Err(io::Error::new(io::ErrorKind::InvalidInput, "seek before the start of the file")),
        }
    }
}
