import { describe, expect, it, vi } from "vitest";
import { HEAP_GROWING_PERCENT, tuneHeap } from "../../src/server/tune-heap.js";

describe("the App's heap growing factor", () => {
  it("is set when the operator chose none", () => {
    const setFlags = vi.fn();

    expect(tuneHeap(["--enable-source-maps"], setFlags)).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(setFlags).toHaveBeenCalledWith("--heap-growing-percent=50");
  });

  it.each([["--heap-growing-percent=20"], ["--heap_growing_percent=20"]])("leaves the operator's %s", (flag) => {
    const setFlags = vi.fn();

    expect(tuneHeap([flag], setFlags)).toBeUndefined();
    expect(setFlags).not.toHaveBeenCalled();
  });
});
