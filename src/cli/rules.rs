use super::{Outcome, RulesArgs, print};
use crate::checks::{rule, rules::ALL};

pub fn run(args: RulesArgs) -> anyhow::Result<Outcome> {
    match args.id {
        Some(id) => {
            let r = rule(&id).ok_or_else(|| anyhow::anyhow!("no rule '{id}'; `briefdesk rules` lists them"))?;
            print(&r.doc().render())?;
        }
        None => {
            let mut out = String::new();
            for r in ALL {
                let d = r.doc();
                out.push_str(&format!("{}  {:<8} {:<30} {}\n", d.id, d.severity.as_str(), d.name, d.title_zh));
            }
            print(&out)?;
        }
    }
    Ok(Outcome::Clean)
}
