import { summaryFromForm } from "~/components/ui/error-summary";

describe("summaryFromForm", () => {
  it("puts form-level errors first and links each field error to its Conform id", () => {
    const entries = summaryFromForm(
      { id: "user", allErrors: { email: ["e.email"], user: ["e.form"], "roles[0]": ["e.role"] } },
      (k) => k.toUpperCase(),
    );
    expect(entries).toEqual([
      { fieldId: undefined, message: "E.FORM" },
      { fieldId: "user-email", message: "E.EMAIL" },
      { fieldId: "user-roles", message: "E.ROLE" },
    ]);
  });
});
