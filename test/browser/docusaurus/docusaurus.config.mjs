// The Docusaurus site of the CI check (test/browser/docusaurus.test.ts): the classic preset, docs only at
// /docs/ (the default), every broken link a build error, no Mermaid and nothing fetched from the network
// (no Algolia, no analytics, no remote fonts).
export default {
  title: "FreshCart journeys",
  url: "http://127.0.0.1",
  baseUrl: "/",
  onBrokenLinks: "throw",
  onBrokenAnchors: "throw",
  onDuplicateRoutes: "throw",
  markdown: { mermaid: false, hooks: { onBrokenMarkdownLinks: "throw" } },
  i18n: { defaultLocale: "en", locales: ["en"] },
  presets: [
    [
      "classic",
      {
        docs: { sidebarPath: undefined },
        blog: false,
        pages: false,
        theme: {},
      },
    ],
  ],
  // The docs are the whole site: the navbar's logo leads to their index (the default, "/", has no page).
  themeConfig: {
    navbar: { title: "FreshCart journeys", logo: { alt: "", src: "img/logo.svg", href: "/docs/" }, items: [] },
    colorMode: { disableSwitch: true },
  },
};
