//! Text normalisation shared by the lexicon, the posting extractor and the
//! profile's evidence index.
//!
//! A form is normalised to lower-case tokens of ASCII letters, digits, `+`
//! and `#` (plus a leading `.` at a word start, as in `.NET`), joined by one
//! space: "Node.js" and "node js" are both `node js`, "CI/CD" is `ci cd`.
//! `tools/gen_lexicon.py` does exactly the same, so the generated forms and
//! the text meet.

use unicode_normalization::UnicodeNormalization;

/// One token of a text: its normalised form and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token lower-cased: a slice of the lower-cased text.
    pub norm: &'a str,
    /// Byte range in the (NFKC-normalised) text.
    pub start: usize,
    pub end: usize,
}

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '+' || c == '#'
}

/// NFKC-normalises `text`, the form in which tokens' offsets are given.
pub fn nfkc(text: &str) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    // Text already in NFKC (most text with a few accents or dashes) needs
    // only the apostrophe folded; the quick check is far cheaper than
    // normalising.
    if unicode_normalization::is_nfkc_quick(text.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        return text.replace('\u{2019}', "'");
    }
    text.nfkc()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect()
}

/// Splits already NFKC-normalised text into tokens; `lower` is
/// `text.to_ascii_lowercase()` (the same offsets), which the tokens' forms
/// borrow, so a text costs one copy and no string a token.
pub fn tokenize<'a>(text: &str, lower: &'a str) -> Vec<Token<'a>> {
    debug_assert_eq!(text.len(), lower.len());
    // About a token in six bytes of prose: a guess that spares a short
    // text (a bullet, a posting's line) its regrowing; a long one grows as
    // it would, so the memory a huge posting takes is unchanged.
    let mut out = Vec::with_capacity((text.len() / 6 + 1).min(1024));
    for_each_token(text, |start, end| {
        out.push(Token {
            // Token characters are ASCII, so this is the token lower-cased.
            norm: &lower[start..end],
            start,
            end,
        });
    });
    out
}

/// Calls `f` with the byte range of each token of already NFKC-normalised
/// text, in order: the walk behind both `tokenize` and `norm`.
///
/// Token characters are ASCII, so the walk is over bytes: a byte of a
/// character beyond ASCII (0x80 and up) is never part of a token, and
/// characters are decoded only where a rule looks at a token's neighbours.
fn for_each_token(text: &str, mut f: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let is_token_byte = |b: u8| is_token_char(char::from(b));
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // A leading `.` (".NET"), not one inside a word ("ASP.NET").
        let dotted = b == b'.'
            && !text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
        if !is_token_byte(b) && !dotted {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < bytes.len() && is_token_byte(bytes[i]) {
            i += 1;
        }
        // Part of a word with letters beyond ASCII ("Teamfähigkeit",
        // "Zürich"): not a token, or its pieces would match terms.
        let foreign = |c: Option<char>| c.is_some_and(|c| !c.is_ascii() && c.is_alphanumeric());
        if !foreign(text[..start].chars().next_back()) && !foreign(text[i..].chars().next()) {
            f(start, i);
        }
    }
}

/// The normalised form of a name or phrase.
pub fn norm(s: &str) -> String {
    // No copy, and no string per token: this runs for every name the
    // profile writes and every form a posting term is found under.
    let s: std::borrow::Cow<str> = if s.is_ascii() {
        s.into()
    } else {
        nfkc(s).into()
    };
    let mut out = String::with_capacity(s.len());
    for_each_token(&s, |start, end| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[start..end]);
        // The token is ASCII: lower-case what was just pushed.
        let at = out.len() - (end - start);
        out[at..].make_ascii_lowercase();
    });
    out
}

/// A light English stemmer for matching "pipelines" to "pipeline" and
/// "containerized" to "containerize": strips one common suffix from each
/// word of a normalised form.
pub fn stem(form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    for (i, w) in form.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(stem_word(w));
    }
    out
}

/// `stem` of one word: the word without its suffix.
pub fn stem_word(w: &str) -> &str {
    if w.len() <= 4 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return w;
    }
    for suf in [
        "ization", "ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s",
    ] {
        if let Some(stem) = w.strip_suffix(suf) {
            let sibilant = ["s", "x", "z", "ch", "sh"]
                .iter()
                .any(|e| stem.ends_with(e));
            let ok = match suf {
                "s" => !stem.ends_with('s'),
                "es" => sibilant,
                _ => true,
            };
            if stem.len() >= 3 && ok {
                return stem;
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_normalise_like_the_generator() {
        assert_eq!(norm("Node.js"), "node js");
        assert_eq!(norm("CI/CD"), "ci cd");
        assert_eq!(norm("C++ and C#"), "c++ and c#");
        assert_eq!(norm(".NET Core"), ".net core");
        assert_eq!(norm("ASP.NET"), "asp net");
        assert_eq!(norm("  Kubernetes (k8s)  "), "kubernetes k8s");
        // Words with letters beyond ASCII are not tokens at all.
        assert_eq!(norm("Zürich"), "");
        assert_eq!(norm("Teamfähigkeit und AWS"), "und aws");
        assert_eq!(norm("café-AWS"), "aws");
    }

    #[test]
    fn tokens_keep_their_offsets() {
        let text = "Go, and Node.js!";
        let lower = text.to_ascii_lowercase();
        let t = tokenize(text, &lower);
        let spans: Vec<_> = t.iter().map(|t| (t.norm, t.start, t.end)).collect();
        assert_eq!(
            spans,
            [("go", 0, 2), ("and", 4, 7), ("node", 8, 12), ("js", 13, 15)]
        );
    }

    /// The walk as it was written over characters, before it went over
    /// bytes: the two must agree on every text.
    fn tokens_by_chars(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        let mut prev: Option<char> = None;
        while let Some((i, c)) = chars.next() {
            let dotted = c == '.'
                && !prev.is_some_and(|p| p.is_alphanumeric())
                && chars
                    .peek()
                    .is_some_and(|&(_, n)| n.is_ascii_alphanumeric());
            if is_token_char(c) || dotted {
                let start = i;
                let mut end = i + c.len_utf8();
                while let Some(&(j, n)) = chars.peek() {
                    if !is_token_char(n) {
                        break;
                    }
                    end = j + n.len_utf8();
                    chars.next();
                }
                prev = text[..end].chars().next_back();
                let foreign =
                    |c: Option<char>| c.is_some_and(|c| !c.is_ascii() && c.is_alphanumeric());
                if foreign(text[..start].chars().next_back()) || foreign(text[end..].chars().next())
                {
                    continue;
                }
                out.push((start, end));
            } else {
                prev = Some(c);
            }
        }
        out
    }

    fn tokens_by_bytes(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for_each_token(text, |start, end| out.push((start, end)));
        out
    }

    #[test]
    fn the_byte_walk_tokenizes_as_the_char_walk_did() {
        for text in [
            ".NET and ASP.NET, Node.js",
            "café-AWS .é. é.NET 1.5 ..net .",
            "Zürich: C++/C#, Teamfähigkeit und AWS",
            "x.\u{2019}s – “quoted” ½ ﬁle",
            "",
            ".",
        ] {
            assert_eq!(tokens_by_bytes(text), tokens_by_chars(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_byte_walk_agrees_on_any_text(
            text in "[a-zA-Z0-9.+# ,/\\-éüß½’ﬁЖ中\u{301}]{0,40}"
        ) {
            proptest::prop_assert_eq!(tokens_by_bytes(&text), tokens_by_chars(&text));
        }
    }

    #[test]
    fn stemming_folds_plurals_and_ings() {
        assert_eq!(stem("ci cd pipelines"), "ci cd pipeline");
        assert_eq!(stem("containers"), "container");
        assert_eq!(stem("aws"), "aws");
        assert_eq!(stem("process"), "process");
    }
}
