// Preloaded with --import: prints the process's peak resident memory (KiB) to stderr at exit.
process.on("exit", () => process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS}\n`));
