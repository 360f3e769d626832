// Preloaded by a test (node --import) to move the clock of a CLI run: Date reads MOVED_CLOCK (an ISO
// time), and goes on ticking from there, as on a machine whose clock says that day. No effect unset.
const at = Date.parse(process.env.MOVED_CLOCK ?? "");
if (!Number.isNaN(at)) {
  const Real = Date;
  const offset = at - Real.now();
  class Moved extends Real {
    constructor(...args) {
      if (args.length === 0) super(Real.now() + offset);
      else super(...args);
    }
    static now() {
      return Real.now() + offset;
    }
  }
  globalThis.Date = Moved;
}
