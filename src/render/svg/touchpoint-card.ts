// The touchpoint lane: a card per touchpoint with its name, description, channel, owner (flagged when
// missing or not a declared team), personas and the map it details; then any other text field the
// field registry puts on the card, as "Label: value".
import { touchpointFields, textOf } from "../../journey/fields.js";
import { ownerLabel, ownershipOf } from "../../journey/queries.js";
import { nameList } from "../../text/name-list.js";
import { BODY_BOLD, PAD, SMALL, SMALL_BOLD, evenRow } from "./column.js";
import type { Box } from "./geometry.js";
import type { Lane } from "./lane.js";
import { isGhost, touchpointCard } from "./card.js";

/** The fields this file draws by name; the registry's other card fields are drawn as "Label: value". */
const DRAWN = new Set(["id", "name", "description", "details", "channel", "owner", "personas"]);

export const touchpointLane: Lane = {
  label: "Touchpoints",
  filled: ({ touchpoints }) => touchpoints.length > 0,
  layout(layout, context, { name, surface, top, minHeight }) {
    const { journey, linker } = context;
    const personas = journey.personas;
    const more = touchpointFields().filter((field) => field.lane === "card" && !DRAWN.has(field.key));
    const cards: Box[] = [];
    for (const slot of context.touchpoints) {
      const id = `t${slot.index + 1}-${name}`;
      const { touchpoint, members } = slot;
      const text = touchpointCard(layout, context, slot, id, top, "header");
      text.field("name", touchpoint.name, BODY_BOLD);
      if (touchpoint.description) text.field("description", touchpoint.description, SMALL, "muted");
      text.space(4);
      if (touchpoint.channel) text.field("channel", `Channel: ${touchpoint.channel}`, SMALL, "muted");
      const card: Box = { id, surface, x: slot.x, y: top, width: slot.width, height: 0 };
      // A removed touchpoint, drawn where it was, has no owner to check in this version.
      const ownership = isGhost(context, slot.index) ? undefined : ownershipOf(journey, touchpoint);
      if (ownership?.status === "owned") {
        text.field("owner", `Owner: ${ownerLabel(ownership)!}`, SMALL, "muted");
      } else if (ownership?.status === "unknown") {
        // As lint's unknown-owner rule: an owner nobody declared is as much a gap as no owner.
        card.unknownOwner = true;
        text.field("owner", `⚠ Owner ${ownership.owner} is not a declared team`, SMALL_BOLD, "warning");
      } else if (ownership) {
        card.missingOwner = true;
        text.field("owner", "⚠ No owner", SMALL_BOLD, "warning");
      }
      for (const field of more) {
        const value = textOf(touchpoint, field.key);
        if (value) text.field(field.key, `${field.label}: ${value}`, SMALL, "muted");
      }
      if (members && personas.length > 1) {
        const names = nameList(members.map((p) => personas[p]!.name));
        text.field("personas", `For: ${names || "no known persona"}`, SMALL, "muted");
      }
      const detail = touchpoint.details === undefined ? undefined : linker?.(touchpoint.details);
      if (detail) {
        text.paragraph(`→ ${detail.title}`, SMALL_BOLD, "muted");
        layout.links.push({ box: id, href: detail.href });
      }
      text.close(card);
      card.height = text.y + PAD - top;
      cards.push(card);
      layout.boxes.push(card);
    }
    return evenRow(cards, minHeight);
  },
};
