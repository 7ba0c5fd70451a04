CREATE TABLE "clue_cooperation_agreements" (
	"clue_id" integer PRIMARY KEY NOT NULL,
	"agreement_id" integer NOT NULL,
	"linked_by" integer NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" DROP CONSTRAINT "attachments_one_owner";--> statement-breakpoint
ALTER TABLE "reminders_sent" DROP CONSTRAINT "reminders_sent_kind_check";--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "cooperation_agreement_id" integer;--> statement-breakpoint
ALTER TABLE "clue_cooperation_agreements" ADD CONSTRAINT "clue_cooperation_agreements_clue_id_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_cooperation_agreements" ADD CONSTRAINT "clue_cooperation_agreements_agreement_id_cooperation_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."cooperation_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_cooperation_agreements" ADD CONSTRAINT "clue_cooperation_agreements_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clue_cooperation_agreements_agreement_idx" ON "clue_cooperation_agreements" USING btree ("agreement_id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_cooperation_agreement_id_cooperation_agreements_id_fk" FOREIGN KEY ("cooperation_agreement_id") REFERENCES "public"."cooperation_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_cooperation_agreement_idx" ON "attachments" USING btree ("cooperation_agreement_id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_one_owner" CHECK (num_nonnulls("attachments"."clue_id", "attachments"."suggestion_id", "attachments"."patrol_finding_id", "attachments"."assessment_entry_id", "attachments"."cooperation_agreement_id") = 1);--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_kind_check" CHECK ("reminders_sent"."kind" in ('deadline', 'followUpVisit', 'consultationCheck', 'jointMeeting'));