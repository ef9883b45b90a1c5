use std::process::ExitCode;

fn main() -> ExitCode {
    govgraph::cli::main()
}
