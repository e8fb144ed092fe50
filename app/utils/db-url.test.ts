import { parseDatabaseUrl } from "~/utils/db-url.server";

describe("parseDatabaseUrl", () => {
  it("defaults to the public schema and leaves the URL alone", () => {
    const r = parseDatabaseUrl("postgresql://postgres@127.0.0.1:5432/test");
    expect(r.schema).toBe("public");
    expect(r.connectionString).toBe("postgresql://postgres@127.0.0.1:5432/test");
  });

  it("turns ?schema= into a search_path for pg", () => {
    const r = parseDatabaseUrl("postgresql://postgres@127.0.0.1:5432/test?schema=eh_test_1");
    expect(r.schema).toBe("eh_test_1");
    const url = new URL(r.connectionString);
    expect(url.searchParams.get("schema")).toBeNull();
    expect(url.searchParams.get("options")).toBe("-c search_path=eh_test_1");
  });

  it("refuses a schema name that could inject SQL", () => {
    expect(() => parseDatabaseUrl('postgresql://h/db?schema=x";drop')).toThrow(/Invalid schema/);
  });

  it("reads connection_limit as the pool size and keeps it out of the connection string", () => {
    expect(parseDatabaseUrl("postgresql://h/db").poolMax).toBe(10);
    const r = parseDatabaseUrl("postgresql://h/db?sslmode=disable&connection_limit=1");
    expect(r.poolMax).toBe(1);
    expect(new URL(r.connectionString).searchParams.get("connection_limit")).toBeNull();
    expect(() => parseDatabaseUrl("postgresql://h/db?connection_limit=0")).toThrow(/connection_limit/);
  });
});
