// Issue 9: the install a new user gets (packed tarball into an empty project, npm 11 and npm 10): size,
// packages, time, install scripts, and the README's first command. Same code as scripts/check-install.mjs.
import { checkInstall, npmClients, packTarball } from "../scripts/check-install.mjs";

export function run({ work }) {
  const { tarball } = packTarball(work);
  return npmClients().flatMap((client) => checkInstall({ work, tarball, ...client }));
}
