//! Labels compared the way a person reads them: without accents, case or spacing, so
//! "Điểm tối đa", "ĐIỂM TỐI ĐA" and "diem toi da" are the same column.

/// The letter without its Vietnamese diacritics, lowercased.
fn base(c: char) -> char {
    const GROUPS: &[(&str, char)] = &[
        ("àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'a'),
        ("èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ", 'e'),
        ("ìíỉĩịÌÍỈĨỊ", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'o'),
        ("ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ", 'u'),
        ("ỳýỷỹỵỲÝỶỸỴ", 'y'),
        ("đĐ", 'd'),
    ];
    for (set, to) in GROUPS {
        if set.contains(c) {
            return *to;
        }
    }
    c.to_lowercase().next().unwrap_or(c)
}

/// Accent-free, lowercase, every run of non-alphanumerics one space, trimmed.
/// Combining marks (text typed in decomposed form) are dropped.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if ('\u{0300}'..='\u{036F}').contains(&c) {
            continue;
        }
        let b = base(c);
        if b.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(b);
        } else {
            space = true;
        }
    }
    out
}
