import { Hono } from "hono";

/** The baseline: a bare Hono route with no middleware, no bindings. */
const app = new Hono();
app.get("/", (c) => c.json({ ok: true }));

export default app;
