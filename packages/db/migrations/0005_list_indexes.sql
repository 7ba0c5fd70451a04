-- Lists, search and export (apps/server/src/clues/list-*.ts, cases/list-*.ts): trigram GIN indexes
-- serve free text (ILIKE '%…%' and the word-similarity operator <%); btree ones the department
-- and stage filters in date order. pg_trgm comes from 0003.
CREATE INDEX "cases_department_opened_idx" ON "cases" USING btree ("department_id","opened_at");--> statement-breakpoint
CREATE INDEX "cases_stage_idx" ON "cases" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "cases_title_trgm_idx" ON "cases" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_case_number_trgm_idx" ON "cases" USING gin ("case_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "clue_parties_name_trgm_idx" ON "clue_parties" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "clues_department_received_idx" ON "clues" USING btree ("department_id","received_at");--> statement-breakpoint
CREATE INDEX "clues_title_trgm_idx" ON "clues" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "clues_description_trgm_idx" ON "clues" USING gin ("description" gin_trgm_ops);