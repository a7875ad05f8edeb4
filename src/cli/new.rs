use std::path::PathBuf;

use anyhow::Context;

use super::{Outcome, check_overwrite};
use crate::model::{Taxonomy, Template};

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Template: brief (市情研究/调研报告), feature (新闻综述) or roundup (工作动态).
    #[arg(long, short, default_value = "brief", value_parser = ["brief", "feature", "roundup"])]
    pub template: String,
    /// Aid-mode taxonomy: a preset (union-six, six-areas) or a .ron file.
    #[arg(long, default_value = "union-six")]
    pub taxonomy: String,
    /// Where to write the brief (.ron or .md).
    #[arg(long, short)]
    pub output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: NewArgs) -> anyhow::Result<Outcome> {
    let template = Template::from_key(&args.template)
        .with_context(|| format!("unknown template '{}'; use brief, feature or roundup", args.template))?;
    let taxonomy = if args.taxonomy.ends_with(".ron") {
        let path = PathBuf::from(&args.taxonomy);
        let text = crate::store::read_text(&path)?;
        Taxonomy::from_ron(&text).with_context(|| format!("cannot use the taxonomy file: {}", path.display()))?
    } else {
        Taxonomy::preset(&args.taxonomy)?
    };
    check_overwrite(&args.output, args.force)?;
    let brief = template.build(taxonomy);
    if args.force && std::fs::symlink_metadata(&args.output).is_ok() {
        crate::format::save(&args.output, &brief)?;
    } else {
        crate::format::save_new(&args.output, &brief)?;
    }
    Ok(Outcome::Clean)
}
