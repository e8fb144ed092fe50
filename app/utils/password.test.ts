import { checkPassword, generateTemporaryPassword, MIN_PASSWORD_LENGTH } from "~/utils/password";

describe("password rules", () => {
  it("wants length, not complexity", () => {
    expect(checkPassword("short")).toBe("password.errors.tooShort");
    expect(checkPassword("a".repeat(MIN_PASSWORD_LENGTH - 1) + "b")).toBeNull();
    expect(checkPassword("three random words here")).toBeNull();
    expect(checkPassword("x".repeat(257))).toBe("password.errors.tooLong");
  });

  it("counts characters, not bytes, so Dari passwords are judged fairly", () => {
    expect(checkPassword("کتاب خانه باغ")).toBeNull();
    expect(checkPassword("کتاب")).toBe("password.errors.tooShort");
  });

  it("refuses common and guessable passwords, whatever the case or punctuation", () => {
    expect(checkPassword("Password1234")).toBe("password.errors.common");
    expect(checkPassword("early-help-demo")).toBe("password.errors.common");
    expect(checkPassword("Early Help 2026")).toBe("password.errors.common");
    expect(checkPassword("aaaaaaaaaaaaaa")).toBe("password.errors.repetitive");
    expect(checkPassword("abcabcabcabcabc")).toBe("password.errors.repetitive");
  });

  it("refuses passwords made from the person's own name or email", () => {
    const person = { email: "priya.shah@council.example", name: "Priya Shah" };
    expect(checkPassword("priyashah123!", person)).toBe("password.errors.personal");
    expect(checkPassword("Priya.Shah2026", person)).toBe("password.errors.personal");
    expect(checkPassword("shah mango river lantern", person)).toBeNull();
  });

  it("generates temporary passwords that pass the rules and differ each time", () => {
    const a = generateTemporaryPassword();
    const b = generateTemporaryPassword();
    expect(checkPassword(a)).toBeNull();
    expect(a).not.toBe(b);
  });
});
