ALTER TABLE "departments" ADD COLUMN "clue_assessment_days" integer;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "suggestion_doc_code" text;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "contact_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "contact_phone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "copy_to" text DEFAULT '' NOT NULL;