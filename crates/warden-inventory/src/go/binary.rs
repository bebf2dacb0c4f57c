//! `go/binary`: the build information the Go linker embeds in every executable (what `go version -m` prints), in
//! ELF, Mach-O (each slice of a universal file) and PE binaries.
//!
//! The build info blob starts with `\xff Go buildinf:` at a 16-byte aligned address, in the `.go.buildinfo` /
//! `__go_buildinfo` section or, when sections are gone, near the start of the first writable data segment. Go 1.18
//! and later store the toolchain version and the module info inline as varint-prefixed strings; older toolchains
//! store pointers to Go strings, read here through the segments that map them (4 or 8 bytes, either byte order).
//!
//! Reports every `dep` (a `=>` replacement replaces it: a local directory replacement becomes its path with no
//! version), the main module only when it has a real version (a `go install mod@version` build; `(devel)` is the
//! user's own code), and `stdlib` at the toolchain's release. Versions without Go's `v` (see `shared_module`).
//! Not read: build settings (`build` lines), packed (UPX) or encrypted binaries, WebAssembly.

use super::{shared_binary, shared_module};
use crate::{ExtractError, Extractor, FileInfo, Input};
use object::{Object, ObjectSection, ObjectSegment};
use warden_core::{Package, PackageManager};

#[derive(Debug)]
pub struct GoBinary;

const MAGIC: &[u8] = b"\xff Go buildinf:";
/// The header: magic, pointer size, flags, then two pointers (or padding in the inline format).
const HEADER_LEN: usize = 32;
const ALIGN: u64 = 16;
/// How far into a data segment the linker may have put the blob (what Go's own reader searches).
const SEARCH_WINDOW: usize = 64 * 1024;
/// The longest string read through a pointer (as Go's reader bounds it).
const MAX_STRING: u64 = 64 * 1024 * 1024;
/// Flag bit: strings are inline after the header (Go 1.18+).
const FLAG_INLINE: u8 = 2;

impl Extractor for GoBinary {
    fn id(&self) -> &'static str {
        "go/binary"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        shared_binary::wants_binary(file)
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        if !shared_binary::is_native(input.bytes) {
            return Ok(Vec::new());
        }
        let infos = match shared_binary::images(input.bytes) {
            Ok(images) => images.iter().map(build_info).collect::<Result<Vec<_>, _>>()?,
            // Headers we cannot read (a truncated file, say): the inline blob is self-contained, so look for it
            // anywhere in the file (at aligned file offsets: segments are page-aligned in the file too).
            Err(_) => find_magic(input.bytes, 0, input.bytes.len())
                .map(|at| decode(input.bytes, at, None))
                .transpose()?
                .into_iter()
                .collect(),
        };
        let mut packages: Vec<Package> = Vec::new();
        for info in infos.into_iter().flatten() {
            for p in info.packages() {
                if !packages.iter().any(|q| q.name == p.name && q.version == p.version) {
                    packages.push(p);
                }
            }
        }
        Ok(packages)
    }
}

/// What the blob holds: the toolchain version (`go1.22.4`) and the module info text.
#[derive(Debug, PartialEq)]
struct BuildInfo {
    toolchain: String,
    modinfo: String,
}

/// The build info of one image, `None` when it has none (not a Go binary).
fn build_info(file: &object::File) -> Result<Option<BuildInfo>, ExtractError> {
    let named = [".go.buildinfo", "__go_buildinfo"]
        .iter()
        .find_map(|name| file.section_by_name(name))
        .and_then(|s| Some((s.data().ok()?, s.address())));
    let writable = file
        .segments()
        .filter(|s| s.permissions().writable() && !s.permissions().executable())
        .filter_map(|s| Some((s.data().ok()?, s.address())));
    for (data, address) in named.into_iter().chain(writable) {
        if let Some(at) = find_magic(data, address, SEARCH_WINDOW) {
            return decode(data, at, Some(file));
        }
    }
    Ok(None)
}

/// The offset of the magic at an aligned address within the first `window` bytes of `data` (loaded at
/// `address`), with a whole header after it.
fn find_magic(data: &[u8], address: u64, window: usize) -> Option<usize> {
    let misalign = usize::try_from(address % ALIGN).ok()?;
    let first = if misalign == 0 { 0 } else { 16 - misalign };
    let window = data.len().min(window);
    (first..window).step_by(16).find(|&at| data.get(at..at + HEADER_LEN).is_some_and(|h| h.starts_with(MAGIC)))
}

/// Decodes the blob at `data[at..]`; pointers are followed through `file` (without one, only the inline format
/// can be read).
fn decode(data: &[u8], at: usize, file: Option<&object::File>) -> Result<Option<BuildInfo>, ExtractError> {
    let header =
        data.get(at..at + HEADER_LEN).ok_or_else(|| ExtractError::parse("Go build info header is cut short"))?;
    let (ptr_size, flags) = match header.get(14..16) {
        Some(&[size, flags]) => (size, flags),
        _ => return Ok(None),
    };
    let (toolchain, modinfo) = if flags & FLAG_INLINE != 0 {
        let rest = data.get(at + HEADER_LEN..).unwrap_or_default();
        let (toolchain, rest) = inline_string(rest)?;
        let (modinfo, _) = inline_string(rest)?;
        (toolchain, modinfo)
    } else {
        let Some(file) = file else {
            return Err(ExtractError::parse("Go build info uses pointers but the binary's segments cannot be read"));
        };
        let pointers = Pointers { size: ptr_size, big_endian: flags & 1 != 0 };
        let at_ptr = |n: usize| pointers.read(header.get(16 + n * usize::from(ptr_size)..).unwrap_or_default());
        let (Some(toolchain_at), Some(modinfo_at)) = (at_ptr(0), at_ptr(1)) else {
            return Ok(None); // not a pointer size Go uses: not Go build info
        };
        (pointers.string(file, toolchain_at).unwrap_or_default(), pointers.string(file, modinfo_at).unwrap_or_default())
    };
    if toolchain.is_empty() {
        return Ok(None);
    }
    Ok(Some(BuildInfo {
        toolchain: String::from_utf8_lossy(toolchain).into_owned(),
        modinfo: String::from_utf8_lossy(unframe(modinfo)).into_owned(),
    }))
}

/// A varint length then that many bytes; returns the string and what follows.
fn inline_string(data: &[u8]) -> Result<(&[u8], &[u8]), ExtractError> {
    let cut = || ExtractError::parse("Go build info string runs past the end of the binary");
    let mut len: u64 = 0;
    for (i, &byte) in data.iter().enumerate().take(10) {
        len |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            let start = i + 1;
            let end = usize::try_from(len).ok().and_then(|len| start.checked_add(len)).ok_or_else(cut)?;
            let string = data.get(start..end).ok_or_else(cut)?;
            return Ok((string, data.get(end..).unwrap_or_default()));
        }
    }
    Err(cut())
}

/// Module info is framed by two 16-byte sentinels; without them there is none (a binary built outside a module).
fn unframe(modinfo: &[u8]) -> &[u8] {
    let len = modinfo.len();
    if len >= 33 && modinfo.get(len - 17) == Some(&b'\n') { modinfo.get(16..len - 16).unwrap_or_default() } else { &[] }
}

/// How the pre-1.18 header's pointers are written.
struct Pointers {
    size: u8,
    big_endian: bool,
}

impl Pointers {
    fn read(&self, bytes: &[u8]) -> Option<u64> {
        match (self.size, self.big_endian) {
            (4, false) => Some(u64::from(u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?))),
            (4, true) => Some(u64::from(u32::from_be_bytes(bytes.get(..4)?.try_into().ok()?))),
            (8, false) => Some(u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?)),
            (8, true) => Some(u64::from_be_bytes(bytes.get(..8)?.try_into().ok()?)),
            _ => None,
        }
    }

    /// The Go string (data pointer, length) whose header is at `address`.
    fn string<'a>(&self, file: &object::File<'a>, address: u64) -> Option<&'a [u8]> {
        let size = u64::from(self.size);
        let header = shared_binary::read_at(file, address, 2 * size)?;
        let data = self.read(header)?;
        let len = self.read(header.get(usize::from(self.size)..)?)?;
        if len > MAX_STRING {
            return None;
        }
        shared_binary::read_at(file, data, len)
    }
}

/// One module line of the module info (`mod`/`dep` or the `=>` replacing it).
#[derive(Debug)]
struct Module<'a> {
    path: &'a str,
    version: &'a str,
    main: bool,
}

impl BuildInfo {
    fn packages(&self) -> Vec<Package> {
        let mut modules: Vec<Module> = Vec::new();
        for line in self.modinfo.lines() {
            let mut fields = line.split('\t');
            let (Some(word), Some(path)) = (fields.next(), fields.next()) else {
                continue;
            };
            let version = fields.next().unwrap_or_default();
            match word {
                "mod" | "dep" => modules.push(Module { path, version, main: word == "mod" }),
                "=>" => {
                    if let Some(last) = modules.last_mut() {
                        last.path = path;
                        last.version = version;
                    }
                }
                _ => {}
            }
        }
        let manager = PackageManager::Gobinary;
        let mut packages: Vec<Package> = modules
            .iter()
            .filter(|m| !m.main || !matches!(m.version, "" | "(devel)"))
            .map(|m| shared_module::module(m.path, m.version, manager))
            .collect();
        packages.extend(shared_module::stdlib(&self.toolchain, manager));
        packages
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::go::shared_binary::testing;

    const MODINFO: &str = "path\texample.com/app\nmod\texample.com/app\t(devel)\t\n\
        dep\tgithub.com/google/uuid\tv1.3.0\th1:abc=\n\
        dep\tgithub.com/pkg/errors\tv0.9.1\th1:def=\n=>\texample.com/fork/errors\tv0.9.2\th1:ghi=\n\
        dep\tgolang.org/x/net\tv0.1.0\t\n=>\t../net\t\t\n\
        build\t-compiler=gc\nbuild\tGOOS=linux\n";

    /// Module info between Go's 16-byte start and end sentinels.
    fn framed(modinfo: &str) -> Vec<u8> {
        assert!(modinfo.ends_with('\n'));
        let mut out = b"0w\xaf\x0c\x92t\x08\x02A\xe1\xc1\x07\xe6\xd6\x18\xe6".to_vec();
        out.extend_from_slice(modinfo.as_bytes());
        out.extend_from_slice(b"\xf92C1\x86\x18 r\x00\x82B\x10A\x16\xd8\xf2");
        out
    }

    fn varint(mut n: usize, out: &mut Vec<u8>) {
        while n >= 0x80 {
            out.push((n as u8) | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
    }

    fn inline_blob(toolchain: &str, modinfo: &[u8]) -> Vec<u8> {
        let mut blob = MAGIC.to_vec();
        blob.extend_from_slice(&[8, FLAG_INLINE]);
        blob.resize(HEADER_LEN, 0);
        varint(toolchain.len(), &mut blob);
        blob.extend_from_slice(toolchain.as_bytes());
        varint(modinfo.len(), &mut blob);
        blob.extend_from_slice(modinfo);
        blob
    }

    fn extract(bytes: &[u8]) -> Result<Vec<(String, String)>, ExtractError> {
        let budget = Input::default_budget();
        let found = GoBinary.extract(&Input::standalone("/var/task/bootstrap", bytes, &budget))?;
        Ok(found.into_iter().map(|p| (p.name, p.version)).collect())
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect()
    }

    #[test]
    fn inline_build_info_in_its_section() {
        let blob = inline_blob("go1.22.4", &framed(MODINFO));
        let (elf, _) = testing::elf64(&[(".text", b"code"), (".go.buildinfo", &blob)]);
        assert_eq!(
            extract(&elf).unwrap(),
            pairs(&[
                ("github.com/google/uuid", "1.3.0"),
                ("example.com/fork/errors", "0.9.2"),
                ("../net", ""),
                ("stdlib", "1.22.4"),
            ])
        );
    }

    #[test]
    fn main_module_is_reported_only_with_a_real_version() {
        let modinfo = "path\tgolang.org/x/tools/cmd/stringer\nmod\tgolang.org/x/tools\tv0.20.0\th1:x=\n";
        let (elf, _) = testing::elf64(&[(".go.buildinfo", &inline_blob("go1.21rc2", &framed(modinfo)))]);
        assert_eq!(extract(&elf).unwrap(), pairs(&[("golang.org/x/tools", "0.20.0"), ("stdlib", "1.21.0-rc.2")]));
    }

    #[test]
    fn pointer_format_of_older_toolchains() {
        // Header with two pointers to Go string headers (data pointer, length), all little-endian 8-byte.
        let modinfo = framed("path\tex.com/a\nmod\tex.com/a\t(devel)\t\ndep\tgithub.com/x/y\tv1.0.0\th1:z=\n");
        let toolchain = b"go1.16.15";
        // Lay out: [header 32][vers hdr 16][mod hdr 16][vers bytes][mod bytes], pointers from the section start.
        let build = |start: u64| {
            let vers_hdr = start + 32;
            let mod_hdr = start + 48;
            let vers_data = start + 64;
            let mod_data = vers_data + toolchain.len() as u64;
            let mut blob = MAGIC.to_vec();
            blob.extend_from_slice(&[8, 0]);
            blob.extend_from_slice(&vers_hdr.to_le_bytes());
            blob.extend_from_slice(&mod_hdr.to_le_bytes());
            for (ptr, len) in [(vers_data, toolchain.len()), (mod_data, modinfo.len())] {
                blob.extend_from_slice(&ptr.to_le_bytes());
                blob.extend_from_slice(&(len as u64).to_le_bytes());
            }
            blob.extend_from_slice(toolchain);
            blob.extend_from_slice(&modinfo);
            blob
        };
        let (_, offsets) = testing::elf64(&[(".go.buildinfo", &build(0))]);
        let start = testing::BASE + offsets[0] as u64;
        let (elf, _) = testing::elf64(&[(".go.buildinfo", &build(start))]);
        assert_eq!(extract(&elf).unwrap(), pairs(&[("github.com/x/y", "1.0.0"), ("stdlib", "1.16.15")]));
    }

    #[test]
    fn found_in_the_data_segment_without_the_section() {
        let blob = inline_blob("go1.20", &framed(MODINFO));
        let (elf, _) = testing::elf64(&[(".data", &blob)]);
        assert!(extract(&elf).unwrap().contains(&("stdlib".to_string(), "1.20".to_string())));
    }

    #[test]
    fn misaligned_magic_is_not_build_info() {
        let mut data = vec![0u8; 8];
        data.extend_from_slice(&inline_blob("go1.20", &framed(MODINFO)));
        let (elf, _) = testing::elf64(&[(".go.buildinfo", &data)]);
        assert_eq!(extract(&elf).unwrap(), vec![]);
    }

    #[test]
    fn non_go_and_non_binary_files_yield_nothing() {
        let (elf, _) = testing::elf64(&[(".data", b"just data")]);
        assert_eq!(extract(&elf).unwrap(), vec![]);
        assert_eq!(extract(b"This is not a Go binary.\n").unwrap(), vec![]);
        let dummy = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/fixtures/lockfiles/golang/gobinary/testdata/dummy"),
        )
        .unwrap();
        assert_eq!(extract(&dummy).unwrap(), vec![]);
    }

    #[test]
    fn without_module_framing_only_stdlib() {
        let (elf, _) = testing::elf64(&[(".go.buildinfo", &inline_blob("go1.22.4", b"no framing"))]);
        assert_eq!(extract(&elf).unwrap(), pairs(&[("stdlib", "1.22.4")]));
    }

    #[test]
    fn cut_short_strings_are_errors_not_panics() {
        let mut blob = inline_blob("go1.22.4", &framed(MODINFO));
        blob.truncate(HEADER_LEN + 20);
        let (elf, _) = testing::elf64(&[(".go.buildinfo", &blob)]);
        assert!(extract(&elf).is_err());
        // A length varint claiming more than the file holds.
        let mut blob = MAGIC.to_vec();
        blob.extend_from_slice(&[8, FLAG_INLINE]);
        blob.resize(HEADER_LEN, 0);
        blob.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
        let (elf, _) = testing::elf64(&[(".go.buildinfo", &blob)]);
        assert!(extract(&elf).is_err());
    }

    #[test]
    fn unreadable_headers_fall_back_to_the_inline_blob() {
        let mut bytes = b"\x7fELF\x02\x01\x01".to_vec();
        bytes.resize(64, 0xff); // garbage header: object refuses it
        bytes.resize(SEARCH_WINDOW * 4, 0); // far past where a data segment search would stop
        bytes.extend_from_slice(&inline_blob("go1.22.4", &framed(MODINFO)));
        assert_eq!(extract(&bytes).unwrap().last(), Some(&("stdlib".to_string(), "1.22.4".to_string())));
    }
}
