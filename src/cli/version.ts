// journeymap's version for the commands (read once, in src/version.ts, where the rules' links read it too).
export { PACKAGE_VERSION } from "../version.js";
