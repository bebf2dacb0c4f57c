//! Native executables (ELF, Mach-O, PE), shared by `go/binary` and `rust/cargo-auditable`: which files are worth
//! reading as binaries, and opening them with `object` (each slice of a universal Mach-O on its own).
//!
//! Both extractors read the same files, so both use [`wants_binary`]; the pipeline reads such a file once and hands
//! its bytes to both. Anything that is not a native executable is dismissed on its first four bytes.

use crate::FileInfo;
use object::read::macho::{FatArch, MachOFatFile32, MachOFatFile64};
use object::{FileKind, Object, ObjectSegment};

/// Nothing smaller can hold a Go runtime or a `cargo auditable` section worth reading.
const MIN_BINARY_SIZE: u64 = 4096;

/// Extensions of executable files that are scripts or data, never native code.
const NOT_NATIVE: &[&str] = &[
    "py", "pyc", "js", "mjs", "cjs", "ts", "sh", "bash", "rb", "pl", "php", "json", "txt", "md", "html", "css", "map",
    "yml", "yaml", "xml", "toml", "cfg", "ini", "jar", "zip", "gz",
];

/// Extension-less files that are documentation or package metadata, not executables.
const NOT_BINARY_NAMES: &[&str] = &[
    "LICENSE",
    "LICENCE",
    "COPYING",
    "NOTICE",
    "README",
    "AUTHORS",
    "CHANGELOG",
    "CHANGES",
    "Makefile",
    "Dockerfile",
    "Gemfile",
    "Rakefile",
    "Procfile",
    "RECORD",
    "METADATA",
    "WHEEL",
    "INSTALLER",
    "REQUESTED",
    "PKG-INFO",
];

/// Directories of interpreted packages, where an extension-less file that is not executable is never a binary.
const PACKAGE_TREES: &[&str] = &["/node_modules/", "/site-packages/", "/dist-packages/", "/gems/", "/.git/"];

/// Whether a file may be a native executable: `bootstrap` (the custom runtime's entry point), `*.exe`, any
/// executable file that is not a script, and extension-less files outside package trees (zips made on Windows
/// lose the executable bit).
pub(crate) fn wants_binary(file: &FileInfo) -> bool {
    if file.size < MIN_BINARY_SIZE {
        return false;
    }
    let name = file.file_name();
    let ext = name.rsplit_once('.').map(|(_, ext)| ext);
    if name == "bootstrap" || ext.is_some_and(|e| e.eq_ignore_ascii_case("exe")) {
        return true;
    }
    if file.executable {
        return !ext.is_some_and(|e| NOT_NATIVE.iter().any(|n| e.eq_ignore_ascii_case(n)));
    }
    ext.is_none() && !NOT_BINARY_NAMES.contains(&name) && !PACKAGE_TREES.iter().any(|t| file.path.contains(t))
}

/// Whether the bytes start like an ELF, PE or (universal) Mach-O file.
pub(crate) fn is_native(bytes: &[u8]) -> bool {
    matches!(
        bytes.get(..4),
        Some(
            b"\x7fELF"
                | [0xfe, 0xed, 0xfa, 0xce | 0xcf]
                | [0xce | 0xcf, 0xfa, 0xed, 0xfe]
                | [0xca, 0xfe, 0xba, 0xbe | 0xbf]
                | [b'M', b'Z', _, _]
        )
    )
}

/// The executable images in a native binary: the file itself, or each architecture of a universal Mach-O.
/// `Err` when the file starts like a binary but `object` cannot read it.
pub(crate) fn images(bytes: &[u8]) -> Result<Vec<object::File<'_>>, object::Error> {
    match FileKind::parse(bytes)? {
        FileKind::MachOFat32 => fat_images(MachOFatFile32::parse(bytes)?.arches(), bytes),
        FileKind::MachOFat64 => fat_images(MachOFatFile64::parse(bytes)?.arches(), bytes),
        FileKind::Elf32 | FileKind::Elf64 | FileKind::MachO32 | FileKind::MachO64 | FileKind::Pe32 | FileKind::Pe64 => {
            Ok(vec![object::File::parse(bytes)?])
        }
        _ => Ok(Vec::new()),
    }
}

fn fat_images<'a, A: FatArch>(arches: &[A], bytes: &'a [u8]) -> Result<Vec<object::File<'a>>, object::Error> {
    arches.iter().map(|arch| object::File::parse(arch.data(bytes)?)).collect()
}

/// The bytes at a virtual address, through the loadable segments that map it.
pub(crate) fn read_at<'a>(file: &object::File<'a>, address: u64, size: u64) -> Option<&'a [u8]> {
    file.segments().find_map(|segment| segment.data_range(address, size).ok().flatten())
}

/// Hand-made ELF files for the tests: one `PT_LOAD` segment maps the whole file at [`testing::BASE`] (so a virtual
/// address is `BASE + file offset`), and each named section holds its bytes.
#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
pub(crate) mod testing {
    /// Where the file is loaded.
    pub(crate) const BASE: u64 = 0x40_0000;

    /// A 64-bit little-endian ELF executable with the given sections (name, contents), laid out in order after the
    /// headers at 16-byte aligned offsets; returns the file and each section's file offset.
    pub(crate) fn elf64(sections: &[(&str, &[u8])]) -> (Vec<u8>, Vec<usize>) {
        let mut out = vec![0u8; 64 + 56];
        let mut offsets = Vec::new();
        for (_, data) in sections {
            out.resize(out.len().next_multiple_of(16), 0);
            offsets.push(out.len());
            out.extend_from_slice(data);
        }
        let mut shstrtab = vec![0u8];
        let mut name_offsets = Vec::new();
        for (name, _) in sections {
            name_offsets.push(shstrtab.len() as u32);
            shstrtab.extend_from_slice(name.as_bytes());
            shstrtab.push(0);
        }
        let shstrtab_name = shstrtab.len() as u32;
        shstrtab.extend_from_slice(b".shstrtab\0");
        let shstrtab_offset = out.len();
        out.extend_from_slice(&shstrtab);
        out.resize(out.len().next_multiple_of(8), 0);
        let shoff = out.len();
        out.extend_from_slice(&[0u8; 64]); // the null section
        for (i, (_, data)) in sections.iter().enumerate() {
            out.extend_from_slice(&section_header(
                name_offsets[i],
                1,
                3,
                BASE + offsets[i] as u64,
                offsets[i],
                data.len(),
            ));
        }
        out.extend_from_slice(&section_header(shstrtab_name, 3, 0, 0, shstrtab_offset, shstrtab.len()));
        let file_len = out.len() as u64;
        let header = &mut out[..64];
        header[..4].copy_from_slice(b"\x7fELF");
        header[4] = 2; // 64-bit
        header[5] = 1; // little-endian
        header[6] = 1; // version
        header[16..18].copy_from_slice(&2u16.to_le_bytes()); // ET_EXEC
        header[18..20].copy_from_slice(&62u16.to_le_bytes()); // x86-64
        header[20..24].copy_from_slice(&1u32.to_le_bytes());
        header[32..40].copy_from_slice(&64u64.to_le_bytes()); // e_phoff
        header[40..48].copy_from_slice(&(shoff as u64).to_le_bytes());
        header[52..54].copy_from_slice(&64u16.to_le_bytes()); // e_ehsize
        header[54..56].copy_from_slice(&56u16.to_le_bytes()); // e_phentsize
        header[56..58].copy_from_slice(&1u16.to_le_bytes()); // e_phnum
        header[58..60].copy_from_slice(&64u16.to_le_bytes()); // e_shentsize
        header[60..62].copy_from_slice(&(sections.len() as u16 + 2).to_le_bytes());
        header[62..64].copy_from_slice(&(sections.len() as u16 + 1).to_le_bytes()); // e_shstrndx
        let ph = &mut out[64..120];
        ph[..4].copy_from_slice(&1u32.to_le_bytes()); // PT_LOAD
        ph[4..8].copy_from_slice(&6u32.to_le_bytes()); // R + W
        ph[16..24].copy_from_slice(&BASE.to_le_bytes());
        ph[24..32].copy_from_slice(&BASE.to_le_bytes());
        ph[32..40].copy_from_slice(&file_len.to_le_bytes());
        ph[40..48].copy_from_slice(&file_len.to_le_bytes());
        ph[48..56].copy_from_slice(&0x1000u64.to_le_bytes());
        (out, offsets)
    }

    fn section_header(name: u32, kind: u32, flags: u64, addr: u64, offset: usize, size: usize) -> [u8; 64] {
        let mut h = [0u8; 64];
        h[..4].copy_from_slice(&name.to_le_bytes());
        h[4..8].copy_from_slice(&kind.to_le_bytes());
        h[8..16].copy_from_slice(&flags.to_le_bytes());
        h[16..24].copy_from_slice(&addr.to_le_bytes());
        h[24..32].copy_from_slice(&(offset as u64).to_le_bytes());
        h[32..40].copy_from_slice(&(size as u64).to_le_bytes());
        h[48..56].copy_from_slice(&1u64.to_le_bytes());
        h
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn info(path: &str, size: u64, executable: bool) -> FileInfo<'_> {
        FileInfo { path, size, executable }
    }

    #[test]
    fn wants_executables_and_bootstrap_but_not_scripts_or_docs() {
        assert!(wants_binary(&info("/var/task/bootstrap", 9_000_000, false)));
        assert!(wants_binary(&info("/var/task/bin/tool.EXE", 9_000_000, false)));
        assert!(wants_binary(&info("/opt/extensions/agent", 9_000_000, true)));
        assert!(wants_binary(&info("/var/task/node_modules/@esbuild/linux-x64/bin/esbuild", 9_000_000, true)));
        assert!(wants_binary(&info("/var/task/handler", 9_000_000, false)));
        assert!(!wants_binary(&info("/var/task/bootstrap", 100, true)));
        assert!(!wants_binary(&info("/var/task/run.sh", 9_000, true)));
        assert!(!wants_binary(&info("/var/task/node_modules/x/cli.js", 9_000, true)));
        assert!(!wants_binary(&info("/var/task/LICENSE", 9_000, false)));
        assert!(!wants_binary(&info("/var/task/node_modules/x/bin/tool", 9_000, false)));
        assert!(!wants_binary(&info("/opt/python/lib/python3.12/site-packages/x/data", 9_000, false)));
        assert!(!wants_binary(&info("/var/task/app.py", 9_000, false)));
    }

    #[test]
    fn recognises_binary_magic_only() {
        assert!(is_native(b"\x7fELF\x02\x01"));
        assert!(is_native(b"MZ\x90\x00"));
        assert!(is_native(&[0xcf, 0xfa, 0xed, 0xfe]));
        assert!(is_native(&[0xca, 0xfe, 0xba, 0xbe]));
        assert!(!is_native(b"#!/bin/sh\n"));
        assert!(!is_native(b"\x7fEL"));
    }

    #[test]
    fn test_elf_parses_and_maps_addresses() {
        let (elf, offsets) = testing::elf64(&[(".data", b"hello world")]);
        let files = images(&elf).unwrap();
        let file = files.first().unwrap();
        let at = testing::BASE + offsets[0] as u64;
        assert_eq!(read_at(file, at + 6, 5), Some(&b"world"[..]));
        assert_eq!(read_at(file, at + 6, 1 << 40), None);
    }

    #[test]
    fn truncated_binary_is_an_error_and_non_binary_is_empty() {
        let (elf, _) = testing::elf64(&[(".data", b"x")]);
        assert!(images(elf.get(..80).unwrap()).is_err());
        assert!(images(b"not a binary at all").map_or(true, |found| found.is_empty()));
    }
}
