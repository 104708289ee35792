//! Each subcommand to the module that runs it.

use hoidong::demo;
use hoidong::i18n::Lang;

use crate::cli::args::{Cli, Command};
use crate::cli::database::{self, Access};

pub fn run(cli: Cli, lang: Lang) -> anyhow::Result<()> {
    let safety_lang = lang;
    match cli.command {
        Some(Command::Init { path, demo: true }) => {
            let mut store = database::open(Some(&path), Access::CreateNew)?;
            demo::populate(&mut store, demo::demo_spec())?;
            match lang {
                Lang::Vi => println!("đã ghi cơ sở dữ liệu mẫu vào {}", path.display()),
                Lang::En => println!("demo database written to {}", path.display()),
            }
        }
        Some(Command::Init { path, demo: false }) => {
            drop(database::open(Some(&path), Access::CreateNew)?);
            let shown = path.display();
            match lang {
                Lang::Vi => println!(
                    "đã tạo cơ sở dữ liệu mới {shown} (chỉ có danh mục khen thưởng và quy tắc mặc định; chưa có phong trào); lần đầu mở giao diện `hoidong --db {shown}` sẽ hướng dẫn thiết lập đơn vị, hội đồng và thành viên (hoặc dùng lệnh `hoidong --db {shown} ward set …`, `council new …`)"
                ),
                Lang::En => println!(
                    "new database written to {shown} (the award catalogue and default rules only; no movement yet); the first `hoidong --db {shown}` opens the interface with a walk-through to set up the ward, the council and its members (or use `hoidong --db {shown} ward set …`, `council new …`)"
                ),
            }
        }
        Some(Command::Demo { path }) => {
            let mut store = database::open(Some(&path), Access::CreateNew)?;
            demo::populate(&mut store, demo::demo_spec())?;
            match lang {
                Lang::Vi => println!("đã ghi cơ sở dữ liệu mẫu vào {}", path.display()),
                Lang::En => println!("demo database written to {}", path.display()),
            }
        }
        Some(Command::Gen {
            path,
            nominations,
            seed,
        }) => {
            let mut store = database::open(Some(&path), Access::CreateNew)?;
            demo::populate(
                &mut store,
                demo::Spec {
                    nominations,
                    seed,
                    audited: false,
                },
            )?;
            match lang {
                Lang::Vi => println!("đã ghi {nominations} hồ sơ đề nghị vào {}", path.display()),
                Lang::En => println!("{nominations} nominations written to {}", path.display()),
            }
        }
        Some(Command::Import(cmd)) => {
            crate::cli::import::run_import(cmd, cli.db.as_deref(), cli.lang.as_deref())?
        }
        Some(Command::Export(cmd)) => crate::cli::export::run_export(cmd, cli.db.as_deref(), lang)?,
        Some(Command::Awards(c)) => crate::cli::awards::run(cli.db, cli.lang.as_deref(), c)?,
        Some(Command::Minutes(args)) => crate::cli::print::minutes(cli.db, args, lang)?,
        Some(Command::Sign(args)) => crate::cli::print::sign(cli.db, args, lang)?,
        Some(Command::Print(args)) => crate::cli::print::print_command(cli.db, args, lang)?,
        Some(Command::Check { anchor }) => crate::cli::safety::run_check(
            cli.db,
            anchor.as_deref(),
            crate::cli::safety::lang_of(cli.lang.as_deref()),
        )?,
        Some(Command::Anchor) => crate::cli::safety::run_anchor(
            cli.db,
            crate::cli::safety::lang_of(cli.lang.as_deref()),
        )?,
        Some(Command::Reindex) => crate::cli::safety::run_reindex(
            cli.db,
            crate::cli::safety::lang_of(cli.lang.as_deref()),
        )?,
        Some(Command::Backup { file }) => {
            crate::cli::safety::run_backup(cli.db, &file, safety_lang)?
        }
        Some(Command::Restore { file, force }) => {
            crate::cli::safety::run_restore(cli.db, &file, force, safety_lang)?
        }
        Some(Command::Exercise {
            seed,
            count,
            step,
            hold,
        }) => crate::cli::safety::run_exercise(cli.db, seed, count, step, hold)?,
        Some(Command::Ward { command }) => {
            crate::cli::council::run_ward(cli.db.as_deref(), &command, lang)?
        }
        Some(Command::Council { command }) => {
            crate::cli::council::run_council(cli.db.as_deref(), &command, lang)?
        }
        Some(Command::Movement { command }) => {
            crate::cli::movement::run(cli.db.as_deref(), &command, lang)?
        }
        Some(Command::Rules { command }) => {
            crate::cli::rules::run(cli.db.as_deref(), &command, lang)?
        }
        Some(Command::Decision { command }) => crate::cli::decision::run(cli.db, lang, command)?,
        Some(Command::Certificates(args)) => crate::cli::certificates::run(cli.db, lang, args)?,
        Some(Command::Meetings) => crate::cli::meeting::list(cli.db.as_deref(), lang)?,
        Some(Command::Report(args)) => crate::cli::report::run(cli.db, lang, args)?,
        Some(Command::Submission { command }) => {
            crate::cli::submission::run(cli.db, lang, command)?
        }
        Some(Command::Meeting { command }) => {
            crate::cli::meeting::run(cli.db.as_deref(), &command, lang)?
        }
        None => hoidong::tui::launch::run(cli.db, cli.lang.as_deref())?,
    }
    Ok(())
}
