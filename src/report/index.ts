// report/: what remains of the renderers organised by view before issue #21 — diff (text, json,
// md). It moves to views/ + render/ next; until then it sits at the render layer.
// May import: money/, model/, engine/, diff/, views/, render/.
export {};
