//! The `tailor` binary: parse arguments, run, print errors, map exit codes.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = tailor::cli::Cli::parse();
    tailor::files::clean_up_on_interrupt();
    match tailor::app::run(cli) {
        Ok(code) => code.into(),
        Err(err) => {
            if tailor::exit::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            // Errors quote file names and posting text: printed inert. An
            // unwritable standard error loses the message, not the code.
            let message = tailor::report::printable(&format!("{err:#}")).into_owned();
            let message = tailor::color::error_message(&message, tailor::color::stderr());
            let _ = writeln!(std::io::stderr(), "{message}");
            ExitCode::from(2)
        }
    }
}
