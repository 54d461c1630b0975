import type { VideoEvent as ContractVideoEvent, VIDEO_EVENT_TYPES } from "@sketchreel/contract";
import { describe, expectTypeOf, it } from "vitest";
import type { VideoEvent, VideoEventType } from "./types.js";

// VideoEvent is not an OpenAPI component (it travels in SSE and webhooks), so the SDK declares it;
// these checks fail the type check if the contract's shape drifts.
describe("hand-declared event types match the contract", () => {
  it("VideoEventType is the contract's VIDEO_EVENT_TYPES", () => {
    expectTypeOf<VideoEventType>().toEqualTypeOf<(typeof VIDEO_EVENT_TYPES)[number]>();
  });

  it("a contract VideoEvent is an SDK VideoEvent", () => {
    expectTypeOf<ContractVideoEvent>().toExtend<VideoEvent>();
    expectTypeOf<keyof VideoEvent>().toEqualTypeOf<keyof ContractVideoEvent>();
  });
});
