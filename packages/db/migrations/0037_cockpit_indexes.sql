CREATE INDEX "case_events_kind_at_idx" ON "case_events" USING btree ("kind","at");--> statement-breakpoint
CREATE INDEX "case_outcomes_created_at_idx" ON "case_outcomes" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "suggestions_issued_at_idx" ON "suggestions" USING btree ("issued_at");--> statement-breakpoint
CREATE INDEX "suggestions_reply_on_idx" ON "suggestions" USING btree ("reply_on");