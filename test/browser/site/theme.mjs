// The test site's theme: VitePress's default, plus Mermaid drawing each ```mermaid fence in the browser (as
// vitepress-plugin-mermaid does), in its own scrolling box so the diagram keeps a readable size.
/* global document */
import DefaultTheme from "vitepress/theme";
import { nextTick, onMounted, watch } from "vue";
import { useRoute } from "vitepress";
export default {
  extends: DefaultTheme,
  setup() {
    const route = useRoute();
    const draw = async () => {
      await nextTick();
      const blocks = document.querySelectorAll("div.language-mermaid");
      if (blocks.length === 0) return;
      const { default: mermaid } = await import("mermaid");
      mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
      for (const [i, block] of [...blocks].entries()) {
        const { svg } = await mermaid.render(`journey-${i}`, block.querySelector("code").textContent);
        const figure = document.createElement("div");
        figure.className = "mermaid";
        figure.style.overflowX = "auto";
        figure.innerHTML = svg;
        block.replaceWith(figure);
      }
      document.documentElement.dataset.mermaid = "done";
    };
    onMounted(draw);
    watch(() => route.path, draw);
  },
};
