// The VitePress configuration of the test site: the example repository's pages as journeymap writes them.
export default { title: "FreshCart journeys", lang: "en", themeConfig: { sidebar: [] } };
