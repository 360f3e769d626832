// A CommonJS file: puppeteer reads its configuration with require().
// Never download a browser on install: journeymap drives the system's Chromium
// (see src/render/browser.ts for how it is found).
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  "chrome-headless-shell": { skipDownload: true },
  firefox: { skipDownload: true },
};
