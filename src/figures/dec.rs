//! Exact decimals: figure values are kept as `mant × 10^scale` until the
//! end, so that 47.264287亿 is exactly 4726428700.

/// An exact decimal: `mant × 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dec {
    pub mant: i128,
    pub scale: i32,
}

impl Dec {
    pub const ZERO: Dec = Dec { mant: 0, scale: 0 };

    pub fn int(v: i128) -> Dec {
        Dec { mant: v, scale: 0 }
    }

    pub fn is_zero(self) -> bool {
        self.mant == 0
    }

    /// Multiplies by 10^k.
    pub fn shift(self, k: i32) -> Option<Dec> {
        Some(Dec { mant: self.mant, scale: self.scale.checked_add(k)? })
    }

    pub fn mul_int(self, v: i128) -> Option<Dec> {
        Some(Dec { mant: self.mant.checked_mul(v)?, scale: self.scale })
    }

    pub fn add(self, other: Dec) -> Option<Dec> {
        let scale = self.scale.min(other.scale);
        let a = self.mant.checked_mul(pow10(self.scale - scale)?)?;
        let b = other.mant.checked_mul(pow10(other.scale - scale)?)?;
        Some(Dec { mant: a.checked_add(b)?, scale })
    }

    pub fn to_f64(self) -> f64 {
        let m = self.mant as f64;
        if self.scale >= 0 {
            m * 10f64.powi(self.scale)
        } else {
            // Division by an exact power of ten rounds correctly; a product by 1e-k would not.
            m / 10f64.powi(-self.scale)
        }
    }
}

fn pow10(k: i32) -> Option<i128> {
    if !(0..=38).contains(&k) {
        return None;
    }
    10i128.checked_pow(k as u32)
}
