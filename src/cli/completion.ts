// `journeymap completion bash|zsh|fish`: a shell completion script derived from the program itself: its
// commands, options and arguments from commander, the values of --format and the like from the registries
// that the commands check them against, so a new command, option or format completes without an edit here.
import { Argument, type Command, type Option } from "commander";
import { JourneymapError } from "../errors.js";
import { examples } from "./options.js";
import { PACKAGE_VERSION } from "./version.js";
import { stdout } from "../io/standard-streams.js";

const SHELLS = ["bash", "zsh", "fish"] as const;
type Shell = (typeof SHELLS)[number];

/** What a word completes to: fixed words, map files and folders, any file, or nothing (a value of your own). */
type Completion = { words: readonly string[] } | "maps" | "files" | "none";

interface OptionSpec {
  flags: string[];
  description: string;
  value: Completion | undefined; // undefined: the option takes no value
}

interface CommandSpec {
  /** The words that name the command ("" for journeymap itself, "data pull" for a subcommand). */
  path: string;
  description: string;
  options: OptionSpec[];
  subcommands: { name: string; description: string }[];
  operands: Completion;
}

/** The values of the options that take one of a list, by "<command path> <long option>", from the same
 * registries the commands check them against (the completion test compares each with the command's
 * "use one of" message). */
async function optionValues(): Promise<Record<string, readonly string[]>> {
  const [reports, render, diff, themes, validate, diffCommand] = await Promise.all([
    import("../report/index.js"),
    import("../render/formats.js"),
    import("../diff/formats.js"),
    import("../render/svg/themes.js"),
    import("./validate.js"),
    import("./diff.js"),
  ]);
  const themeNames = Object.keys(themes.THEMES);
  return {
    "validate --format": validate.VALIDATE_FORMATS,
    "lint --format": reports.reportFormatNames,
    "rules --format": ["text", "json"],
    "render --format": render.FORMAT_NAMES,
    "render --engine": render.ENGINE_NAMES,
    "render --theme": themeNames,
    "diff --format": diff.diffFormatNames,
    "diff --theme": themeNames,
    "diff --fail-on": diffCommand.FAIL_CONDITIONS,
  };
}

/** An option's value: a list when the registries know one, a file for `<file>`, `<path>` and `<map>`. */
function valueOf(option: Option, values: Record<string, readonly string[]>, path: string): Completion | undefined {
  if (!option.required && !option.optional) return undefined;
  const listed = option.long ? values[`${path} ${option.long}`] : undefined;
  if (listed) return { words: listed };
  return /<(file|path|map)>|\[(file|path|map)\]/.test(option.flags) ? "files" : "none";
}

function operandsOf(command: Command): Completion {
  const [first] = command.registeredArguments;
  if (first === undefined) return "none";
  if (first.argChoices) return { words: first.argChoices };
  return first.name() === "paths" ? "maps" : "files";
}

/** Every command of `program` (itself first), with what each word after it completes to. */
async function specOf(program: Command): Promise<CommandSpec[]> {
  const values = await optionValues();
  const specs: CommandSpec[] = [];
  const used = new Set<string>();
  const walk = (command: Command, path: string) => {
    const options: OptionSpec[] = command.options.map((option) => {
      if (option.long) used.add(`${path} ${option.long}`);
      return {
        flags: [option.short, option.long].filter((flag): flag is string => flag !== undefined),
        description: option.description,
        value: valueOf(option, values, path),
      };
    });
    options.push({ flags: ["-h", "--help"], description: "display help", value: undefined });
    specs.push({
      path,
      description: command.description(),
      options,
      subcommands: command.commands.map((sub) => ({ name: sub.name(), description: sub.description() })),
      operands: operandsOf(command),
    });
    for (const sub of command.commands) walk(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  walk(program, "");
  // A renamed option or command would otherwise lose its values silently.
  for (const key of Object.keys(values)) {
    if (!used.has(key)) throw new Error(`completion: no option "${key}" in the program`);
  }
  return specs;
}

/** A word list for a shell's double-quoted string: the words are ids and flags, never quotes. */
function wordList(words: readonly string[]): string {
  return words.join(" ");
}

function bashCompletion(completion: Completion): string {
  if (completion === "maps") return "_journeymap_maps";
  if (completion === "files") return "_journeymap_files";
  if (completion === "none") return "COMPREPLY=()";
  return `_journeymap_words "${wordList(completion.words)}"`;
}

function bash(specs: CommandSpec[]): string {
  const paths = specs.filter((spec) => spec.path !== "").map((spec) => `"${spec.path}"`);
  const valueCases: string[] = [];
  const commandCases: string[] = [];
  for (const spec of specs) {
    for (const option of spec.options) {
      if (option.value === undefined) continue;
      const patterns = option.flags.map((flag) => `"${spec.path}|${flag}"`).join("|");
      valueCases.push(`    ${patterns}) ${bashCompletion(option.value)}; return 0 ;;`);
    }
    const flags = spec.options.flatMap((option) => option.flags);
    const operands = spec.subcommands.length > 0 ? { words: spec.subcommands.map((sub) => sub.name) } : spec.operands;
    commandCases.push(
      `    "${spec.path}")`,
      `      if [[ "$cur" == -* ]]; then _journeymap_words "${wordList(flags)}"; else ${bashCompletion(operands)}; fi ;;`,
    );
  }
  return `# journeymap ${PACKAGE_VERSION} completion for bash, made by \`journeymap completion bash\`.
# Load it in ~/.bashrc with: source <(journeymap completion bash)
# or save it as ~/.local/share/bash-completion/completions/journeymap

_journeymap_words() {
  local word
  COMPREPLY=()
  for word in $1; do
    if [[ "$word" == "$cur"* ]]; then COMPREPLY+=("$word"); fi
  done
}

_journeymap_files() {
  local entry
  COMPREPLY=()
  while IFS= read -r entry; do COMPREPLY+=("$entry"); done < <(compgen -f -- "$cur")
}

# Folders and *.journey.yaml / *.journey.yml files.
_journeymap_maps() {
  local entry
  COMPREPLY=()
  while IFS= read -r entry; do
    if [[ -d "$entry" || "$entry" == *.journey.yaml || "$entry" == *.journey.yml ]]; then COMPREPLY+=("$entry"); fi
  done < <(compgen -f -- "$cur")
}

_journeymap() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" path="" word i
  if ((COMP_CWORD > 0)); then prev="\${COMP_WORDS[COMP_CWORD - 1]}"; fi
  # The command (and subcommand) named so far: the words that extend a known command path.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case "\${path:+$path }$word" in
      ${paths.join("|")}) path="\${path:+$path }$word" ;;
    esac
  done
  case "$path|$prev" in
${valueCases.join("\n")}
  esac
  case "$path" in
${commandCases.join("\n")}
  esac
}

complete -o filenames -F _journeymap journeymap
`;
}

/** zsh runs the bash function through its bashcompinit layer: one completion logic for both shells. */
function zsh(specs: CommandSpec[]): string {
  return `#compdef journeymap
# journeymap ${PACKAGE_VERSION} completion for zsh, made by \`journeymap completion zsh\`.
# Load it in ~/.zshrc (after compinit) with: source <(journeymap completion zsh)
autoload -U +X bashcompinit && bashcompinit

${bash(specs)
  .split("\n")
  .filter((line) => !line.startsWith("# "))
  .join("\n")}`;
}

/** A fish single-quoted string. */
function fishQuoted(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function fish(specs: CommandSpec[]): string {
  const lines = [
    `# journeymap ${PACKAGE_VERSION} completion for fish, made by \`journeymap completion fish\`.`,
    "# Load it with: journeymap completion fish | source",
    "# or save it as ~/.config/fish/completions/journeymap.fish",
    "",
    '# The command path named so far ("", "lint", "data pull"), from the words before the cursor:',
    '# "$path $word" is " lint" for a first word, "data pull" for a second one.',
    "function __journeymap_path",
    "    set -l path",
    "    for word in (commandline -opc)[2..-1]",
    '        switch "$path $word"',
    ...specs
      .filter((spec) => spec.path !== "")
      .map((spec) => {
        const topLevel = !spec.path.includes(" ");
        return `            case ${fishQuoted(topLevel ? ` ${spec.path}` : spec.path)}\n                set path ${spec.path}`;
      }),
    "        end",
    "    end",
    '    echo (string join " " -- $path)',
    "end",
    "",
    "function __journeymap_in",
    '    test (__journeymap_path) = "$argv[1]"',
    "end",
    "",
    "# Folders and *.journey.yaml / *.journey.yml files.",
    "function __journeymap_maps",
    "    set -l token (commandline -ct)",
    "    for entry in $token*",
    "        if test -d $entry",
    "            echo $entry/",
    "        else if string match -qr '\\.journey\\.ya?ml$' -- $entry",
    "            echo $entry",
    "        end",
    "    end",
    "end",
    "",
    "complete -c journeymap -f",
  ];
  for (const spec of specs) {
    const when = `-n ${fishQuoted(`__journeymap_in ${fishQuoted(spec.path)}`)}`;
    for (const sub of spec.subcommands) {
      lines.push(`complete -c journeymap ${when} -a ${fishQuoted(sub.name)} -d ${fishQuoted(sub.description)}`);
    }
    if (spec.subcommands.length === 0) {
      const operands = spec.operands;
      if (operands === "maps") lines.push(`complete -c journeymap ${when} -a '(__journeymap_maps)'`);
      else if (operands === "files") lines.push(`complete -c journeymap ${when} -F`);
      else if (operands !== "none")
        lines.push(`complete -c journeymap ${when} -a ${fishQuoted(wordList(operands.words))}`);
    }
    for (const option of spec.options) {
      const names = option.flags
        .map((flag) => (flag.startsWith("--") ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`))
        .join(" ");
      let value = "";
      if (option.value === "files") value = " -r -F";
      else if (option.value === "maps") value = " -r -a '(__journeymap_maps)'";
      else if (option.value === "none") value = " -x";
      else if (option.value !== undefined) value = ` -x -a ${fishQuoted(wordList(option.value.words))}`;
      lines.push(`complete -c journeymap ${when} ${names}${value} -d ${fishQuoted(option.description)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

const SCRIPTS = { bash, zsh, fish } satisfies Record<Shell, (specs: CommandSpec[]) => string>;

/** `whole` builds the program with every command registered (program.ts passes it: completion lists the
 * commands, and the program lists completion). */
export function registerCompletion(program: Command, whole: () => Promise<Command>): void {
  program
    .command("completion")
    .description("print a shell completion script (bash, zsh or fish) for journeymap's commands, options and maps")
    .addArgument(new Argument("<shell>", "bash, zsh or fish").choices(SHELLS))
    .addHelpText(
      "after",
      examples(
        "$ source <(journeymap completion bash)                 # in ~/.bashrc",
        "$ source <(journeymap completion zsh)                  # in ~/.zshrc, after compinit",
        "$ journeymap completion fish > ~/.config/fish/completions/journeymap.fish",
      ),
    )
    .action(async (shell: Shell) => {
      // The whole program, every command registered (this run registered only `completion`).
      const make = SCRIPTS[shell];
      if (!make) throw new JourneymapError(`unknown shell "${shell}": use bash, zsh or fish`);
      stdout.write(make(await specOf(await whole())));
    });
}
