CREATE TABLE "admin_violation_records" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"organ" text NOT NULL,
	"organ_code" text,
	"act_kind" text NOT NULL,
	"act_kind_other" text,
	"act_description" text,
	"violation" text NOT NULL,
	"suggestion_id" integer,
	"correction" text,
	"correction_measures" text,
	"corrected_on" date,
	"updated_by" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_violation_records_act_kind_check" CHECK ("admin_violation_records"."act_kind" in ('penalty', 'licensing', 'coercion', 'nonLitigationEnforcement', 'levy', 'inaction', 'other')),
	CONSTRAINT "admin_violation_records_correction_check" CHECK ("admin_violation_records"."correction" in ('corrected', 'partlyCorrected', 'notCorrected')),
	CONSTRAINT "admin_violation_records_other_named" CHECK (("admin_violation_records"."act_kind" = 'other') = ("admin_violation_records"."act_kind_other" IS NOT NULL)),
	CONSTRAINT "admin_violation_records_correction_dated" CHECK (("admin_violation_records"."correction" IS NULL) = ("admin_violation_records"."corrected_on" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "clue_criminal_origins" (
	"clue_id" integer PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"criminal_case_id" integer,
	"criminal_case_number" text NOT NULL,
	"note" text,
	"recorded_by" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clue_criminal_origins_kind_check" CHECK ("clue_criminal_origins"."kind" in ('foundInCriminalCase', 'reverseLinkage', 'other'))
);
--> statement-breakpoint
ALTER TABLE "admin_violation_records" ADD CONSTRAINT "admin_violation_records_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_violation_records" ADD CONSTRAINT "admin_violation_records_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_violation_records" ADD CONSTRAINT "admin_violation_records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_criminal_origins" ADD CONSTRAINT "clue_criminal_origins_clue_id_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_criminal_origins" ADD CONSTRAINT "clue_criminal_origins_criminal_case_id_cases_id_fk" FOREIGN KEY ("criminal_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_criminal_origins" ADD CONSTRAINT "clue_criminal_origins_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;