// The folder rules of src/, checked by dependency-cruiser in `npm run lint`: each folder may import only
// the folders of the layers below it (and those named beside it), so the arrows of the architecture
// point one way (ARCHITECTURE.md, "Layers"). No file takes part in an import cycle.
/** Bottom to top. A folder may import its own layer's `may` folders and every folder of a lower layer. */
const LAYERS = [
  { folders: ["text", "validators"], root: ["diagnostic", "errors", "version"] },
  { folders: ["journey"] },
  { folders: ["io"] },
  { folders: ["workspace"] },
  { folders: ["report"] },
  { folders: ["lint"] },
  { folders: ["data"] },
  { folders: ["backlog"] },
  { folders: ["render"] },
  { folders: ["diff"] },
  { folders: ["import"] },
  { folders: ["cli"], root: ["index"] },
];

const pathsOf = (layer) => [
  ...layer.folders.map((folder) => `^src/${folder}/`),
  ...(layer.root ?? []).map((file) => `^src/${file}\\.ts$`),
];

const layerRules = LAYERS.flatMap((layer, index) => {
  const above = LAYERS.slice(index + 1).flatMap(pathsOf);
  if (above.length === 0) return [];
  return pathsOf(layer).map((from) => ({
    name: `layer:${from.replace(/^\^src\/|\/$|\\\.ts\$$/g, "")}`,
    comment: `${from} is below ${above.join(", ")} (see ARCHITECTURE.md, "Layers")`,
    severity: "error",
    from: { path: from },
    to: { path: above.join("|") },
  }));
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "An import cycle: the modules in it can only be read together. Move what both need into a lower module.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    moduleSystems: ["es6", "cjs"],
    exclude: { path: "^src/validators/.*\\.generated\\.ts$" },
  },
};
