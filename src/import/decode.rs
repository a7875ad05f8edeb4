//! Decoding a file's bytes: UTF-8 (with or without a BOM), UTF-16 with a BOM,
//! GB18030/GBK (what Word's "save as text" writes on Chinese Windows) and Big5
//! (Taiwan and Hong Kong sources), detected with chardetng and decoded with
//! encoding_rs. The detector first reads the bytes without a hint: a hint
//! that the text is from the mainland would read Big5 as GBK mojibake, which
//! decodes without a single error. Only where the bytes alone point nowhere
//! Chinese does the hint decide. Binary or undecodable input is an error;
//! nothing is guessed silently into mojibake.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// Text decoded from bytes, and what it was decoded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's name: UTF-8, UTF-16LE, UTF-16BE, GB18030 …
    pub encoding: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is binary, not text (byte {0} is a NUL); import takes .txt and .md files")]
    Binary(usize),
    #[error("the file's text could not be decoded as UTF-8, UTF-16 or GB18030; save it as UTF-8 text and import again")]
    Undecodable,
}

/// Decodes bytes to text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(DecodeError::Undecodable);
        }
        return Ok(Decoded { text: text.into_owned(), encoding: enc.name() });
    }
    if let Some(at) = memchr::memchr(0, bytes) {
        return utf16_without_bom(bytes).ok_or(DecodeError::Binary(at));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_owned(), encoding: UTF_8.name() });
    }
    let guess = detect(bytes);
    // GBK is a subset of GB18030; decode Chinese guesses with the superset.
    let enc = if guess == encoding_rs::GBK { GB18030 } else { guess };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors || looks_binary(&text) {
        return Err(DecodeError::Undecodable);
    }
    Ok(Decoded { text: text.into_owned(), encoding: enc.name() })
}

/// The encoding of bytes that are not UTF-8: the detector's own reading,
/// unless it points nowhere Chinese (a short text taken for a European or
/// Japanese code page), when the mainland hint decides.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let plain = detector.guess(None, false);
    if plain == encoding_rs::BIG5 || plain == encoding_rs::GBK {
        return plain;
    }
    let hinted = detector.guess(Some(b"cn"), false);
    let (_, _, errors) = hinted.decode(bytes);
    if errors { plain } else { hinted }
}

/// UTF-16 written without a byte-order mark (some Windows tools do): the NULs
/// of its ASCII characters (digits, punctuation, line breaks) stand at odd
/// offsets (little-endian) or at even ones (big-endian), but for the rare
/// ideograph whose code ends in 00 (一 is U+4E00); binary data has them at
/// both alike. The text must then decode cleanly and not look binary.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, b) in sample.iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 { even += 1 } else { odd += 1 }
        }
    }
    let enc = if odd >= 9 * even {
        encoding_rs::UTF_16LE
    } else if even >= 9 * odd {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    (!had_errors && !text.contains('\0') && !looks_binary(&text))
        .then(|| Decoded { text: text.into_owned(), encoding: enc.name() })
}

/// Control characters other than tabs and line breaks are a sign of binary data.
fn looks_binary(text: &str) -> bool {
    let controls = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count();
    controls * 100 > text.chars().count().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "市总工会组织全市职工采购扶贫产品6000余万元，带动贫困户增收。";

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        assert_eq!(decode(SAMPLE.as_bytes()).unwrap().text, SAMPLE);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode(&bom).unwrap().text, SAMPLE);
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap(), Decoded { text: SAMPLE.into(), encoding: "UTF-16LE" });
        let mut be = vec![0xFE, 0xFF];
        be.extend(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap().text, SAMPLE);
    }

    #[test]
    fn decodes_utf16_without_bom() {
        let text = "全市2023年投入帮扶资金1.26亿元。\r\n其中消费扶贫4820万元。\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le).unwrap(), Decoded { text: text.into(), encoding: "UTF-16LE" });
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&be).unwrap(), Decoded { text: text.into(), encoding: "UTF-16BE" });
        // NULs at both parities are binary still.
        assert!(matches!(decode(b"ab\x00c\x00\x00de"), Err(DecodeError::Binary(2))));
    }

    #[test]
    fn detects_gbk() {
        let (bytes, _, _) = encoding_rs::GBK.encode(SAMPLE);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, SAMPLE);
        assert_eq!(d.encoding, "gb18030");
    }

    #[test]
    fn detects_big5_whatever_the_hint_would_say() {
        let traditional = "參與精準脫貧攻堅是工會組織的重要政治任務。全市工會累計投入幫扶資金1.26億元。";
        let (bytes, _, _) = encoding_rs::BIG5.encode(traditional);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, traditional);
        assert_eq!(d.encoding, "Big5");
        let short = "香港特區政府投入五千萬元。";
        assert_eq!(decode(&encoding_rs::BIG5.encode(short).0).unwrap().text, short);
    }

    #[test]
    fn refuses_binary() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert!(matches!(decode(b"PK\x03\x04\x00\x00binary"), Err(DecodeError::Binary(4))));
    }
}
