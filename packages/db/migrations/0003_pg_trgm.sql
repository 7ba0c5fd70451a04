-- Trigram similarity for Chinese text (duplicate clues: same organisation, similar description).
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it. PGlite loads
-- it in connection.ts. Trigrams of CJK characters need a UTF-8 ctype (C.UTF-8, zh_CN.UTF-8, …).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
