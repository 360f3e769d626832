// Preloaded with --import: prints the process's peak resident memory (KiB) and its CPU time (user
// plus system, ms) to stderr at exit.
process.on("exit", () => {
  const usage = process.resourceUsage();
  process.stderr.write(
    `\nmaxRSS ${usage.maxRSS}\ncpuMs ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`,
  );
});
