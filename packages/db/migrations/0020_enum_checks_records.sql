ALTER TABLE "attachments" ADD CONSTRAINT "attachments_purpose_check" CHECK ("attachments"."purpose" in ('material', 'reply'));--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_kind_check" CHECK ("attachments"."kind" in ('pdf', 'jpeg', 'png', 'docx', 'xlsx', 'doc', 'xls', 'txt'));--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_state_check" CHECK ("deadlines"."state" in ('running', 'paused', 'pending'));--> statement-breakpoint
ALTER TABLE "holiday_calendar_days" ADD CONSTRAINT "holiday_calendar_days_kind_check" CHECK ("holiday_calendar_days"."kind" in ('rest', 'work'));--> statement-breakpoint
ALTER TABLE "holiday_calendar_days" ADD CONSTRAINT "holiday_calendar_days_source_check" CHECK ("holiday_calendar_days"."source" in ('chinese-days', 'admin', 'import'));--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_kind_check" CHECK ("reminders_sent"."kind" in ('deadline', 'followUpVisit'));--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_state_check" CHECK ("reminders_sent"."state" in ('dueSoon', 'overdue'));