import { describe, expect, it } from "vitest";
import { likeLiteral } from "./like";

describe("likeLiteral", () => {
  it("escapes LIKE wildcards and the escape character itself", () => {
    expect(likeLiteral("EH-%")).toBe("EH-\\%");
    expect(likeLiteral("a_b")).toBe("a\\_b");
    expect(likeLiteral("ends with \\")).toBe("ends with \\\\");
    expect(likeLiteral("آمنه O'Neil")).toBe("آمنه O'Neil");
  });
});
