//! The claims of sections already read, kept by the window between checks so
//! that a keystroke re-reads the claims of the section it changed and no other.
//! A section's claims depend on nothing but its own text, its title, its scope
//! and what its titles say of time and modality ([`TitleScope`]): with all of
//! these unchanged, they are the claims read last time. The command line,
//! which checks once, keeps none.

use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use super::{Claim, TitleScope};
use crate::checks::context::SectionView;

/// What a section's claims are read from, compared whole on a hit.
#[derive(Debug, PartialEq, Eq, Hash)]
struct Read {
    title: String,
    body: String,
    scope: usize,
    titles: TitleScope,
}

/// The claims of the sections of the last check and of the one running. A check
/// keeps what it used and drops the rest when it ends ([`ClaimCache::check_done`]),
/// so the cache holds one brief's claims whatever is typed.
#[derive(Debug, Default)]
pub struct ClaimCache {
    kept: Mutex<Generations>,
}

#[derive(Debug, Default)]
struct Generations {
    last: FxHashMap<Arc<Read>, Arc<[Claim]>>,
    this: FxHashMap<Arc<Read>, Arc<[Claim]>>,
}

impl ClaimCache {
    pub fn new() -> ClaimCache {
        ClaimCache::default()
    }

    /// How many sections' claims it holds.
    pub fn len(&self) -> usize {
        self.kept.lock().map_or(0, |g| g.last.len().max(g.this.len()))
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The claims of section `si`, read by `read` unless kept, appended to `out`
    /// with their section index set to `si`.
    pub(super) fn section(
        &self,
        si: usize,
        s: &SectionView,
        scope: usize,
        titles: &TitleScope,
        read: impl FnOnce() -> Vec<Claim>,
        out: &mut Vec<Claim>,
    ) {
        let key = Read { title: s.title.to_string(), body: s.body.to_string(), scope, titles: *titles };
        let hit = self.kept.lock().ok().and_then(|mut g| {
            let (k, v) = match g.this.get_key_value(&key) {
                Some((k, v)) => (k.clone(), v.clone()),
                None => {
                    let (k, v) = g.last.get_key_value(&key)?;
                    (k.clone(), v.clone())
                }
            };
            g.this.insert(k, v.clone());
            Some(v)
        });
        let claims = hit.unwrap_or_else(|| {
            let fresh: Arc<[Claim]> = read().into();
            if let Ok(mut g) = self.kept.lock() {
                g.this.insert(Arc::new(key), fresh.clone());
            }
            fresh
        });
        out.extend(claims.iter().map(|c| Claim { section: si, ..c.clone() }));
    }

    /// A check has read every section: what it did not use goes.
    pub(super) fn check_done(&self) {
        if let Ok(mut g) = self.kept.lock() {
            g.last = std::mem::take(&mut g.this);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{Context, Env};
    use crate::model::{Brief, Role};

    fn brief(bodies: &[(&str, &str)]) -> Brief {
        let mut b = Brief::default();
        for (title, body) in bodies {
            let s = b.new_section(Role::Custom, *title, *body);
            b.sections.push(s);
        }
        b
    }

    fn claims(b: &Brief, env: &Env) -> String {
        format!("{:?}", Context::new(b, env).claims.all)
    }

    #[test]
    fn kept_claims_are_the_claims_read_afresh() {
        let kept = Env { claims: Some(Arc::new(ClaimCache::new())), ..Env::default() };
        let plain = Env::default();
        let mut b = brief(&[
            ("2023年工作回顾", "全县脱贫户1860户，其中易地搬迁620户。县总工会投入帮扶资金760万元。"),
            ("产业发展", "梅坳镇冷链物流园项目总投资5600万元，建成冷库12座。"),
            ("下一步计划", "明年计划新增就业岗位300个。"),
        ]);
        assert_eq!(claims(&b, &kept), claims(&b, &plain));
        assert_eq!(kept.claims.as_ref().map_or(0, |c| c.len()), 3);
        // A keystroke in one section; the others' claims come from the cache, at their places.
        b.sections[1].body.push_str("带动农户增收200万元。");
        assert_eq!(claims(&b, &kept), claims(&b, &plain));
        // A section inserted before the others moves their indexes.
        let s = b.new_section(Role::Custom, "概况", "全县总人口13340人。");
        b.sections.insert(0, s);
        assert_eq!(claims(&b, &kept), claims(&b, &plain));
        // A title that changes the time of its section's claims.
        b.sections[1].title = "2022年工作回顾".into();
        assert_eq!(claims(&b, &kept), claims(&b, &plain));
        // What the last check did not use is gone: one brief's sections, not every edit's.
        assert_eq!(kept.claims.as_ref().map_or(0, |c| c.len()), 4);
    }
}
