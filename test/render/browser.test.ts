// Finding the system's browser: the order of --browser and the environment variables, and the usual
// install places on Linux, macOS and Windows.
import { describe, expect, it } from "vitest";
import { findBrowser, usualBrowserPlaces } from "../../src/render/browser.js";

// Any existing file stands in for a browser binary here: nothing is launched.
const EXISTING = process.execPath;
const MISSING = "/nonexistent/chrome";

describe("findBrowser", () => {
  it("prefers --browser, then PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH", () => {
    expect(findBrowser(EXISTING, { PUPPETEER_EXECUTABLE_PATH: MISSING, CHROME_PATH: MISSING })).toBe(EXISTING);
    expect(findBrowser(undefined, { PUPPETEER_EXECUTABLE_PATH: EXISTING, CHROME_PATH: MISSING })).toBe(EXISTING);
    expect(findBrowser(undefined, { CHROME_PATH: EXISTING })).toBe(EXISTING);
  });

  it("never replaces a browser that was asked for and is missing by another one", () => {
    expect(findBrowser(MISSING, { CHROME_PATH: EXISTING })).toBeUndefined();
    expect(findBrowser(undefined, { PUPPETEER_EXECUTABLE_PATH: MISSING, CHROME_PATH: EXISTING })).toBeUndefined();
  });
});

describe("usualBrowserPlaces", () => {
  it("knows Chromium, Chrome and Edge on Linux", () => {
    const places = usualBrowserPlaces("linux", {});
    expect(places[0]).toBe("/usr/bin/chromium");
    expect(places).toEqual(
      expect.arrayContaining(["/usr/bin/google-chrome", "/snap/bin/chromium", "/usr/bin/microsoft-edge"]),
    );
  });

  it("knows the applications folders on macOS, the user's too", () => {
    expect(usualBrowserPlaces("darwin", {}, "/Users/dana")).toEqual(
      expect.arrayContaining([
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Users/dana/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
      ]),
    );
  });

  it("looks under Program Files and the user's local programs on Windows", () => {
    const env = {
      PROGRAMFILES: "C:\\Program Files",
      "PROGRAMFILES(X86)": "C:\\Program Files (x86)",
      LOCALAPPDATA: "C:\\Users\\dana\\AppData\\Local",
    };
    expect(usualBrowserPlaces("win32", env)).toEqual(
      expect.arrayContaining([
        "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
        "C:\\Users\\dana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe",
        "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
      ]),
    );
    expect(usualBrowserPlaces("win32", {})).toEqual([]);
  });
});
