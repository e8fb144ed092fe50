-- Trigram matching for family search (ILIKE '%…%'). Installed in pg_catalog, which is on
-- every search_path, so each schema of a shared database (tests, several councils) can
-- name gin_trgm_ops; where that needs rights the role lacks (managed PostgreSQL), it
-- goes into this schema instead. The embedded PGlite loads the module at start.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA pg_catalog;
EXCEPTION WHEN insufficient_privilege THEN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
END
$$;

-- CreateIndex
CREATE INDEX "Family_teamId_updatedAt_idx" ON "Family"("teamId", "updatedAt");

-- CreateIndex
CREATE INDEX "Family_name_trgm_idx" ON "Family" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Family_reference_trgm_idx" ON "Family" USING GIN ("reference" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "FamilyMember_firstName_trgm_idx" ON "FamilyMember" USING GIN ("firstName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "FamilyMember_lastName_trgm_idx" ON "FamilyMember" USING GIN ("lastName" gin_trgm_ops);
