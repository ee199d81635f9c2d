// report/: what remains of the renderers organised by view before issue #21 — diff (text, json,
// md) and the issue list. They move to views/ + render/ one by one;
// until then they sit at the render layer.
// May import: money/, model/, engine/, diff/, views/, render/.
export {};
