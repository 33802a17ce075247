//! The parsed, validated profile kept between runs, so a run whose profile
//! has not changed since the last skips the YAML parse (half of a
//! one-posting `tailor match`).
//!
//! One file per profile in the cache folder (`config::cache_dir` chooses
//! it; nothing is ever written beside the user's files), named by a
//! CRC-32 of the format version, the [`BUILD`] and the profile's exact
//! bytes, and by their length. A file holds the build, those bytes
//! (compared whole on a hit, so no two profiles share an entry however
//! their checksums fall), the [`Profile`] in a small binary encoding
//! (`Codec`), what indexing it works out from those bytes alone ([`Index`],
//! once a run has indexed the profile) and a CRC-32 of all of it: a file that is truncated,
//! corrupt, from another version or for other bytes is a miss, never an
//! error, and is replaced by the next write. (A SHA-256 key instead took
//! 2.9M instructions a hit where the CPU has no SHA extensions; the CRC
//! and the comparison take a few thousand.) Only a profile
//! that passed `load`'s validation is stored, so every error and its
//! `file:line:column` still come from the YAML; warnings are worked out
//! after loading from the profile and its text, as on a miss.
//!
//! Writes go to a temporary file in the folder, renamed into place: a
//! reader sees a whole file or none. A folder that cannot be made or
//! written is no error (the run just parses, as without a cache). The
//! folder keeps the [`KEEP`] newest files; each write removes older ones.
//!
//! Loading and its messages live in `load`; this module only stores and
//! finds what `load` produced.

use std::path::{Path, PathBuf};

use super::schema::{
    Alias, Bullet, Certification, Contact, Education, End, Level, Link, Person, Profile, Project,
    SkillArea, Summary, YearMonth,
};

/// The version of the file layout and of the `Codec` encoding. [`BUILD`]
/// changes with this file's source anyway, so a changed encoding is never
/// read by mistake; the number says which layout a file has.
pub const FORMAT_VERSION: u32 = 2;

/// How many profiles the folder keeps: a user edits one profile, and a few
/// (one per language, an old and a new) are used in turn.
pub const KEEP: usize = 8;

/// tailor's version and the fingerprint `build.rs` takes of the code that
/// loads a profile: a file written by a build that might load the same
/// bytes differently (even under the same version, between two builds of
/// a working copy) is never read.
pub const BUILD: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("TAILOR_PROFILE_CODE"));

/// What indexing a profile for scoring (`score::Evidence`) works out from
/// the profile's bytes and the build alone: most of the indexing (reading
/// the texts was 4.5M and the skill graph 0.6M of a warm `tailor match`'s
/// 12.4M instructions), so the cache keeps it beside the profile.
/// [`BUILD`] fingerprints the lexicon, the skill graph and the code that
/// reads them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Index {
    /// What each of the profile's texts mentions, in the order
    /// `score::Evidence` reads them: (term id, the form as written,
    /// normalised).
    pub mentions: Vec<Vec<(u32, String)>>,
    /// The skill graph over the profile's lexicon (whose aliases and terms
    /// may claim a graph's name): each term with its broader terms.
    pub graph: Vec<(u32, Vec<u32>)>,
}

/// What every cache file starts with.
const MAGIC: &[u8; 8] = b"TAILORPC";

/// The largest file read back, and written: more than a profile, its
/// encoding (which is smaller than its YAML) and its mentions take for
/// any ordinary profile (its mentions are at most about twice its text
/// when the text is all two-letter terms; names made of many terms
/// mention more).
const MAX_FILE_BYTES: u64 = 5 * super::load::MAX_PROFILE_BYTES + 1024;

/// The extension of cache files; temporary ones start with [`TEMP_PREFIX`].
const EXTENSION: &str = "profile";
const TEMP_PREFIX: &str = ".tmp-";

/// A cache folder of parsed profiles.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache in `dir` (made on the first write).
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The folder it keeps its files in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The profile stored for these exact bytes, and its index if that was
    /// stored too, if a whole file for them is there.
    pub fn get(&self, bytes: &[u8]) -> Option<(Profile, Option<Index>)> {
        use std::io::Read;
        let file = std::fs::File::open(self.path(bytes)).ok()?;
        // Sized up front: read in one call, not in a dozen doubling ones.
        let len = file.metadata().ok()?.len().min(MAX_FILE_BYTES);
        let mut data = Vec::with_capacity(usize::try_from(len).ok()?);
        file.take(MAX_FILE_BYTES).read_to_end(&mut data).ok()?;
        decode_file(&data, bytes)
    }

    /// Stores the profile parsed from `bytes` (and its index, when given),
    /// quietly doing nothing when the folder cannot be written.
    pub fn put(&self, bytes: &[u8], profile: &Profile, index: Option<&Index>) {
        let _ = self.try_put(bytes, profile, index);
    }

    fn try_put(
        &self,
        bytes: &[u8],
        profile: &Profile,
        index: Option<&Index>,
    ) -> std::io::Result<()> {
        use std::io::Write;
        let data = encode_file(bytes, profile, index);
        // A file too large to be read back is not written: every run would
        // miss and write it again (a profile can name terms that mention
        // many others, such as one long certification name of repeated
        // words).
        if data.len() as u64 > MAX_FILE_BYTES {
            return Ok(());
        }
        make_private_dir(&self.dir)?;
        let mut temp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(&self.dir)?;
        temp.write_all(&data)?;
        temp.persist(self.path(bytes)).map_err(|e| e.error)?;
        self.prune();
        Ok(())
    }

    /// Removes all but the [`KEEP`] newest cache files, and temporary files
    /// a killed run left (older than an hour). Other files are left alone.
    fn prune(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let now = std::time::SystemTime::now();
        let mut files = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let Ok(modified) = entry.metadata().and_then(|m| m.modified()) else {
                continue;
            };
            if name.starts_with(TEMP_PREFIX) {
                let age = now.duration_since(modified).unwrap_or_default();
                if age.as_secs() > 3600 {
                    let _ = std::fs::remove_file(entry.path());
                }
            } else if is_cache_name(&name) {
                files.push((modified, entry.path()));
            }
        }
        if files.len() > KEEP {
            files.sort_by_key(|f| std::cmp::Reverse(f.0));
            for (_, path) in &files[KEEP..] {
                let _ = std::fs::remove_file(path);
            }
        }
    }

    /// The file for a profile's bytes: the CRC-32 of what decides the
    /// file's content (the format, the build, the bytes) and the bytes'
    /// length, in hex.
    fn path(&self, bytes: &[u8]) -> PathBuf {
        let mut h = crc32fast::Hasher::new();
        h.update(MAGIC);
        h.update(&FORMAT_VERSION.to_le_bytes());
        h.update(BUILD.as_bytes());
        h.update(&[0]);
        h.update(bytes);
        let name = format!("{:08x}{:08x}.{EXTENSION}", h.finalize(), bytes.len());
        self.dir.join(name)
    }
}

/// Whether a file name is one [`Cache::path`] makes.
fn is_cache_name(name: &str) -> bool {
    name.strip_suffix(EXTENSION)
        .and_then(|n| n.strip_suffix('.'))
        .is_some_and(|hex| hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Makes the cache folder, readable by its owner only where that can be
/// said: the profile holds a name, an e-mail and a phone number.
fn make_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// A cache file: magic, format version, [`BUILD`], the profile's bytes,
/// the encoded profile, its index if known, and the CRC-32 of all before
/// it.
fn encode_file(bytes: &[u8], profile: &Profile, index: Option<&Index>) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 * bytes.len() + 64);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    put_bytes(BUILD.as_bytes(), &mut out);
    put_bytes(bytes, &mut out);
    profile.put(&mut out);
    match index {
        None => out.push(0),
        Some(i) => {
            out.push(1);
            i.put(&mut out);
        }
    }
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out
}

/// The profile in a cache file, and its index if stored, if the file is
/// whole and is the one for these profile bytes.
fn decode_file(data: &[u8], bytes: &[u8]) -> Option<(Profile, Option<Index>)> {
    let (body, crc) = data.split_last_chunk::<4>()?;
    if crc32fast::hash(body) != u32::from_le_bytes(*crc) {
        return None;
    }
    let mut r = Reader(body);
    if r.bytes(MAGIC.len())? != MAGIC
        || r.bytes(4)? != FORMAT_VERSION.to_le_bytes()
        || r.sized()? != BUILD.as_bytes()
        || r.sized()? != bytes
    {
        return None;
    }
    let profile = Profile::take(&mut r)?;
    let index = <Option<Index> as Codec>::take(&mut r)?;
    r.0.is_empty().then_some((profile, index))
}

/// The rest of a cache file, read from the front.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    /// Bytes written by [`put_bytes`].
    fn sized(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        self.bytes(n)
    }

    fn byte(&mut self) -> Option<u8> {
        Some(self.bytes(1)?[0])
    }

    /// A length, as LEB128: most are one byte.
    fn len(&mut self) -> Option<usize> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return usize::try_from(n).ok();
            }
        }
        None
    }
}

/// Bytes, after their length.
fn put_bytes(bytes: &[u8], out: &mut Vec<u8>) {
    put_len(bytes.len(), out);
    out.extend_from_slice(bytes);
}

fn put_len(n: usize, out: &mut Vec<u8>) {
    let mut n = n as u64;
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A value's binary encoding: what serde cannot give here, since the
/// profile's serde form skips empty fields and reads dates of either type,
/// which a positional format cannot decode.
trait Codec: Sized {
    fn put(&self, out: &mut Vec<u8>);
    /// The value, or `None` when the bytes are not one.
    fn take(r: &mut Reader<'_>) -> Option<Self>;
}

impl Codec for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_bytes(self.as_bytes(), out);
    }

    fn take(r: &mut Reader<'_>) -> Option<Self> {
        std::str::from_utf8(r.sized()?).ok().map(str::to_owned)
    }
}

impl<T: Codec> Codec for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        put_len(self.len(), out);
        for v in self {
            v.put(out);
        }
    }

    fn take(r: &mut Reader<'_>) -> Option<Self> {
        let n = r.len()?;
        // Each value takes a byte at least: a corrupt length cannot ask
        // for more memory than the file has bytes.
        let mut v = Vec::with_capacity(n.min(r.0.len()));
        for _ in 0..n {
            v.push(T::take(r)?);
        }
        Some(v)
    }
}

impl<T: Codec> Codec for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }

    fn take(r: &mut Reader<'_>) -> Option<Self> {
        match r.byte()? {
            0 => Some(None),
            1 => T::take(r).map(Some),
            _ => None,
        }
    }
}

impl Codec for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }

    fn take(r: &mut Reader<'_>) -> Option<Self> {
        r.byte()
    }
}

impl Codec for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        put_len(*self as usize, out);
    }

    fn take(r: &mut Reader<'_>) -> Option<Self> {
        u32::try_from(r.len()?).ok()
    }
}

impl<A: Codec, B: Codec> Codec for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }

    fn take(r: &mut Reader<'_>) -> Option<Self> {
        Some((A::take(r)?, B::take(r)?))
    }
}

impl Codec for u16 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }

    fn take(r: &mut Reader<'_>) -> Option<Self> {
        Some(u16::from_le_bytes(r.bytes(2)?.try_into().ok()?))
    }
}

impl Codec for Level {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self as u8);
    }

    fn take(r: &mut Reader<'_>) -> Option<Self> {
        [Level::Basic, Level::Strong, Level::Advanced, Level::Expert]
            .get(usize::from(r.byte()?))
            .copied()
    }
}

impl Codec for YearMonth {
    fn put(&self, out: &mut Vec<u8>) {
        self.year.put(out);
        self.month.put(out);
    }

    fn take(r: &mut Reader<'_>) -> Option<Self> {
        let year = u16::take(r)?;
        let month = <Option<u8> as Codec>::take(r)?;
        // What parsing accepts; date arithmetic relies on it.
        (month.is_none_or(|m| (1..=12).contains(&m))).then_some(YearMonth { year, month })
    }
}

impl Codec for End {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            End::Present => out.push(0),
            End::Date(d) => {
                out.push(1);
                d.put(out);
            }
        }
    }

    fn take(r: &mut Reader<'_>) -> Option<Self> {
        match r.byte()? {
            0 => Some(End::Present),
            1 => YearMonth::take(r).map(End::Date),
            _ => None,
        }
    }
}

/// [`Codec`] for structs: their fields in the order listed. Both directions
/// name every field (a destructuring and a struct literal), so a field
/// added to a profile type does not compile until it is listed here.
macro_rules! records {
    ($($t:ident { $($f:ident),* $(,)? })*) => {$(
        impl Codec for $t {
            fn put(&self, out: &mut Vec<u8>) {
                let $t { $($f),* } = self;
                $($f.put(out);)*
            }

            fn take(r: &mut Reader<'_>) -> Option<Self> {
                // Struct literal fields are evaluated in the order written.
                Some($t { $($f: Codec::take(r)?),* })
            }
        }
    )*};
}

records! {
    Profile { person, summaries, certifications, skills, projects, general, education, aliases }
    Person { name, headline, contact }
    Contact { email, phone, location, links }
    Link { label, url }
    Summary { id, text, tags }
    Certification { name, issuer, year }
    SkillArea { name, level, keywords }
    Project { id, name, client, role, start, end, summary, bullets }
    Bullet { id, text, skills, tags }
    Education { institution, degree, start, end }
    Alias { term, forms }
    Index { mentions, graph }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A profile with every field set, and some left empty.
    fn sample() -> Profile {
        let yaml = "\
person:
  name: Ann Lee
  headline: Platform engineer
  contact:
    email: ann@example.org
    phone: '+1 555 0100'
    location: Zürich
    links: [{label: GitHub, url: 'https://github.com/ann'}]
summaries:
  - {id: s, text: Builds platforms., tags: [platform]}
certifications:
  - {name: CKA, issuer: CNCF, year: 2023}
  - {name: Other}
skills:
  - {name: Cloud, level: expert, keywords: [AWS, GCP]}
  - {name: Go, level: basic}
projects:
  - id: p
    name: Project
    client: Client
    role: Lead
    start: 2020-03
    end: present
    summary: Long text — with “quotes” and 日本.
    bullets:
      - {id: b1, text: Did things., skills: [Cloud], tags: [Terraform]}
  - {id: q, name: Q, start: 2018, end: 2019-12}
general:
  - {id: g, text: General.}
education:
  - {institution: ETH, degree: MSc, start: 2010, end: 2012-06}
  - {institution: School}
aliases:
  - {term: Cloud Tasks, forms: [Google Tasks]}
";
        crate::profile::load::parse(yaml, "p.yaml").expect("the sample parses")
    }

    #[test]
    fn a_profile_round_trips() {
        let p = sample();
        assert_eq!(
            decode_file(&encode_file(b"x", &p, None), b"x"),
            Some((p, None))
        );
    }

    #[test]
    fn an_index_round_trips() {
        let p = sample();
        let i = sample_index();
        assert_eq!(
            decode_file(&encode_file(b"x", &p, Some(&i)), b"x"),
            Some((p, Some(i)))
        );
    }

    fn sample_index() -> Index {
        Index {
            mentions: vec![vec![(3, "aws".into()), (70_000, "k8s".into())], vec![]],
            graph: vec![(3, vec![1, 2]), (70_000, vec![])],
        }
    }

    #[test]
    fn the_shipped_profile_round_trips() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("profile.yaml");
        let p = crate::profile::load(&path).unwrap();
        assert_eq!(
            decode_file(&encode_file(b"x", &p, None), b"x"),
            Some((p, None))
        );
    }

    #[test]
    fn every_truncation_and_flipped_byte_is_refused() {
        let file = encode_file(b"x", &sample(), None);
        for n in 0..file.len() {
            assert_eq!(decode_file(&file[..n], b"x"), None, "truncated to {n}");
        }
        for i in 0..file.len() {
            let mut bad = file.clone();
            bad[i] ^= 0x20;
            assert_eq!(decode_file(&bad, b"x"), None, "byte {i} flipped");
        }
    }

    #[test]
    fn a_file_of_another_build_is_refused() {
        let file = encode_file(b"x", &sample(), None);
        // The build string starts after magic, format and its length byte.
        let at = MAGIC.len() + 4 + 1;
        assert_eq!(&file[at..at + BUILD.len()], BUILD.as_bytes());
        let mut other = file[..file.len() - 4].to_vec();
        other[at + BUILD.len() - 1] ^= 0x01;
        let crc = crc32fast::hash(&other);
        other.extend_from_slice(&crc.to_le_bytes());
        assert_eq!(decode_file(&other, b"x"), None);
        assert!(decode_file(&file, b"x").is_some());
    }

    #[test]
    fn other_bytes_or_garbage_are_refused() {
        let file = encode_file(b"x", &sample(), None);
        assert_eq!(decode_file(&file, b"y"), None);
        assert_eq!(decode_file(b"", b"x"), None);
        assert_eq!(decode_file(&[0xff; 4096], b"x"), None);
    }

    #[test]
    fn a_corrupt_body_with_a_good_checksum_is_no_panic() {
        // Lengths that claim more than the file, a bad date, a bad tag.
        let file = encode_file(b"x", &sample(), Some(&sample_index()));
        let body_start = MAGIC.len() + 4;
        for i in body_start..file.len() - 4 {
            for v in [0x00, 0x0d, 0x7f, 0xff] {
                let mut bad = file[..file.len() - 4].to_vec();
                bad[i] = v;
                let crc = crc32fast::hash(&bad);
                bad.extend_from_slice(&crc.to_le_bytes());
                let _ = decode_file(&bad, b"x");
            }
        }
    }

    #[test]
    fn the_folder_keeps_the_newest_files() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().join("c"));
        let p = sample();
        let other = dir.path().join("c/notes.txt");
        for i in 0..KEEP + 3 {
            cache.put(format!("profile {i}").as_bytes(), &p, None);
            if i == 0 {
                std::fs::write(&other, "mine").unwrap();
            }
            // Distinct modification times, oldest first.
            let t =
                std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1 + i as u64);
            let f = std::fs::File::options()
                .write(true)
                .open(cache.path(format!("profile {i}").as_bytes()))
                .unwrap();
            f.set_modified(t).unwrap();
        }
        let names: Vec<String> = std::fs::read_dir(cache.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names.iter().filter(|n| is_cache_name(n)).count(),
            KEEP,
            "{names:?}"
        );
        assert!(other.exists(), "a file not the cache's is kept");
        assert!(cache
            .get(format!("profile {}", KEEP + 2).as_bytes())
            .is_some());
        assert!(cache.get(b"profile 0").is_none());
    }
}
